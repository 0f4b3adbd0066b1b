// A file sets some keys; those override the base and nothing else changes.

#include <chrono>
#include <cstring>
#include <string>

#include <catch2/catch.hpp>

#include "config/config.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;
namespace cfg = sitstretch::config;
namespace core = sitstretch::core;
using cfg::test::accept;
using cfg::test::refuse;

TEST_CASE("a file that sets every key overrides every value") {
  cfg::Config c = accept(R"(
[sitting]
interval = "1h30m"
break_after = "90s"
[prompt]
snooze = "15m"
max_snoozes = 0
answer_within = "1m"
repeat_after = "20m"
urgency = "critical"
[stretch]
guided = false
hold = "45s"
first_side = "left"
[quiet]
hours = ["12:00-13:00", "22:30-07:15"]
[busy]
when = ["camera"]
max_defer = "2h30m"
)");
  CHECK(c.model.interval == 90min);
  CHECK(c.model.break_after == 90s);
  CHECK(c.model.snooze == 15min);
  CHECK(c.model.max_snoozes == 0);
  CHECK(c.model.answer_within == 1min);
  CHECK(c.model.repeat_after == 20min);
  CHECK(c.urgency == cfg::Urgency::critical);
  CHECK_FALSE(c.model.guided);
  CHECK(c.model.hold == 45s);
  CHECK(c.model.first_side == core::FirstSide::left);
  CHECK(c.model.quiet ==
        std::vector<core::QuietRange>{{12 * 60, 13 * 60}, {22 * 60 + 30, 7 * 60 + 15}});
  CHECK(c.model.busy_when.has(core::BusyReason::camera));
  CHECK_FALSE(c.model.busy_when.has(core::BusyReason::dnd));
  CHECK(c.model.max_defer == 2h + 30min);
}

TEST_CASE("every word of the enumerated keys is accepted") {
  CHECK(accept("prompt.urgency = \"low\"").urgency == cfg::Urgency::low);
  CHECK(accept("prompt.urgency = \"normal\"").urgency == cfg::Urgency::normal);
  CHECK(accept("prompt.urgency = \"critical\"").urgency == cfg::Urgency::critical);
  CHECK(accept("stretch.first_side = \"auto\"").model.first_side == core::FirstSide::automatic);
  CHECK(accept("stretch.first_side = \"left\"").model.first_side == core::FirstSide::left);
  CHECK(accept("stretch.first_side = \"right\"").model.first_side == core::FirstSide::right);
  for (std::string_view word : cfg::kIdleSourceWords) {
    CHECK(accept("idle.source = \"" + std::string(word) + "\"").idle.source == word);
  }
}

TEST_CASE("the idle table sets the source and the inhibitor rule") {
  const cfg::Config c = accept("[idle]\nsource = \"mutter\"\ninhibited_is_sitting = false\n");
  CHECK(c.idle.source == "mutter");
  CHECK_FALSE(c.idle.inhibited_is_sitting);
  CHECK(c.model == cfg::defaults().model);
}

TEST_CASE("a file that sets one key leaves the others as the base had them") {
  cfg::Config base = cfg::defaults();
  base.model.interval = 20min;
  base.model.quiet = {{60, 120}};
  cfg::Config c = accept("[stretch]\nhold = \"1m\"\n", base);
  cfg::Config expected = base;
  expected.model.hold = 1min;
  CHECK(c == expected);
}

TEST_CASE("quiet.hours in a file replaces the list of the base and an empty list clears it") {
  cfg::Config base = cfg::defaults();
  base.model.quiet = {{60, 120}, {600, 660}};
  CHECK(accept("quiet.hours = [\"23:00-06:00\"]", base).model.quiet ==
        std::vector<core::QuietRange>{{23 * 60, 6 * 60}});
  CHECK(accept("quiet.hours = []", base).model.quiet.empty());
}

TEST_CASE("dotted keys and inline tables mean the same as table sections") {
  CHECK(accept("sitting.interval = \"1h\"").model.interval == 1h);
  CHECK(accept("prompt = { snooze = \"5m\", max_snoozes = 5 }").model.max_snoozes == 5);
  CHECK(accept("[sitting]\ninterval = \"1h\"\n") == accept("sitting = { interval = \"1h\" }"));
}

TEST_CASE("every duration key accepts its bounds and refuses one second beyond") {
  struct Bounds {
    const char* key;
    const char* min;
    const char* below;
    const char* max;
    const char* above;
  };
  auto b = GENERATE(Bounds{"sitting.interval", "10s", "9s", "4h", "4h1s"},
                    Bounds{"sitting.break_after", "5s", "4s", "1h", "1h0m1s"},
                    Bounds{"prompt.snooze", "10s", "9s", "2h", "2h1s"},
                    Bounds{"prompt.answer_within", "5s", "4s", "30m", "30m1s"},
                    Bounds{"prompt.repeat_after", "10s", "9s", "2h", "7201s"},
                    Bounds{"stretch.hold", "5s", "4s", "5m", "5m1s"},
                    Bounds{"busy.max_defer", "1m", "59s", "8h", "8h0m1s"});
  auto line = [&](const char* value) { return std::string(b.key) + " = \"" + value + "\""; };
  auto allowed = std::string("; allowed ") + b.min + " to " + b.max;
  INFO(b.key);
  accept(line(b.min));
  accept(line(b.max));
  CHECK(refuse(line(b.below)) == "config.toml:1:" + std::to_string(std::strlen(b.key) + 4) + ": " +
                                     b.key + ": \"" + b.below + "\" is too short" + allowed);
  CHECK(refuse(line(b.above)) == "config.toml:1:" + std::to_string(std::strlen(b.key) + 4) + ": " +
                                     b.key + ": \"" + b.above + "\" is too long" + allowed);
}

TEST_CASE("durations are read in any mix of h, m and s") {
  CHECK(accept("sitting.interval = \"2700s\"").model.interval == 45min);
  CHECK(accept("sitting.interval = \"1h5s\"").model.interval == 1h + 5s);
  CHECK(accept("sitting.interval = \"240m\"").model.interval == 4h);
}

TEST_CASE("prompt.max_snoozes accepts 0 to 10") {
  CHECK(accept("prompt.max_snoozes = 0").model.max_snoozes == 0);
  CHECK(accept("prompt.max_snoozes = 10").model.max_snoozes == 10);
  CHECK(refuse("prompt.max_snoozes = 11") ==
        "config.toml:1:22: prompt.max_snoozes: 11 is too large; allowed 0 to 10");
  CHECK(refuse("prompt.max_snoozes = -1") ==
        "config.toml:1:22: prompt.max_snoozes: -1 is too small; allowed 0 to 10");
  CHECK(refuse("prompt.max_snoozes = 9999999999") ==
        "config.toml:1:22: prompt.max_snoozes: 9999999999 is too large; allowed 0 to 10");
}

TEST_CASE("files saved with a byte order mark or Windows line ends are read the same") {
  CHECK(accept("\xEF\xBB\xBF[sitting]\ninterval = \"1h\"\n").model.interval == 1h);
  CHECK(accept("[sitting]\r\ninterval = \"1h\"\r\n[prompt]\r\nsnooze = \"1m\"\r\n").model.snooze ==
        1min);
  CHECK(refuse("[sitting]\r\n\r\ninterval = \"1s\"\r\n") ==
        R"(config.toml:3:12: sitting.interval: "1s" is too short; allowed 10s to 4h)");
}
