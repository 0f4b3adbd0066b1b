#pragma once

#include <optional>
#include <vector>

#include "core/record.hpp"

namespace sitstretch::stats {

// A half-open range of UTC epoch milliseconds.
struct Interval {
  core::Ms start{};
  core::Ms end{};
  core::Ms length() const { return end - start; }
  bool operator==(const Interval&) const = default;
};

// The sitting bouts the records tell of, in time order, none empty. The log has no "bout
// started" record, but every record carries the sitting time at its instant, so a bout is known
// from any of its records as [t - sitting, t]:
// - `away` ends one at `since` (its sitting is the bout up to `since`);
// - `accepted` ends one at `t` (a new bout starts then if the user is present);
// - a bout still running when the records end is known up to its last record.
// Records must be in time order, as Store::records returns them.
std::vector<Interval> sitting_bouts(const std::vector<core::Record>& utc_records);

// Breaks: from an `away` record's `since` to the following `back` (or, with no `back` yet, to
// the `away` itself, the last instant the break is known to have lasted).
std::vector<Interval> breaks(const std::vector<core::Record>& utc_records);

// Splits an interval at the given day boundaries: the part of `interval` inside `day`, if any.
std::optional<Interval> clip(const Interval& interval, core::Ms day_start, core::Ms day_end);

}  // namespace sitstretch::stats
