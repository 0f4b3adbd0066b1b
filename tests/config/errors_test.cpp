// Every way a file can be wrong, and the one line a person reads to fix it.

#include <string>

#include <catch2/catch.hpp>

#include "config/config.hpp"
#include "test_support.hpp"

namespace cfg = sitstretch::config;
using cfg::test::refuse;

TEST_CASE("an error names file, line and column, or only the file when the position is unknown") {
  CHECK(cfg::ConfigError{"a.toml", 3, 12, "oops"}.to_string() == "a.toml:3:12: oops");
  CHECK(cfg::ConfigError{"a.toml", 0, 0, "cannot read"}.to_string() == "a.toml: cannot read");
}

TEST_CASE("a value out of range points at the value and gives the allowed range") {
  CHECK(refuse("# my settings\n\n[sitting]\ninterval = \"3s\"\n") ==
        R"(config.toml:4:12: sitting.interval: "3s" is too short; allowed 10s to 4h)");
  CHECK(refuse("[stretch]\n  hold = \"10m\"") ==
        R"(config.toml:2:10: stretch.hold: "10m" is too long; allowed 5s to 5m)");
}

TEST_CASE("a misspelt key points at the key and suggests the right one") {
  CHECK(refuse("[sitting]\ninterval = \"1h\"\n\n\nintervall = \"2h\"\n") ==
        R"(config.toml:5:1: unknown key "sitting.intervall"; did you mean "sitting.interval"?)");
  CHECK(refuse("[prompt]\nmax_snooze = 2") ==
        R"(config.toml:2:1: unknown key "prompt.max_snooze"; did you mean "prompt.max_snoozes"?)");
  CHECK(refuse("[stretch]\nFirst_Side = \"left\"") ==
        R"(config.toml:2:1: unknown key "stretch.First_Side"; did you mean "stretch.first_side"?)");
}

TEST_CASE("a key in the wrong table is pointed to the table it belongs in") {
  CHECK(refuse("[sitting]\nsnooze = \"5m\"") ==
        R"(config.toml:2:1: unknown key "sitting.snooze"; did you mean "prompt.snooze"?)");
  CHECK(refuse("interval = \"1h\"") ==
        R"(config.toml:1:1: unknown key "interval"; did you mean "sitting.interval"?)");
}

TEST_CASE("an unknown key with no near miss lists what the table allows") {
  CHECK(refuse("[sitting]\ncolour = \"red\"") ==
        "config.toml:2:1: unknown key \"sitting.colour\"; "
        "allowed keys in [sitting]: interval, break_after");
  CHECK(refuse("colour = \"red\"") ==
        "config.toml:1:1: unknown key \"colour\"; "
        "every key belongs in one of the tables [sitting], [prompt], [stretch], [quiet], [busy] "
        "and [idle]");
}

TEST_CASE("a misspelt table is suggested too, and an unrelated one gets the list of tables") {
  CHECK(refuse("\n[sittin]\ninterval = \"1h\"") ==
        R"(config.toml:2:2: unknown table "sittin"; did you mean "sitting"?)");
  CHECK(refuse("[Prompts]\nsnooze = \"1m\"") ==
        R"(config.toml:1:2: unknown table "Prompts"; did you mean "prompt"?)");
  CHECK(refuse("[display]\n") ==
        "config.toml:1:2: unknown table \"display\"; "
        "allowed tables are [sitting], [prompt], [stretch], [quiet], [busy] and [idle]");
}

TEST_CASE("a nested table inside a known table is an unknown key") {
  CHECK(refuse("[sitting.extra]\na = 1") ==
        "config.toml:1:10: unknown key \"sitting.extra\"; "
        "allowed keys in [sitting]: interval, break_after");
}

TEST_CASE("a known table name used as a plain key must be a table") {
  CHECK(refuse("sitting = 5") == "config.toml:1:11: sitting: expected a table, got a whole number");
  CHECK(refuse("[[quiet]]\nhours = []") == "config.toml:1:1: quiet: expected a table, got a list");
}

TEST_CASE("a duration written as a bare number is refused, not guessed") {
  CHECK(refuse("[sitting]\ninterval = 45") ==
        "config.toml:2:12: sitting.interval: expected a duration like \"90s\", \"45m\" or "
        "\"1h30m\", got the bare number 45; write it as a quoted string with a unit, such as "
        "\"45s\" or \"45m\"");
  CHECK(refuse("prompt.snooze = 2.5") ==
        "config.toml:1:17: prompt.snooze: expected a duration like \"90s\", \"45m\" or \"1h30m\", "
        "got a decimal number");
}

TEST_CASE("duration text that is not h, m and s is refused with the expected shape") {
  auto bad = GENERATE("45 min", "45", "", "1m30h", "45M", "-5m", " 45m", "1.5h");
  std::string value = std::string("\"") + bad + "\"";
  CHECK(refuse("stretch.hold = " + value) == "config.toml:1:16: stretch.hold: " + value +
                                                 " is not a duration; expected a duration like "
                                                 "\"90s\", \"45m\" or \"1h30m\"");
}

