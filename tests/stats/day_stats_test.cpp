// Hand-computed statistics of replayed traces, read back through a real log file.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "run_command.hpp"
#include "stats/bouts.hpp"
#include "stats/day_stats.hpp"
#include "stats/held.hpp"
#include "trace_generator.hpp"

namespace sitstretch::stats::test {
namespace {

using namespace std::chrono_literals;
using core::Ms;

std::vector<core::Record> stored(const char* trace, const std::string& first_date) {
  sitstretch::test::TempDir dir;
  return through_store(std::filesystem::path(dir.path()) / "log.sqlite3",
                       replay_at(trace, local_midnight(first_date)));
}

TEST_CASE("Two days with a bout across midnight, as a person would count them") {
  ScopedTimeZone berlin("Europe/Berlin");
  const Summary s = summarize(stored(kTwoDays, "2026-11-24"), days("2026-11-24", "2026-11-25"));
  REQUIRE(s.days.size() == 2);

  const DayStats& d1 = s.days[0];
  CHECK(d1.date == "2026-11-24");
  // 08:00-08:46 (accepted), 08:46-09:10, 09:26:40-10:50, 23:30-24:00.
  CHECK(d1.sitting == Ms((2760 + 1440 + 5000 + 1800) * 1000));
  CHECK(d1.bouts == 4);
  CHECK(d1.longest_bout == 5000s);
  CHECK(d1.break_prompts == 2);
  CHECK(d1.repeated_prompts == 1);
  CHECK(d1.accepted == 1);
  CHECK(d1.postponed == 1);
  CHECK(d1.skipped == 1);
  CHECK(d1.dismissed == 0);
  CHECK(d1.ignored == 0);
  CHECK(d1.natural_breaks == 2);
  CHECK(d1.prompted_breaks == 0);
  CHECK(d1.resolved == 2);
  CHECK(d1.complied == 1);
  CHECK(d1.compliance() == 0.5);
  CHECK(d1.tighter_left == 1);

  const DayStats& d2 = s.days[1];
  CHECK(d2.sitting == 1800s);  // 00:00-00:30, the rest of the bout
  CHECK(d2.bouts == 1);
  CHECK(d2.longest_bout == 1800s);
  CHECK(d2.break_prompts == 1);
  CHECK(d2.repeated_prompts == 1);
  CHECK(d2.ignored == 1);
  CHECK(d2.dismissed == 1);
  CHECK(d2.natural_breaks == 1);
  CHECK(d2.compliance() == 0.0);
  CHECK(d2.tighter_right == 1);

  CHECK(s.total.sitting == Ms(12'800'000));
  CHECK(s.total.bouts == 4);  // the bout across midnight counts once
  CHECK(s.total.longest_bout == 5000s);
  CHECK(s.total.break_prompts == 3);
  CHECK(s.total.resolved == 3);
  CHECK(s.total.complied == 1);
  CHECK(s.total.compliance() == Approx(1.0 / 3));
}

TEST_CASE("The 23-hour spring-forward day and a bout into the next day") {
  ScopedTimeZone berlin("Europe/Berlin");
  const Summary s =
      summarize(stored(kSpringForward, "2026-03-29"), days("2026-03-29", "2026-03-30"));
  REQUIRE(s.days.size() == 2);
  const DayStats& d1 = s.days[0];
  // 01:30-03:15:30 is 1 h 45 min 30 s of real time (the clock jumps at 02:00), then 70 s, then
  // 23:30-24:00 of the bout that goes on into March 30.
  CHECK(d1.sitting == Ms((2730 + 70 + 1800) * 1000));
  CHECK(d1.bouts == 3);
  CHECK(d1.longest_bout == 2730s);
  CHECK(d1.accepted == 1);
  CHECK(d1.natural_breaks == 1);
  CHECK(d1.compliance() == 1.0);
  const DayStats& d2 = s.days[1];
  CHECK(d2.sitting == 1200s);
  CHECK(d2.bouts == 1);
  CHECK(d2.break_prompts == 1);
  CHECK(d2.postponed == 1);
  CHECK(d2.prompted_breaks == 1);  // the user left during the snooze: complied
  CHECK(d2.compliance() == 1.0);
}

TEST_CASE("A day holds as many hours of sitting as it has: 23, then 25") {
  ScopedTimeZone berlin("Europe/Berlin");
  // Paused, so no prompt interrupts: one bout from midnight for 24 hours of real time.
  const char* trace = "0 active\n0 pause\n86400 idle\n87000 end\n";
  const Summary spring =
      summarize(replay_at(trace, local_midnight("2026-03-29")), days("2026-03-29", "2026-03-30"));
  CHECK(spring.days[0].sitting == 23h);
  CHECK(spring.days[1].sitting == 1h);
  // 25 hours of real time from midnight on the day the clocks go back: all of it on that day.
  const Summary autumn = summarize(
      replay_at("0 active\n0 pause\n90000 idle\n90600 end\n", local_midnight("2026-10-25")),
      days("2026-10-25", "2026-10-26"));
  CHECK(autumn.days[0].sitting == 25h);
  CHECK(autumn.days[0].longest_bout == 25h);
  CHECK(autumn.days[1].sitting == 0h);
  CHECK(autumn.days[1].bouts == 0);
}

TEST_CASE("A bout through a whole day is one bout of the total, as long as all its parts") {
  ScopedTimeZone berlin("Europe/Berlin");
  // Paused, so no prompt interrupts: from 22:00 on the 10th to 02:00 on the 12th.
  const auto records = replay_at("79200 active\n79200 pause\n180000 idle\n181000 end\n",
                                 local_midnight("2026-11-10"));
  const Summary s = summarize(records, days("2026-11-10", "2026-11-12"));
  REQUIRE(s.days.size() == 3);
  CHECK(s.days[0].sitting == 2h);
  CHECK(s.days[0].bout_into_next == 2h);
  CHECK(s.days[1].sitting == 24h);
  CHECK(s.days[1].bouts == 1);
  CHECK(s.days[1].bout_from_before == 24h);
  CHECK(s.days[1].bout_into_next == 24h);
  CHECK(s.days[2].sitting == 2h);
  CHECK(s.days[2].bout_from_before == 2h);
  CHECK(s.days[2].bout_into_next == 0h);
  CHECK(s.total.bouts == 1);
  CHECK(s.total.longest_bout == 28h);
  // Clipped to a range that starts on the 11th: 26 hours of it.
  const Summary later = summarize(records, days("2026-11-11", "2026-11-12"));
  CHECK(later.total.bouts == 1);
  CHECK(later.total.longest_bout == 26h);
}

TEST_CASE("Two bouts of the same length at either end of a day stay two bouts") {
  ScopedTimeZone berlin("Europe/Berlin");
  // 23:00-01:00 paused, a break, then 23:00-01:00 again: the middle day has an hour of each.
  const auto records =
      replay_at("82800 active\n82800 pause\n90000 idle\n169200 active\n176400 idle\n177000 end\n",
                local_midnight("2026-11-10"));
  const Summary s = summarize(records, days("2026-11-10", "2026-11-12"));
  CHECK(s.days[1].bouts == 2);
  CHECK(s.days[1].bout_from_before == s.days[1].bout_into_next);
  CHECK(s.total.bouts == 2);
  CHECK(s.total.longest_bout == 2h);
}

TEST_CASE(
    "Days counted apart, from a day before each and the busy spells then, make the days and total "
    "counted together") {
  ScopedTimeZone berlin("Europe/Berlin");
  for (std::uint32_t seed = 1; seed <= 30; ++seed) {
    INFO("seed " << seed);
    // About ten days, across the spring DST change.
    const auto records = replay_at(sitstretch::test::random_trace(seed, 600, spec_defaults()),
                                   local_midnight("2026-03-24"));
    if (records.empty()) continue;
    const auto range = days_between(records.front().t, records.back().t);
    const Summary together = summarize(records, range);
    for (std::size_t split = 1; split < range.size(); ++split) {
      INFO("split before " << range[split].date);
      const std::vector<LocalDay> before(range.begin(), range.begin() + split);
      const std::vector<LocalDay> after(range.begin() + split, range.end());
      std::vector<core::Record> earlier;
      std::vector<core::Record> from_day_before;
      for (const core::Record& r : records) {
        (r.t >= after.front().start - core::kDay ? from_day_before : earlier).push_back(r);
      }
      const auto busy = busy_at_end(earlier);
      from_day_before.insert(from_day_before.begin(), busy.begin(), busy.end());
      auto apart = count_days(records, before);
      const auto rest = count_days(from_day_before, after);
      apart.insert(apart.end(), rest.begin(), rest.end());
      CHECK(apart == together.days);
      CHECK(total_of(apart) == together.total);
    }
  }
}

}  // namespace
}  // namespace sitstretch::stats::test
