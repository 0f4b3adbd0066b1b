#pragma once

// `sitstretch stats` and `sitstretch report`: statistics and the HTML report, read straight from
// the compliance log (no daemon needed). They never move or change a damaged log: that is the
// daemon's business; they say what is wrong and exit 1.

#include <cstdint>
#include <optional>
#include <string>

#include "cli/commands.hpp"

namespace sitstretch::cli {

// stats [--days N | --since DATE] [--json | --csv]
int stats_command(const Args& args);
// report [--days N] [-o FILE] [--open]
int report_command(const Args& args);

// Reads "N" for --days: 1 to 3660.
std::optional<int> parse_days(const std::string& text);

}  // namespace sitstretch::cli
