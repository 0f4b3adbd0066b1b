#include "stats/day_stats.hpp"

#include <algorithm>

#include "core/episodes.hpp"
#include "stats/bouts.hpp"

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

// Bout parts per day, and the whole bouts for the total.
void add_bouts(Summary& s, const std::vector<core::Record>& records,
               const std::vector<LocalDay>& days) {
  for (const Interval& bout : sitting_bouts(records)) {
    auto whole = clip(bout, days.front().start, days.back().end);
    if (!whole) continue;
    ++s.total.bouts;
    s.total.longest_bout = std::max(s.total.longest_bout, whole->length());
    for (auto i = day_index(days, whole->start); i && *i < days.size(); ++*i) {
      auto part = clip(*whole, days[*i].start, days[*i].end);
      if (!part) break;
      DayStats& d = s.days[*i];
      d.sitting += part->length();
      ++d.bouts;
      d.longest_bout = std::max(d.longest_bout, part->length());
    }
  }
}

// Episodes count on the day they resolved, like the answers and breaks that resolve them.
void add_episodes(Summary& s, const std::vector<core::Record>& records,
                  const std::vector<LocalDay>& days) {
  std::vector<std::vector<core::Episode>> per_day(days.size());
  std::vector<core::Episode> all;
  for (const core::Episode& e : core::fold_episodes(records).episodes) {
    if (!e.resolution) continue;
    auto i = day_index(days, e.resolved_at);
    if (!i) continue;
    per_day[*i].push_back(e);
    all.push_back(e);
    ++s.days[*i].resolved;
    ++s.total.resolved;
    if (e.complied) {
      ++s.days[*i].complied;
      ++s.total.complied;
    }
  }
  for (std::size_t i = 0; i < days.size(); ++i) {
    s.days[i].compliance = core::compliance_rate(per_day[i]);
  }
  s.total.compliance = core::compliance_rate(all);
}

void add_counts_to_total(DayStats& total, const DayStats& d) {
  total.sitting += d.sitting;
  total.break_prompts += d.break_prompts;
  total.repeated_prompts += d.repeated_prompts;
  total.accepted += d.accepted;
  total.own_stretches += d.own_stretches;
  total.postponed += d.postponed;
  total.skipped += d.skipped;
  total.dismissed += d.dismissed;
  total.ignored += d.ignored;
  total.natural_breaks += d.natural_breaks;
  total.prompted_breaks += d.prompted_breaks;
  total.tighter_left += d.tighter_left;
  total.tighter_right += d.tighter_right;
  total.tighter_even += d.tighter_even;
}

}  // namespace

bool DayStats::has_data() const {
  return sitting > core::Ms{} || break_prompts + repeated_prompts + accepted + own_stretches +
                                         postponed + skipped + dismissed + ignored +
                                         natural_breaks + prompted_breaks + tighter_left +
                                         tighter_right + tighter_even >
                                     0;
}

Summary summarize(const std::vector<core::Record>& records, const std::vector<LocalDay>& days) {
  Summary s;
  s.total.date = "total";
  if (days.empty()) return s;
  for (const LocalDay& day : days) {
    s.days.emplace_back();
    s.days.back().date = day.date;
  }
  for (const core::Record& r : records) {
    if (auto i = day_index(days, r.t)) count_record(s.days[*i], r);
  }
  add_bouts(s, records, days);
  add_episodes(s, records, days);
  for (const DayStats& d : s.days) add_counts_to_total(s.total, d);
  return s;
}

}  // namespace sitstretch::stats
