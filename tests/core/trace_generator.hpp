#pragma once

#include <cstdint>
#include <string>

#include "core/settings.hpp"

namespace sitstretch::test {

// Writes a random but valid trace of about `lines` lines: presence and busy changes with gaps
// from seconds to hours, and user actions only where the model would take them. The same seed gives
// the same trace.
std::string random_trace(std::uint32_t seed, int lines, const core::Settings& settings);

}  // namespace sitstretch::test