TEST_CASE("a whole number of the wrong type says what it got") {
  CHECK(refuse("[prompt]\nmax_snoozes = \"3\"") ==
        "config.toml:2:15: prompt.max_snoozes: expected a whole number from 0 to 10, got a string");
  CHECK(refuse("[prompt]\nmax_snoozes = 3.0") ==
        "config.toml:2:15: prompt.max_snoozes: expected a whole number from 0 to 10, "
        "got a decimal number");
  CHECK(refuse("[prompt]\nmax_snoozes = true") ==
        "config.toml:2:15: prompt.max_snoozes: expected a whole number from 0 to 10, "
        "got a boolean");
}

TEST_CASE("idle.source lists the sources and suggests the nearest") {
  CHECK(refuse("[idle]\nsource = \"x11sync\"") ==
        "config.toml:2:10: idle.source: expected \"auto\", \"mutter\", \"ext-idle-notify\", "
        "\"kde-idle\", \"x11-sync\" or \"x11-screensaver\", got \"x11sync\"; did you mean "
        "\"x11-sync\"?");
  CHECK(refuse("idle.inhibited_is_sitting = \"yes\"") ==
        "config.toml:1:29: idle.inhibited_is_sitting: expected true or false (without quotes), "
        "got a string");
}

TEST_CASE("a word key lists its words and suggests the nearest") {
  CHECK(refuse("prompt.urgency = \"Critical\"") ==
        "config.toml:1:18: prompt.urgency: expected \"low\", \"normal\" or \"critical\", "
        "got \"Critical\"; did you mean \"critical\"?");
  CHECK(refuse("prompt.urgency = \"urgent\"") ==
        "config.toml:1:18: prompt.urgency: expected \"low\", \"normal\" or \"critical\", "
        "got \"urgent\"");
  CHECK(refuse("prompt.urgency = 2") ==
        "config.toml:1:18: prompt.urgency: expected \"low\", \"normal\" or \"critical\", "
        "got a whole number");
  CHECK(refuse("stretch.first_side = \"automatic\"") ==
        "config.toml:1:22: stretch.first_side: expected \"auto\", \"left\" or \"right\", "
        "got \"automatic\"");
}

TEST_CASE("a boolean in quotes is refused with a hint") {
  CHECK(refuse("stretch.guided = \"true\"") ==
        "config.toml:1:18: stretch.guided: expected true or false (without quotes), got a string");
}

TEST_CASE("a TOML syntax error reports the position toml++ found") {
  cfg::Result result = cfg::parse("[sitting]\ninterval = \n", "config.toml", cfg::defaults());
  REQUIRE(std::holds_alternative<cfg::ConfigError>(result));
  const auto& error = std::get<cfg::ConfigError>(result);
  CHECK(error.file == "config.toml");
  CHECK(error.line == 2);
  CHECK(error.column == 12);
  CHECK_THAT(error.message, Catch::StartsWith("invalid TOML: "));
  CHECK(error.to_string().find('\n') == std::string::npos);

  CHECK_THAT(refuse("[sitting]\ninterval = \"1h\"\ninterval = \"2h\""),
             Catch::StartsWith("config.toml:3:"));
  CHECK_THAT(refuse("[sitting\n"), Catch::StartsWith("config.toml:1:"));
}

TEST_CASE("with several problems the first in the file is reported") {
  // toml++ lists tables by name, so [prompt] would come before [sitting] if order were by name.
  std::string text =
      "[sitting]\n"
      "interval = \"1s\"\n"
      "[prompt]\n"
      "snooze = \"1s\"\n"
      "snoze = \"1m\"\n";
  CHECK_THAT(refuse(text), Catch::StartsWith("config.toml:2:12: sitting.interval:"));
}

// Found by fuzz/config_fuzz: toml++ 3.3 asserts on these headers where it should report them,
// which aborted builds without NDEBUG (config/toml.hpp). They are ordinary TOML errors.
TEST_CASE("a table header that starts with a bracket or a brace is an error, not an abort") {
  for (const char* text : {"[}itting]\ninterval = \"1h\"\n", "[[[1]]]\n", "[[=\n"}) {
    INFO(text);
    CHECK(refuse(text).rfind("config.toml:1:", 0) == 0);
  }
}

// Found by fuzz/config_fuzz: toml++ 3.3 reached __builtin_unreachable() looking for whitespace
// at these characters (config/toml.hpp); the sanitizer build reports that as undefined
// behaviour. They are ordinary TOML errors at the character.
TEST_CASE("a letter outside ASCII after a key is an error at that letter") {
  for (const char* text :
       {"[g]\nioter\xcf\x94 = 1\n", "[g]\nkey\xc2\xa9 = 1\n", "[g]\nkey\xe3\x81\x82 = 1\n"}) {
    INFO(text);
    CHECK(refuse(text).rfind("config.toml:2:", 0) == 0);
  }
}
