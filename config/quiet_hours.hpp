#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "core/settings.hpp"

namespace sitstretch::config {

// Reads one quiet.hours entry, "HH:MM-HH:MM" in local time with exactly two digits per field,
// hours 00-23 and minutes 00-59. An end before the start wraps past midnight; an end equal to the
// start is refused because it could mean either nothing or the whole day. On failure, returns a
// message that quotes the entry and says what is allowed (without the key name).
std::variant<core::QuietRange, std::string> parse_quiet_range(std::string_view text);

}  // namespace sitstretch::config
