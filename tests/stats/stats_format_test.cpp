// The three forms of `sitstretch stats`: table, JSON and CSV carry the same numbers.
#include <catch2/catch.hpp>
#include <sstream>

#include "fixture.hpp"
#include "stats/stats_format.hpp"

namespace sitstretch::stats::test {
namespace {

Summary two_days() {
  return summarize(replay_at(kTwoDays, local_midnight("2026-11-24")),
                   days("2026-11-24", "2026-11-26"));
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Display columns of UTF-8 text without escape sequences: one per character.
std::size_t columns(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

TEST_CASE("The table has a header, one aligned row per day, a rule and the total") {
  ScopedTimeZone berlin("Europe/Berlin");
  const auto rows = lines(stats_table(two_days(), false));
  REQUIRE(rows.size() == 6);
  CHECK_THAT(rows[0], Catch::StartsWith("date "));
  CHECK_THAT(rows[0], Catch::Contains("postponed") && Catch::Contains("compliance"));
  CHECK_THAT(rows[1], Catch::StartsWith("2026-11-24    3:03     4    1:23       2        1"));
  CHECK_THAT(rows[1],
             Catch::Contains("\u2588\u2588\u2588\u2588\u2588\u2591") && Catch::Contains("50%"));
  CHECK_THAT(rows[3], Catch::StartsWith("2026-11-26    0:00     0    0:00       0"));
  CHECK_THAT(rows[3], Catch::Contains("  - "));  // no resolved episode: no rate
  CHECK(rows[4].find_first_not_of('-') == std::string::npos);
  CHECK_THAT(rows[5], Catch::StartsWith("total         3:33     4    1:23       3        2"));
  CHECK_THAT(rows[5], Catch::Contains("33%") && Catch::EndsWith("1/1/0"));
  for (const auto& row : rows) CHECK(columns(row) == columns(rows[0]));
}

TEST_CASE("Colour is ANSI escapes around the bar and the total, and only when asked") {
  ScopedTimeZone berlin("Europe/Berlin");
  const std::string plain = stats_table(two_days(), false);
  const std::string colour = stats_table(two_days(), true);
  CHECK(plain.find('\033') == std::string::npos);
  CHECK_THAT(colour, Catch::Contains("\033[33m\u2588") && Catch::Contains("\033[31m"));
  CHECK_THAT(colour, Catch::Contains("\033[1mtotal"));
}

TEST_CASE("JSON gives every number per day and in total") {
  ScopedTimeZone berlin("Europe/Berlin");
  const std::string json = stats_json(two_days());
  CHECK_THAT(json, Catch::StartsWith(
                       "{\"days\":[{\"date\":\"2026-11-24\",\"sitting_s\":11000,\"bouts\":4,"
                       "\"longest_bout_s\":5000,\"break_prompts\":2,\"repeated_prompts\":1,"
                       "\"accepted\":1,\"own_stretches\":0,\"postponed\":1,\"skipped\":1,"
                       "\"dismissed\":0,\"ignored\":0,\"natural_breaks\":2,\"prompted_breaks\":0,"
                       "\"held_prompts\":0,\"held_s\":0,\"resolved\":2,\"complied\":1,\"tighter_"
                       "left\":1,\"tighter_right\":0,"
                       "\"tighter_even\":0,\"compliance\":0.5}"));
  CHECK_THAT(json, Catch::Contains("\"date\":\"2026-11-26\",\"sitting_s\":0") &&
                       Catch::Contains("\"compliance\":null}"));
  CHECK_THAT(json, Catch::EndsWith(
                       "\"total\":{\"date\":\"total\",\"sitting_s\":12800,\"bouts\":4,"
                       "\"longest_bout_s\":5000,\"break_prompts\":3,\"repeated_prompts\":2,"
                       "\"accepted\":1,\"own_stretches\":0,\"postponed\":1,\"skipped\":1,"
                       "\"dismissed\":1,\"ignored\":1,\"natural_breaks\":3,\"prompted_breaks\":0,"
                       "\"held_prompts\":0,\"held_s\":0,\"resolved\":3,\"complied\":1,\"tighter_"
                       "left\":1,\"tighter_right\":1,"
                       "\"tighter_even\":0,\"compliance\":0.3333}}\n"));
}

TEST_CASE("CSV has the JSON keys as its header, a line per day and a total line") {
  ScopedTimeZone berlin("Europe/Berlin");
  const auto rows = lines(stats_csv(two_days()));
  REQUIRE(rows.size() == 5);
  CHECK(rows[0] ==
        "date,sitting_s,bouts,longest_bout_s,break_prompts,repeated_prompts,accepted,"
        "own_stretches,postponed,skipped,dismissed,ignored,natural_breaks,prompted_breaks,"
        "held_prompts,held_s,resolved,complied,tighter_left,tighter_right,tighter_even,compliance");
  CHECK(rows[1] == "2026-11-24,11000,4,5000,2,1,1,0,1,1,0,0,2,0,0,0,2,1,1,0,0,0.5");
  CHECK(rows[2] == "2026-11-25,1800,1,1800,1,1,0,0,0,0,1,1,1,0,0,0,1,0,0,1,0,0");
  CHECK(rows[3] == "2026-11-26,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,");
  CHECK(rows[4] == "total,12800,4,5000,3,2,1,0,1,1,1,1,3,0,0,0,3,1,1,1,0,0.3333");
}

}  // namespace
}  // namespace sitstretch::stats::test
