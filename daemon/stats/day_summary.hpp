#pragma once

// Today's numbers in a few words, for the tray's summary notification (a click on the icon).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/record.hpp"
#include "stats/local_day.hpp"

namespace sitstretch::stats {

struct DaySummary {
  int stretches = 0;                 // every `done` of the day, answering a prompt or not
  int prompts = 0;                   // prompt episodes begun that day
  std::optional<double> compliance;  // of the episodes resolved that day; none resolved: nothing
  bool operator==(const DaySummary&) const = default;
};

// The earliest record summarize_day() needs for `day`: the start of the day before, so that an
// episode that began then and was resolved on `day` counts whole (see count_days).
core::Ms summary_records_from(const LocalDay& day);

// Counts `day` (a local calendar day: 23 or 25 hours on DST days) from UTC records in time order,
// read from summary_records_from(day) on. Records outside the day count for nothing.
DaySummary summarize_day(const std::vector<core::Record>& utc_records, const LocalDay& day);

// The notification's body: "Sitting for 32 min." (or "Away." when sitting_for is nothing), then
// "Today: 3 stretches, 4 prompts, 75% complied." and "Tighter side: <side_trend>.", one a line.
std::string summary_text(const DaySummary& day, std::optional<core::Ms> sitting_for,
                         std::string_view side_trend);

}  // namespace sitstretch::stats
