// busy.when and busy.max_defer (SPEC §4, rule 9): what is accepted, and how a bad value is
// pointed at.

#include <chrono>
#include <string>

#include <catch2/catch.hpp>

#include "config/config.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;
namespace cfg = sitstretch::config;
namespace core = sitstretch::core;
using cfg::test::accept;
using cfg::test::refuse;

TEST_CASE("busy.when takes any of the four reasons, in any order") {
  const auto when = accept("[busy]\nwhen = [\"user\", \"dnd\"]").model.busy_when;
  CHECK(when.has(core::BusyReason::dnd));
  CHECK(when.has(core::BusyReason::user));
  CHECK_FALSE(when.has(core::BusyReason::fullscreen));
  CHECK_FALSE(when.has(core::BusyReason::camera));
  CHECK(accept("busy.when = [\"camera\", \"fullscreen\", \"user\", \"dnd\"]").model.busy_when ==
        core::BusyReasons::all());
  // Naming a reason twice is harmless.
  CHECK(accept("busy.when = [\"dnd\", \"dnd\"]").model.busy_when.has(core::BusyReason::dnd));
}

TEST_CASE("busy.when = [] never holds a prompt and replaces the base's list") {
  CHECK_FALSE(accept("[busy]\nwhen = []").model.busy_when.any());
  cfg::Config base = cfg::defaults();
  base.model.busy_when = {};
  base.model.busy_when.add(core::BusyReason::camera);
  const auto c = accept("busy.when = [\"user\"]", base);
  CHECK_FALSE(c.model.busy_when.has(core::BusyReason::camera));
  CHECK(c.model.busy_when.has(core::BusyReason::user));
}

TEST_CASE("a busy key left out keeps the base's value") {
  cfg::Config base = cfg::defaults();
  base.model.max_defer = 3h;
  CHECK(accept("busy.when = []", base).model.max_defer == 3h);
  CHECK(accept("[busy]\nmax_defer = \"20m\"").model.busy_when == core::BusyReasons::all());
}

TEST_CASE("an unknown busy reason is pointed at in the list, with the nearest word") {
  CHECK(refuse("[busy]\nwhen = [\"dnd\", \"fulscreen\"]") ==
        "config.toml:2:16: busy.when: expected \"dnd\", \"fullscreen\", \"camera\" or \"user\", "
        "got \"fulscreen\"; did you mean \"fullscreen\"?");
  CHECK(refuse("[busy]\nwhen = [\"meeting\"]") ==
        "config.toml:2:9: busy.when: expected \"dnd\", \"fullscreen\", \"camera\" or \"user\", "
        "got \"meeting\"");
}

TEST_CASE("busy.when must be a list of words") {
  CHECK(refuse("[busy]\nwhen = \"dnd\"") ==
        "config.toml:2:8: busy.when: expected a list of \"dnd\", \"fullscreen\", \"camera\" and "
        "\"user\", got a string");
  CHECK(refuse("[busy]\nwhen = [1]") ==
        "config.toml:2:9: busy.when: expected \"dnd\", \"fullscreen\", \"camera\" or \"user\", got "
        "a whole number");
}

TEST_CASE("busy.max_defer is a duration from 1m to 8h") {
  CHECK(accept("busy.max_defer = \"90s\"").model.max_defer == 90s);
  CHECK(refuse("[busy]\nmax_defer = 30") ==
        "config.toml:2:13: busy.max_defer: expected a duration like \"90s\", \"45m\" or "
        "\"1h30m\", got the bare number 30; write it as a quoted string with a unit, such as "
        "\"30s\" or \"30m\"");
  CHECK(refuse("[busy]\nmax_defer = \"9h\"") ==
        R"(config.toml:2:13: busy.max_defer: "9h" is too long; allowed 1m to 8h)");
}

TEST_CASE("a misspelt busy key is pointed at the right one") {
  CHECK(refuse("[busy]\nmax_defr = \"1h\"") ==
        R"(config.toml:2:1: unknown key "busy.max_defr"; did you mean "busy.max_defer"?)");
  CHECK(
      refuse("[busy]\nmax_delay = \"1h\"") ==
      R"(config.toml:2:1: unknown key "busy.max_delay"; allowed keys in [busy]: when, max_defer)");
}
