#include "stats/day_summary.hpp"

#include "core/duration_text.hpp"
#include "stats/day_stats.hpp"

namespace sitstretch::stats {

core::Ms summary_records_from(const LocalDay& day) {
  return local_day_of(day.start - core::Ms{1}).start;
}

DaySummary summarize_day(const std::vector<core::Record>& utc_records, const LocalDay& day) {
  const DayStats counted = count_days(utc_records, {day}).front();
  return {counted.accepted + counted.own_stretches, counted.break_prompts, counted.compliance()};
}

std::string summary_text(const DaySummary& day, std::optional<core::Ms> sitting_for,
                         std::string_view side_trend) {
  std::string body =
      sitting_for ? "Sitting for " + core::describe_duration(*sitting_for) + ".\n" : "Away.\n";
  body += "Today: " + std::to_string(day.stretches) + " stretches, " + std::to_string(day.prompts) +
          " prompts";
  if (day.compliance) {
    body += ", " + std::to_string(static_cast<int>(*day.compliance * 100 + 0.5)) + "% complied";
  }
  body += ".\nTighter side: " + std::string(side_trend) + ".";
  return body;
}

}  // namespace sitstretch::stats
