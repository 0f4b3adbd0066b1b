#pragma once

#include <chrono>

namespace sitstretch::core {

// Instants and durations of the sitting model, both in milliseconds. An instant counts from the
// origin of the model's clock: CLOCK_BOOTTIME in the daemon, the start of the trace in replay.
using Ms = std::chrono::milliseconds;

inline constexpr Ms kDay = std::chrono::hours(24);

}  // namespace sitstretch::core
