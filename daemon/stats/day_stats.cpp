#include "stats/day_stats.hpp"

#include <algorithm>

#include "core/episodes.hpp"
#include "stats/bouts.hpp"
#include "stats/held.hpp"

namespace sitstretch::stats {
namespace {

using core::RecordKind;

// The index of the day containing t, or nothing. Days are consecutive and in order.
std::optional<std::size_t> day_index(const std::vector<LocalDay>& days, core::Ms t) {
  auto after = std::upper_bound(days.begin(), days.end(), t,
                                [](core::Ms v, const LocalDay& d) { return v < d.start; });
  if (after == days.begin()) return std::nullopt;
  const auto i = static_cast<std::size_t>(after - days.begin() - 1);
  if (t >= days[i].end) return std::nullopt;
  return i;
}

void count_record(DayStats& d, const core::Record& r) {
  switch (r.kind) {
    case RecordKind::prompt:
      ++(r.attempt == 1 ? d.break_prompts : d.repeated_prompts);
      break;
    case RecordKind::accepted:
      ++(r.prompted ? d.accepted : d.own_stretches);
      break;
    case RecordKind::snoozed:
      ++d.postponed;
      break;
    case RecordKind::skipped:
      ++d.skipped;
      break;
    case RecordKind::dismissed:
      ++d.dismissed;
      break;
    case RecordKind::ignored:
      ++d.ignored;
      break;
    case RecordKind::away:
      ++(r.prompted ? d.prompted_breaks : d.natural_breaks);
      break;
    case RecordKind::side:
      ++(r.side == core::Side::left    ? d.tighter_left
         : r.side == core::Side::right ? d.tighter_right
                                       : d.tighter_even);
      break;
    default:
      break;
  }
}

// Bout parts per day, and where they cross the day's midnights.
void add_bouts(std::vector<DayStats>& out, const std::vector<core::Record>& records,
               const std::vector<LocalDay>& days) {
  for (const Interval& bout : sitting_bouts(records)) {
    auto whole = clip(bout, days.front().start, days.back().end);
    if (!whole) continue;
    for (auto i = day_index(days, whole->start); i && *i < days.size(); ++*i) {
      auto part = clip(*whole, days[*i].start, days[*i].end);
      if (!part) break;
      DayStats& d = out[*i];
      d.sitting += part->length();
      ++d.bouts;
      d.longest_bout = std::max(d.longest_bout, part->length());
      if (bout.start < days[*i].start) d.bout_from_before = part->length();
      if (bout.end > days[*i].end) d.bout_into_next = part->length();
    }
  }
}

// Episodes count on the day they resolved, like the answers and breaks that resolve them.
void add_episodes(std::vector<DayStats>& out, const std::vector<core::Record>& records,
                  const std::vector<LocalDay>& days) {
  for (const core::Episode& e : core::fold_episodes(records).episodes) {
    if (!e.resolution) continue;
    auto i = day_index(days, e.resolved_at);
    if (!i) continue;
    ++out[*i].resolved;
    if (e.complied) ++out[*i].complied;
  }
}

// A held prompt counts, with all its hold, on the day it came, like the prompt itself.
void add_held(std::vector<DayStats>& out, const std::vector<core::Record>& records,
              const std::vector<LocalDay>& days) {
  for (const Interval& hold : held_prompts(records)) {
    auto i = day_index(days, hold.end);
    if (!i) continue;
    ++out[*i].held_prompts;
    out[*i].held += hold.length();
  }
}

void add_counts_to_total(DayStats& total, const DayStats& d) {
  for (const DayField& f : kDayFields) {
    if (f.use == FieldUse::summed) f.set(total, f.value(total) + f.value(d));
  }
}

}  // namespace

std::optional<double> DayStats::compliance() const {
  if (resolved == 0) return std::nullopt;
  return static_cast<double>(complied) / resolved;
}

// Any summed number will do: a bout has some sitting, and a resolved episode an answer or a
// break that same day.
bool DayStats::has_data() const {
  for (const DayField& f : kDayFields) {
    if (f.use == FieldUse::summed && f.value(*this) != 0) return true;
  }
  return false;
}

std::vector<DayStats> count_days(const std::vector<core::Record>& records,
                                 const std::vector<LocalDay>& days) {
  std::vector<DayStats> out(days.size());
  if (days.empty()) return out;
  for (std::size_t i = 0; i < days.size(); ++i) out[i].date = days[i].date;
  for (const core::Record& r : records) {
    if (auto i = day_index(days, r.t)) count_record(out[*i], r);
  }
  add_bouts(out, records, days);
  add_episodes(out, records, days);
  add_held(out, records, days);
  return out;
}

// A bout across midnight is one bout of the total, as long as all its parts in the range.
DayStats total_of(const std::vector<DayStats>& days) {
  DayStats total;
  total.date = "total";
  core::Ms running{};  // the bout going on across the previous midnight, its length in the range
  for (std::size_t i = 0; i < days.size(); ++i) {
    const DayStats& d = days[i];
    add_counts_to_total(total, d);
    const bool continued =
        i > 0 && d.bout_from_before > core::Ms{} && days[i - 1].bout_into_next > core::Ms{};
    if (continued) --total.bouts;
    running = (continued ? running : core::Ms{}) + d.bout_from_before;
    total.longest_bout = std::max({total.longest_bout, running, d.longest_bout});
    // One bout that both came from before and goes on is the day's only one, all of it.
    const bool spans_day =
        d.bouts == 1 && d.bout_from_before > core::Ms{} && d.bout_into_next > core::Ms{};
    if (!spans_day) running = d.bout_into_next;
  }
  return total;
}

Summary summarize(const std::vector<core::Record>& records, const std::vector<LocalDay>& days) {
  Summary s{count_days(records, days), {}};
  s.total = total_of(s.days);
  return s;
}

}  // namespace sitstretch::stats
