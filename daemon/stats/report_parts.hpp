#pragma once

// The pieces of the HTML report, each an inline <svg> element (private to the stats library).

#include <string>
#include <vector>

#include "core/record.hpp"
#include "stats/day_stats.hpp"
#include "stats/local_day.hpp"

namespace sitstretch::stats {

// One row per day: bouts, breaks, prompt marks coloured by their answer, own stretches.
std::string timeline_svg(const std::vector<core::Record>& utc_records,
                         const std::vector<LocalDay>& days);

// One <rect class="bar ..."> per day, in the order given: compliance (0 to 100 %), the longest
// bout, and the tighter side (right minus left reports over all reports, drawn from a middle
// line). A day without a value gets an empty bar ("bar empty") so every chart has one per day.
std::string compliance_chart(const std::vector<DayStats>& days);
std::string longest_bout_chart(const std::vector<DayStats>& days);
std::string side_chart(const std::vector<DayStats>& days);

// "12.5" with at most one decimal: SVG coordinates.
std::string coord(double v);

}  // namespace sitstretch::stats
