#include "core/duration_text.hpp"

#include <catch2/catch.hpp>

using namespace std::chrono_literals;
using sitstretch::core::describe_duration;
using sitstretch::core::format_duration;
using sitstretch::core::Ms;
using sitstretch::core::parse_duration;

TEST_CASE("Durations are written with h, m and s, largest first") {
  CHECK(parse_duration("90s") == Ms{90s});
  CHECK(parse_duration("45m") == Ms{45min});
  CHECK(parse_duration("1h30m") == Ms{90min});
  CHECK(parse_duration("2h5s") == Ms{2h + 5s});
  CHECK(parse_duration("0s") == Ms{0s});
}

TEST_CASE("Anything else is not a duration") {
  for (const char* bad : {"", "45", "m", "1.5h", "30m1h", "1h1h", "5 m", "-5m", "5M", "1d",
                          "999999999999h", "1h30", "h30m"}) {
    INFO(bad);
    CHECK_FALSE(parse_duration(bad));
  }
}

TEST_CASE("Durations print back the way they parse") {
  for (Ms d : {Ms{0s}, Ms{45s}, Ms{45min}, Ms{90min}, Ms{4h}, Ms{1h + 1s}}) {
    CHECK(parse_duration(format_duration(d)) == d);
  }
  CHECK(format_duration(90min) == "1h30m");
  CHECK(describe_duration(90min) == "1 h 30 min");
  CHECK(describe_duration(10min) == "10 min");
  CHECK(describe_duration(30s) == "30 s");
  CHECK(describe_duration(2h) == "2 h");
}

// Found by fuzz/duration_fuzz: each number was capped but not the sum, so this parsed and then
// printed as "100000001h16m59s", which does not parse.
TEST_CASE("A duration that parses prints as one that parses: the total is capped too") {
  CHECK(parse_duration("100000000h") == Ms{std::chrono::hours(100'000'000)});
  CHECK_FALSE(parse_duration("100000000h4619s"));
  const auto longest = parse_duration("99999999h60m");
  REQUIRE(longest);
  CHECK(parse_duration(format_duration(*longest)) == longest);
}
