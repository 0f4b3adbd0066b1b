#pragma once

#include <string>
#include <vector>

#include "core/time.hpp"

namespace sitstretch::stats {

// A local calendar day in the process time zone (TZ, /etc/localtime) as a half-open range of UTC
// epoch milliseconds. Days of a DST change are 23 or 25 hours long.
struct LocalDay {
  std::string date;  // "2026-03-29"
  core::Ms start{};  // local midnight, UTC epoch ms
  core::Ms end{};    // the next local midnight
  core::Ms length() const { return end - start; }
  bool operator==(const LocalDay&) const = default;
};

// The local day that contains the instant.
LocalDay local_day_of(core::Ms utc);

// The day after `day`.
LocalDay next_day(const LocalDay& day);

// `count` days (at least one) ending with the day that contains `now`, oldest first.
std::vector<LocalDay> last_days(core::Ms now, int count);

// The days from the one containing `first` to the one containing `last`, oldest first; empty if
// first is after last.
std::vector<LocalDay> days_between(core::Ms first, core::Ms last);

}  // namespace sitstretch::stats
