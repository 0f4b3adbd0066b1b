#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/record.hpp"
#include "stats/local_day.hpp"

namespace sitstretch::stats {

// The numbers of one local calendar day (or of the whole range, in Summary::total). The names
// follow Workrave where it has one; doc/stats.md defines each.
struct DayStats {
  std::string date;          // "2026-03-29", or "total"
  core::Ms sitting{};        // bout time inside the day (bouts are split at midnight)
  int bouts = 0;             // bouts, or parts of bouts, inside the day
  core::Ms longest_bout{};   // the longest of them (its part inside the day)
  int break_prompts = 0;     // first prompts of an episode
  int repeated_prompts = 0;  // prompts after a snooze or an ignored prompt
  int accepted = 0;          // `done` answering a prompt
  int own_stretches = 0;     // `done` with no prompt open
  int postponed = 0;         // snoozes
  int skipped = 0;
  int dismissed = 0;        // notification closed
  int ignored = 0;          // no answer within answer_within
  int natural_breaks = 0;   // breaks with no prompt open
  int prompted_breaks = 0;  // breaks that resolved a prompt episode
  int resolved = 0;         // episodes resolved this day
  int complied = 0;         // of those, complied (SPEC §2)
  int tighter_left = 0;
  int tighter_right = 0;
  int tighter_even = 0;
  // Where the day's bouts meet its midnights, so that a total can be built from days counted at
  // different times (see total_of): the part of a bout that began before the day (the whole day
  // if the bout spans it), and the part of a bout that goes on past the day's end. Not shown.
  core::Ms bout_from_before{};
  core::Ms bout_into_next{};
  // complied / resolved (SPEC §2); nothing if no episode resolved.
  std::optional<double> compliance() const;
  bool has_data() const;
  bool operator==(const DayStats&) const = default;
};

struct Summary {
  std::vector<DayStats> days;  // one per requested day, oldest first, empty days included
  // Sums over the days, except: bouts counts whole bouts that overlap the range (a bout across
  // midnight counts once), longest_bout is the longest whole bout clipped to the range, and
  // compliance is over every episode resolved in the range.
  DayStats total;
};

// Counts the records into the days (which must be consecutive, oldest first). Records are UTC,
// in time order, and may start before the first day: an episode or bout that began earlier and
// ends inside the range is then complete. Records outside the days count for nothing.
//
// Given the records from at least one day before a day onwards, its numbers are the same whether
// it is counted alone or among others: bouts are known from records inside them, and an episode
// resolved that day began at most a day earlier (a longer one needs a day at the keyboard without
// a single break). That is what lets Store::summary keep finished days.
std::vector<DayStats> count_days(const std::vector<core::Record>& utc_records,
                                 const std::vector<LocalDay>& days);

// The total row of consecutive days, oldest first, from their numbers alone.
DayStats total_of(const std::vector<DayStats>& days);

// count_days and their total_of.
Summary summarize(const std::vector<core::Record>& utc_records, const std::vector<LocalDay>& days);

}  // namespace sitstretch::stats
