#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/time.hpp"

namespace sitstretch::core {

// Parses durations written as in the configuration and the CLI: whole numbers with units h, m
// and s, largest unit first, each at most once ("90s", "45m", "1h30m", "2h5s"). Returns nothing
// for anything else, including an empty string or a number without a unit.
std::optional<Ms> parse_duration(std::string_view text);

// Writes a duration the way parse_duration reads it, whole seconds ("1h30m", "45s", "0s").
std::string format_duration(Ms d);

// A short human form for messages: "45 min", "1 h 30 min", "30 s".
std::string describe_duration(Ms d);

}  // namespace sitstretch::core
