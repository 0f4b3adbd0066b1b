#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/record.hpp"
#include "stats/local_day.hpp"

namespace sitstretch::stats {

// The numbers of one local calendar day (or of the whole range, in Summary::total). The names
// follow Workrave where it has one; doc/stats.md defines each. kDayFields below lists them for
// everything that goes through all of them: a new number is added there too.
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
  int held_prompts = 0;     // prompts that busy held (rule 9), on the day they came
  core::Ms held{};          // how long they were held, in total (see held.hpp)
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

// What a field of DayStats is for, beyond being kept by the store.
enum class FieldUse {
  summed,    // shown; the total is the sum of the days (total_of then corrects bouts)
  longest,   // shown; total_of works the total out from the bouts across midnights
  boundary,  // not shown; total_of reads it to join bouts across midnights
};

// One number of DayStats. The formats of `sitstretch stats` (table, JSON, CSV) and the store's
// day_stats columns are all derived from kDayFields, in its order.
struct DayField {
  std::string_view name;   // the JSON/CSV key and store column, before a duration's unit suffix
  std::string_view label;  // its column title in the terminal table; empty: no column of its own
  int DayStats::*count = nullptr;          // exactly one of count and duration is set
  core::Ms DayStats::*duration = nullptr;  // whole seconds in JSON/CSV, milliseconds in the store
  FieldUse use = FieldUse::summed;

  // The value as a plain number: the count, or the duration in milliseconds.
  constexpr std::int64_t value(const DayStats& d) const {
    return count ? std::int64_t{d.*count} : std::int64_t{(d.*duration).count()};
  }
  constexpr void set(DayStats& d, std::int64_t v) const {
    if (count) {
      d.*count = static_cast<int>(v);
    } else {
      d.*duration = core::Ms{v};
    }
  }
};

inline constexpr DayField kDayFields[] = {
    {"sitting", "sitting", nullptr, &DayStats::sitting},
    {"bouts", "bouts", &DayStats::bouts},
    {"longest_bout", "longest", nullptr, &DayStats::longest_bout, FieldUse::longest},
    {"break_prompts", "prompts", &DayStats::break_prompts},
    {"repeated_prompts", "repeated", &DayStats::repeated_prompts},
    {"accepted", "accepted", &DayStats::accepted},
    {"own_stretches", "own", &DayStats::own_stretches},
    {"postponed", "postponed", &DayStats::postponed},
    {"skipped", "skipped", &DayStats::skipped},
    {"dismissed", "dismissed", &DayStats::dismissed},
    {"ignored", "ignored", &DayStats::ignored},
    {"natural_breaks", "natural", &DayStats::natural_breaks},
    {"prompted_breaks", "prompted", &DayStats::prompted_breaks},
    {"held_prompts", "held", &DayStats::held_prompts},
    {"held", "hold", nullptr, &DayStats::held},
    {"resolved", "", &DayStats::resolved},
    {"complied", "", &DayStats::complied},
    // The table shows the three sides in one "L/R/even" column.
    {"tighter_left", "", &DayStats::tighter_left},
    {"tighter_right", "", &DayStats::tighter_right},
    {"tighter_even", "", &DayStats::tighter_even},
    {"bout_from_before", "", nullptr, &DayStats::bout_from_before, FieldUse::boundary},
    {"bout_into_next", "", nullptr, &DayStats::bout_into_next, FieldUse::boundary},
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
// Given the records from at least one day before a day onwards, after the `busy` records of the
// busy spells still going on then (busy_at_end, Store::busy_before), its numbers are the same
// whether it is counted alone or among others: bouts are known from records inside them, an
// episode resolved that day began at most a day earlier (a longer one needs a day at the keyboard
// without a single break), and whether a prompt was held is known from the busy spells. That is
// what lets Store::summary keep finished days.
std::vector<DayStats> count_days(const std::vector<core::Record>& utc_records,
                                 const std::vector<LocalDay>& days);

// The total row of consecutive days, oldest first, from their numbers alone.
DayStats total_of(const std::vector<DayStats>& days);

// count_days and their total_of.
Summary summarize(const std::vector<core::Record>& utc_records, const std::vector<LocalDay>& days);

}  // namespace sitstretch::stats
