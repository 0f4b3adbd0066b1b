// quiet.hours: "HH:MM-HH:MM" ranges of local time, possibly across midnight.

#include <string>
#include <variant>

#include <catch2/catch.hpp>

#include "config/quiet_hours.hpp"
#include "test_support.hpp"

namespace cfg = sitstretch::config;
namespace core = sitstretch::core;
using cfg::test::accept;
using cfg::test::refuse;

namespace {

core::QuietRange range(std::string_view text) {
  auto parsed = cfg::parse_quiet_range(text);
  if (auto* message = std::get_if<std::string>(&parsed)) FAIL(*message);
  return std::get<core::QuietRange>(parsed);
}

std::string problem(std::string_view text) {
  auto parsed = cfg::parse_quiet_range(text);
  if (std::holds_alternative<core::QuietRange>(parsed)) FAIL("accepted " << text);
  return std::get<std::string>(parsed);
}

}  // namespace

TEST_CASE("a lunch break is a range within the day, in minutes since midnight") {
  CHECK(range("12:00-13:30") == core::QuietRange{720, 810});
}

TEST_CASE("a night range wraps past midnight: the end comes before the start") {
  CHECK(range("22:00-07:00") == core::QuietRange{1320, 420});
  CHECK(range("23:59-00:00") == core::QuietRange{1439, 0});
}

TEST_CASE("the clock runs from 00:00 to 23:59") {
  CHECK(range("00:00-23:59") == core::QuietRange{0, 1439});
  CHECK(problem("24:00-07:00") == R"("24:00-07:00" has hour 24; hours go from 00 to 23)");
  CHECK(problem("22:00-24:00") == R"("22:00-24:00" has hour 24; hours go from 00 to 23)");
  CHECK(problem("22:60-07:00") == R"("22:60-07:00" has minute 60; minutes go from 00 to 59)");
}

TEST_CASE("a range that starts where it ends is refused as ambiguous") {
  CHECK(problem("08:00-08:00") ==
        R"("08:00-08:00" starts and ends at the same time; start and end must differ)");
}

TEST_CASE("anything but exactly HH:MM-HH:MM is refused with the expected shape") {
  auto bad = GENERATE("7:00-08:00", "22:00 - 07:00", "22:00-07", "22-07", "", "22:00to07:00",
                      "2a:00-07:00", "22.00-07.00", "22:00-07:00 ");
  std::string expected = '"' + std::string(bad) +
                         R"(" is not a time range; expected "HH:MM-HH:MM", e.g. "22:00-07:00")";
  CHECK(problem(bad) == expected);
}

TEST_CASE("in a file, a bad entry is pointed at where it stands in the list") {
  CHECK(refuse("[quiet]\nhours = [\"12:00-13:00\", \"25:00-01:00\"]") ==
        R"(config.toml:2:25: quiet.hours: "25:00-01:00" has hour 25; hours go from 00 to 23)");
  CHECK(
      refuse("[quiet]\nhours = [\n  \"12:00-13:00\",\n  1200,\n]") ==
      R"(config.toml:4:3: quiet.hours: expected "HH:MM-HH:MM" strings in the list, got a whole number)");
  CHECK(refuse("[quiet]\nhours = \"22:00-07:00\"") ==
        R"(config.toml:2:9: quiet.hours: expected a list of "HH:MM-HH:MM" strings, got a string)");
}

TEST_CASE("several ranges are kept in the order written") {
  CHECK(accept("quiet.hours = [\"22:00-07:00\", \"12:00-13:00\"]").model.quiet ==
        std::vector<core::QuietRange>{{1320, 420}, {720, 780}});
}
