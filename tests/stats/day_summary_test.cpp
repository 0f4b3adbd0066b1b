// The tray's "today" summary: the local calendar day, 23 or 25 hours long on DST days.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "stats/day_summary.hpp"

namespace sitstretch::stats::test {
namespace {

using namespace std::chrono_literals;

// From 00:00 on 2026-03-28 (Berlin): a stretch of one's own at 23:03 that evening, then on the
// 23-hour 2026-03-29 a bout from 01:00 whose prompt at 01:45 is answered by done, and a second
// bout whose prompt is skipped.
constexpr const char* kAroundSpring = R"(82800 active
83000 done
83100 idle
90000 active
# 92700 prompt
92710 done
93000 idle
100000 active
# 102700 prompt
102720 skip
103000 idle
104000 end
)";

TEST_CASE(
    "Today on the 23-hour spring day starts at its own midnight and not 24 hours before the next") {
  ScopedTimeZone berlin("Europe/Berlin");
  const auto records = replay_at(kAroundSpring, local_midnight("2026-03-28"));
  const LocalDay today = local_day_of(local_midnight("2026-03-29") + 10h);
  REQUIRE(today.date == "2026-03-29");
  // 24 hours before the next midnight is 23:00 on the 28th: its 23:03 stretch is not today's.
  REQUIRE(today.end - 24h < local_midnight("2026-03-28") + 83000s);
  const DaySummary summary = summarize_day(records, today);
  CHECK(summary.stretches == 1);
  CHECK(summary.prompts == 2);
  CHECK(summary.compliance == 0.5);
}

TEST_CASE("Today on the 25-hour autumn day includes its first hour") {
  ScopedTimeZone berlin("Europe/Berlin");
  // A stretch of one's own at 00:30 on 2026-10-25, 25 hours before that day ends.
  const auto records =
      replay_at("1000 active\n1800 done\n2000 idle\n3000 end\n", local_midnight("2026-10-25"));
  const LocalDay today = local_day_of(local_midnight("2026-10-25") + 20h);
  REQUIRE(today.length() == 25h);
  CHECK(summarize_day(records, today).stretches == 1);
  CHECK(summarize_day(records, today).prompts == 0);
  CHECK_FALSE(summarize_day(records, today).compliance);
}

TEST_CASE("The summary reads its records from the start of the day before") {
  ScopedTimeZone berlin("Europe/Berlin");
  const LocalDay spring = local_day_of(local_midnight("2026-03-29") + 1h);
  CHECK(summary_records_from(spring) == local_midnight("2026-03-28"));
  const LocalDay after_autumn = local_day_of(local_midnight("2026-10-26") + 1h);
  CHECK(summary_records_from(after_autumn) == local_midnight("2026-10-25"));
}

TEST_CASE("The summary notification says how long, today's numbers and the tighter side") {
  const DaySummary day{3, 4, 0.75};
  CHECK(summary_text(day, 32min, "left tighter in 2 of the last 3") ==
        "Sitting for 32 min.\nToday: 3 stretches, 4 prompts, 75% complied.\n"
        "Tighter side: left tighter in 2 of the last 3.");
  CHECK(summary_text(DaySummary{}, std::nullopt, "no side reported yet") ==
        "Away.\nToday: 0 stretches, 0 prompts.\nTighter side: no side reported yet.");
}

}  // namespace
}  // namespace sitstretch::stats::test
