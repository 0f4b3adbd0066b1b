#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace sitstretch::cli {

// Reads a point in time for --since/--until, relative to now_utc_ms in the local time zone:
// "today", "yesterday", "YYYY-MM-DD" (local midnight), "YYYY-MM-DDTHH:MM[:SS]" or with a space
// instead of T (local time), or a duration such as "2h" or "30m" meaning that long ago.
// Returns UTC milliseconds since the epoch.
std::optional<std::int64_t> parse_when(std::string_view text, std::int64_t now_utc_ms);

// Now, UTC epoch milliseconds.
std::int64_t wall_now_ms();

}  // namespace sitstretch::cli
