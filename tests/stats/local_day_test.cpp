// Local calendar days: midnight to midnight in the process time zone, DST days included.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "stats/local_day.hpp"

namespace sitstretch::stats::test {
namespace {

using namespace std::chrono_literals;

TEST_CASE("Berlin's DST days are 23 and 25 hours long, the days around them 24") {
  ScopedTimeZone berlin("Europe/Berlin");
  const auto spring = days("2026-03-28", "2026-03-30");
  REQUIRE(spring.size() == 3);
  CHECK(spring[0].date == "2026-03-28");
  CHECK(spring[0].length() == 24h);
  CHECK(spring[1].date == "2026-03-29");
  CHECK(spring[1].length() == 23h);
  CHECK(spring[2].length() == 24h);
  const auto autumn = days("2026-10-24", "2026-10-26");
  REQUIRE(autumn.size() == 3);
  CHECK(autumn[1].date == "2026-10-25");
  CHECK(autumn[1].length() == 25h);
  // 2026-03-29T00:00+01:00 is 2026-03-28T23:00Z.
  CHECK(spring[1].start == core::Ms(1774738800000));
  CHECK(spring[1].end == spring[2].start);
}

TEST_CASE("The day of an instant runs from its local midnight to the next") {
  ScopedTimeZone berlin("Europe/Berlin");
  const core::Ms midnight = local_midnight("2026-11-25");
  CHECK(local_day_of(midnight).date == "2026-11-25");
  CHECK(local_day_of(midnight - 1ms).date == "2026-11-24");
  CHECK(local_day_of(midnight + 24h - 1ms).date == "2026-11-25");
  CHECK(local_day_of(midnight + 24h).date == "2026-11-26");
  CHECK(next_day(local_day_of(midnight)).start == midnight + 24h);
}

TEST_CASE("The last N days end with today, oldest first") {
  ScopedTimeZone berlin("Europe/Berlin");
  const core::Ms now = local_midnight("2026-03-30") + 10h;
  const auto week = last_days(now, 7);
  REQUIRE(week.size() == 7);
  CHECK(week.front().date == "2026-03-24");
  CHECK(week.back().date == "2026-03-30");
  for (std::size_t i = 1; i < week.size(); ++i) CHECK(week[i].start == week[i - 1].end);
  CHECK(last_days(now, 1).size() == 1);
  CHECK(last_days(now, 365).size() == 365);
  CHECK(days_between(now, now - 1ms).empty());
}

TEST_CASE("The same instants fall on other dates in another time zone") {
  const core::Ms instant(1795608000000);  // 2026-11-25T12:00Z
  {
    ScopedTimeZone tokyo("Asia/Tokyo");
    CHECK(local_day_of(instant + 13h).date == "2026-11-26");
  }
  ScopedTimeZone la("America/Los_Angeles");
  CHECK(local_day_of(instant - 13h).date == "2026-11-24");
}

}  // namespace
}  // namespace sitstretch::stats::test
