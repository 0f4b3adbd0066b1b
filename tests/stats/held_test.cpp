// Prompts held while busy (rule 9) in the statistics: which prompts count, from when their hold
// is counted, and the `held` columns, hand-computed from kBusyDay (fixture.cpp).
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "run_command.hpp"
#include "stats/day_stats.hpp"
#include "stats/held.hpp"
#include "stats/stats_format.hpp"
#include "store/store.hpp"

namespace sitstretch::stats::test {
namespace {

using namespace std::chrono_literals;
using core::Ms;

std::vector<core::Record> busy_day() {
  sitstretch::test::TempDir dir;
  return through_store(std::filesystem::path(dir.path()) / "log.sqlite3",
                       replay_at(kBusyDay, local_midnight("2026-11-24")));
}

Interval at(Ms origin, long start_s, long end_s) {
  return {origin + Ms(start_s * 1000), origin + Ms(end_s * 1000)};
}

TEST_CASE("Each held prompt's hold runs from the latest instant it was surely not yet due") {
  ScopedTimeZone berlin("Europe/Berlin");
  const Ms midnight = local_midnight("2026-11-24");
  const auto held = held_prompts(busy_day());
  REQUIRE(held.size() == 3);
  // Free at 09:00 with the prompt at once: counted from the busy start, 08:20 (it fell due at
  // 08:45; the log cannot tell, and the bout began earlier, at 08:00).
  CHECK(held[0] == at(midnight, 30000, 32400));
  // The snooze's re-prompt fell due when the snooze ended, 09:56:40, after the camera began.
  CHECK(held[1] == at(midnight, 35800, 36400));
  // Let through by busy.max_defer while busy at 11:52:30, counted from the user's busy at 10:16:40
  // (the fullscreen window that joined later does not restart the spell).
  CHECK(held[2] == at(midnight, 37000, 42750));
}

TEST_CASE(
    "A prompt that is not held, and one whose busy is missing, are counted as the log allows") {
  ScopedTimeZone berlin("Europe/Berlin");
  const Ms midnight = local_midnight("2026-11-24");
  std::vector<core::Record> records = busy_day();
  // Without the first `busy dnd`: the free shows a spell from before the records, so the hold is
  // counted from the start of the bout, 08:00.
  REQUIRE(records.front().kind == core::RecordKind::busy);
  records.erase(records.begin());
  const auto held = held_prompts(records);
  REQUIRE(held.size() == 3);
  CHECK(held[0] == at(midnight, 28800, 32400));
  // The 09:46 prompt came while nothing was busy: not held.
  for (const Interval& i : held) CHECK(i.end != midnight + 35160s);
}

TEST_CASE("The day counts the held prompts and their holds, and stats show them in every format") {
  ScopedTimeZone berlin("Europe/Berlin");
  const Summary s = summarize(busy_day(), days("2026-11-24", "2026-11-25"));
  REQUIRE(s.days.size() == 2);
  CHECK(s.days[0].held_prompts == 3);
  CHECK(s.days[0].held == Ms((2400 + 600 + 5750) * 1000));  // 2:25:50
  CHECK(s.days[0].break_prompts == 3);
  CHECK(s.days[0].repeated_prompts == 1);
  CHECK(s.days[1].held_prompts == 0);
  CHECK(s.total.held_prompts == 3);
  CHECK(s.total.held == 8750s);

  CHECK_THAT(stats_json(s), Catch::Contains("\"held_prompts\":3,\"held_s\":8750,"));
  const std::string csv = stats_csv(s);
  CHECK_THAT(csv, Catch::Contains(",prompted_breaks,held_prompts,held_s,"));
  CHECK_THAT(csv, Catch::Contains("\ntotal,"));
  const std::string table = stats_table(s, false);
  CHECK_THAT(table, Catch::Contains(" prompted held hold  compliance"));
  // The first row: ... prompted 0, held 3, hold 2:25.
  CHECK_THAT(table, Catch::Contains("        0    3 2:25  "));
}

TEST_CASE("A busy spell begun days before still holds in the log's summary, kept or not") {
  ScopedTimeZone berlin("Europe/Berlin");
  sitstretch::test::TempDir dir;
  const auto file = std::filesystem::path(dir.path()) / "log.sqlite3";
  // `sitstretch busy` at 01:00 on the 23rd, never freed; on the 25th the user sits from 08:00,
  // the prompt falls due at 08:45 and busy.max_defer lets it through at 09:45.
  const auto records = through_store(file, replay_at("3600 busy user\n201600 active\n"
                                                     "209000 end\n",
                                                     local_midnight("2026-11-23")));
  REQUIRE(records.size() == 3);  // busy, prompt, ignored
  auto opened = store::Store::open(file);
  REQUIRE(std::holds_alternative<std::unique_ptr<store::Store>>(opened));
  auto& log = std::get<std::unique_ptr<store::Store>>(opened);
  const auto day = days("2026-11-25", "2026-11-25");
  CHECK(log->busy_before(day.front().start.count()) == std::vector{records.front()});
  for (int pass = 0; pass < 2; ++pass) {  // counted, then read back as kept
    INFO("pass " << pass);
    const Summary s = log->summary(day, day.back().end + 1h);
    CHECK(s.days[0].held_prompts == 1);
    CHECK(s.days[0].held == 6300s);  // from the start of the bout: the spell began before it
  }
  CHECK(sql(file, "SELECT held_prompts FROM day_stats") == 1);
}

}  // namespace
}  // namespace sitstretch::stats::test
