#include "stats/bouts.hpp"

#include <algorithm>

namespace sitstretch::stats {
namespace {

using core::RecordKind;

void add(std::vector<Interval>& out, core::Ms start, core::Ms end) {
  if (end > start) out.push_back({start, end});
}

}  // namespace

std::vector<Interval> sitting_bouts(const std::vector<core::Record>& records) {
  std::vector<Interval> out;
  std::optional<Interval> open;  // the running bout, as far as the records tell
  for (const core::Record& r : records) {
    if (r.kind == RecordKind::away) {
      add(out, r.since - r.sitting, r.since);
      open.reset();
    } else if (r.kind == RecordKind::accepted) {
      add(out, r.t - r.sitting, r.t);
      open.reset();
    } else if (r.sitting > core::Ms{}) {
      open = Interval{r.t - r.sitting, r.t};
    }
  }
  if (open) add(out, open->start, open->end);
  return out;
}

std::vector<Interval> breaks(const std::vector<core::Record>& records) {
  std::vector<Interval> out;
  const core::Record* away = nullptr;  // the break still open
  for (const core::Record& r : records) {
    if (r.kind == RecordKind::away) {
      if (away) add(out, away->since, away->t);
      away = &r;
    } else if (r.kind == RecordKind::back && away) {
      add(out, away->since, r.t);
      away = nullptr;
    }
  }
  if (away) add(out, away->since, away->t);
  return out;
}

std::optional<Interval> clip(const Interval& interval, core::Ms day_start, core::Ms day_end) {
  const Interval part{std::max(interval.start, day_start), std::min(interval.end, day_end)};
  if (part.end <= part.start) return std::nullopt;
  return part;
}

}  // namespace sitstretch::stats
