#pragma once

// `sitstretch stats` and `sitstretch report`: statistics and the HTML report, read straight from
// the compliance log (no daemon needed). They never move or change a damaged log: that is the
// daemon's business; they say what is wrong and exit 1.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "cli/commands.hpp"
#include "core/record.hpp"
#include "stats/local_day.hpp"
#include "store/store.hpp"

namespace sitstretch::cli {

// stats [--days N | --since DATE] [--json | --csv]
int stats_command(const Args& args);
// report [--days N] [-o FILE] [--open]
int report_command(const Args& args);

// Now, UTC epoch milliseconds.
std::int64_t wall_now_ms();

// Reads "N" for --days: 1 to 3660.
std::optional<int> parse_days(const std::string& text);

// The log at its default place, opened for reading; a null pointer if nothing is logged yet. An
// error is one line for fail().
std::variant<std::unique_ptr<store::Store>, std::string> open_log();

// The records the days need, from the log at its default place: from a day before the first day
// (so episodes and bouts that began earlier are whole) to the end. No log file yet means no
// records. An error is one line for fail().
std::variant<std::vector<core::Record>, std::string> read_log(
    const std::vector<stats::LocalDay>& days);

}  // namespace sitstretch::cli
