#pragma once

#include "core/time.hpp"

namespace sitstretch::session {

// CLOCK_BOOTTIME in milliseconds: the daemon's clock for everything about sitting. It keeps
// counting through suspend and ignores wall-clock changes. Any thread.
core::Ms boottime_now();

// CLOCK_MONOTONIC in milliseconds: stops during suspend. Only for SuspendDetector. Any thread.
core::Ms monotonic_now();

}  // namespace sitstretch::session
