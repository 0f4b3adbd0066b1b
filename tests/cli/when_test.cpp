// --since and --until: points in time as people write them, in the local time zone.
#include "cli/when.hpp"

#include <catch2/catch.hpp>

#include "run_command.hpp"

using sitstretch::cli::parse_when;
using sitstretch::test::ScopedTimeZone;

namespace {

// 2026-11-25T12:34:56Z
constexpr std::int64_t kNow = 1'795'610'096'000;

}  // namespace

TEST_CASE("dates and times are local") {
  ScopedTimeZone berlin("Europe/Berlin");                      // UTC+1 in November
  CHECK(parse_when("2026-11-25", kNow) == 1'795'561'200'000);  // 2026-11-24T23:00Z
  CHECK(parse_when("2026-11-25T14:00", kNow) == 1'795'611'600'000);
  CHECK(parse_when("2026-11-25 14:00:30", kNow) == 1'795'611'630'000);
}

TEST_CASE("today and yesterday start at local midnight") {
  ScopedTimeZone berlin("Europe/Berlin");
  CHECK(parse_when("today", kNow) == 1'795'561'200'000);
  CHECK(parse_when("yesterday", kNow) == 1'795'561'200'000 - 86'400'000);
}

TEST_CASE("yesterday across a DST change is a 25-hour day back") {
  ScopedTimeZone berlin("Europe/Berlin");
  // 2026-10-26T12:00Z: the clocks went back on 2026-10-25.
  const std::int64_t monday_noon = 1'793'016'000'000;
  const auto today = parse_when("today", monday_noon);
  const auto yesterday = parse_when("yesterday", monday_noon);
  REQUIRE(today);
  REQUIRE(yesterday);
  CHECK(*today - *yesterday == 25 * 3'600'000);
}

TEST_CASE("today on a day of a DST change starts at that day's midnight") {
  ScopedTimeZone berlin("Europe/Berlin");
  constexpr std::int64_t kHour = 3'600'000;
  // 2026-03-29T20:00Z, 22:00 in Berlin: the clocks went forward at 02:00, a 23-hour day.
  const std::int64_t spring_evening = 1'774'814'400'000;
  CHECK(parse_when("today", spring_evening) == spring_evening - 21 * kHour);  // 2026-03-28T23:00Z
  // 2026-10-25T20:00Z, 21:00 in Berlin: the clocks went back at 03:00, a 25-hour day.
  const std::int64_t autumn_evening = 1'792'958'400'000;
  CHECK(parse_when("today", autumn_evening) == autumn_evening - 22 * kHour);  // 2026-10-24T22:00Z
  // The day after the spring change: yesterday began 23 hours before today.
  const auto today = parse_when("today", spring_evening + 24 * kHour);
  const auto yesterday = parse_when("yesterday", spring_evening + 24 * kHour);
  REQUIRE(today);
  REQUIRE(yesterday);
  CHECK(*today - *yesterday == 23 * kHour);
  CHECK(*yesterday == spring_evening - 21 * kHour);
}

TEST_CASE("a duration means that long ago") {
  CHECK(parse_when("2h", kNow) == kNow - 7'200'000);
  CHECK(parse_when("30m", kNow) == kNow - 1'800'000);
}

TEST_CASE("anything else is refused") {
  for (const char* bad : {"", "now", "2026-13-01", "2026-11-25T25:00", "2026-11-25X14:00",
                          "25.11.2026", "2026-11-25T14", "2026-11-25T14:00:00Z"}) {
    INFO(bad);
    CHECK_FALSE(parse_when(bad, kNow));
  }
}
