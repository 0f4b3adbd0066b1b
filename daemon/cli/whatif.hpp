#pragma once

#include <string>
#include <vector>

#include "core/settings.hpp"
#include "core/trace.hpp"
#include "stats/local_day.hpp"

namespace sitstretch::cli {

// What `sitstretch whatif` shows of one day (or the total) under one configuration.
struct WhatIfDay {
  std::string date;  // "2026-11-25", or "total"
  core::Ms sitting{};
  core::Ms longest_bout{};
  int first_prompts = 0;
  int natural_breaks = 0;
  core::Ms past_interval{};  // bout time beyond `interval`, summed over the bouts
  int held_by_busy = 0;      // prompts that fell due while busy held them (rule 9)
  bool operator==(const WhatIfDay&) const = default;
};

struct WhatIf {
  std::vector<WhatIfDay> days;  // one per day asked for, oldest first
  WhatIfDay total;
};

// The presence, busy and end lines of a trace (from `log --trace`), read once for every
// configuration; answers are left out, as they answered other prompts.
std::vector<core::TraceEvent> replayed_events(const std::string& trace);

// Replays the events under `settings` and counts the days. Trace second 0 is `start_utc`, the
// first day's local midnight. Pure but for the time zone of the days.
WhatIf what_if(const std::vector<core::TraceEvent>& events, core::Ms start_utc,
               const core::Settings& settings, const std::vector<stats::LocalDay>& days);

}  // namespace sitstretch::cli
