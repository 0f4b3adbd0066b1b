#pragma once

#include <string>

#include "stats/day_stats.hpp"

namespace sitstretch::stats {

// `sitstretch stats`: an aligned table, one row per day and a total row, with a ten-cell bar for
// compliance. `colour` adds ANSI colours (the caller decides: a terminal and no NO_COLOR).
std::string stats_table(const Summary& summary, bool colour);

// The same numbers as one JSON object: {"days": [...], "total": {...}}; durations in whole
// seconds, compliance a fraction from 0 to 1 or null.
std::string stats_json(const Summary& summary);

// The same numbers as CSV: a header line, one line per day, then the "total" line.
std::string stats_csv(const Summary& summary);

// Whole seconds of a duration, rounded down.
long long whole_seconds(core::Ms d);

// "6:05" for 6 h 5 min (rounded down to the minute).
std::string hours_minutes(core::Ms d);

}  // namespace sitstretch::stats
