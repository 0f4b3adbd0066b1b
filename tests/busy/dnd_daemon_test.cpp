// The `dnd` busy reason end to end (SPEC §2 rule 9): sitstretchd on a real desktop holds the
// prompt while the notification server's do-not-disturb is on, logs `busy dnd` / `free dnd`,
// shows the prompt the moment it ends, and lets it through after busy.max_defer.
#include <catch2/catch.hpp>

#include "desktop.hpp"

using namespace std::chrono_literals;
using sitstretch::test::ChildProcess;
using sitstretch::test::Desktop;
using sitstretch::test::json_number;
using sitstretch::test::json_text;

namespace {

constexpr const char* kFastPrompts = "[sitting]\ninterval = \"10s\"\n";

// Waits until status names the dnd source `line` begins.
bool dnd_source_is(const Desktop& d, const std::string& line) {
  return d.wait_for(
      [&] { return json_text(d.status(), "busy_sources").find(line) != std::string::npos; }, 10s);
}

void set_inhibited(const Desktop& d, bool inhibited) {
  const auto called =
      d.run({"gdbus", "call", "--session", "--dest", "org.freedesktop.Notifications",
             "--object-path", "/org/sitstretch/Test", "--method",
             "org.sitstretch.Test.SetInhibited", inhibited ? "true" : "false"});
  REQUIRE(called.exit_code == 0);
}

// Do-not-disturb comes on: `busy dnd` is logged, and the prompt falls due and is held.
void held_by_dnd(const Desktop& d) {
  REQUIRE(d.wait_for([&] { return d.count("busy") == 1; }, 15s));
  CHECK(json_text(d.records().back(), "reason") == "dnd");
  CHECK(json_text(d.status(), "busy") == "dnd");
  REQUIRE(d.wait_for([&] { return !json_text(d.status(), "held_until").empty(); }, 20s));
  CHECK(d.count("prompt") == 0);
}

// Do-not-disturb ends: `free dnd` and the prompt at the same instant.
void released(const Desktop& d, std::chrono::milliseconds within) {
  REQUIRE(d.wait_for([&] { return d.count("prompt") == 1; }, within));
  CHECK(d.events() == std::vector<std::string>{"busy", "free", "prompt"});
  const auto records = d.records();
  CHECK(json_text(records[1], "reason") == "dnd");
  CHECK(json_text(records[1], "t") == json_text(records[2], "t"));
  CHECK(json_text(d.status(), "busy").empty());
}

}  // namespace

TEST_CASE("KDE's Inhibited holds the prompt, which comes the moment it ends", "[e2e][dnd]") {
  Desktop d(kFastPrompts);
  d.start_daemon();
  REQUIRE(dnd_source_is(d,
                        "dnd: fake_notification_server 1 (Inhibited, "
                        "org.freedesktop.Notifications PropertiesChanged)"));
  set_inhibited(d, true);
  held_by_dnd(d);
  CHECK(d.notifications().empty());

  set_inhibited(d, false);
  released(d, 2s);
  REQUIRE(d.wait_for([&] { return d.notifications().size() == 1; }, 2s));
}

TEST_CASE("dunst paused with dunstctl holds the prompt until it is unpaused", "[e2e][dnd]") {
  Desktop d(kFastPrompts, false);
  ChildProcess dunst({"dunst"}, d.env());
  d.start_daemon();
  REQUIRE(dnd_source_is(d, "dnd: dunst 1.9"));
  REQUIRE(d.run({"dunstctl", "set-paused", "true"}).exit_code == 0);
  held_by_dnd(d);

  REQUIRE(d.run({"dunstctl", "set-paused", "false"}).exit_code == 0);
  released(d, 2s);
}

TEST_CASE("busy.max_defer lets a prompt held by do-not-disturb through", "[e2e][dnd]") {
  // 1m is the least busy.max_defer (SPEC §4): this case waits 70 s.
  Desktop d("[sitting]\ninterval = \"10s\"\n[busy]\nmax_defer = \"1m\"\n");
  d.start_daemon();
  REQUIRE(dnd_source_is(d, "dnd: fake_notification_server"));
  set_inhibited(d, true);
  held_by_dnd(d);
  const long held_until = json_number(d.status(), "held_until_s");
  CHECK(held_until > 45);
  CHECK(held_until <= 60);

  REQUIRE(d.wait_for([&] { return d.count("prompt") == 1; }, 75s));
  CHECK(d.events() == std::vector<std::string>{"busy", "prompt"});
  CHECK(json_number(d.records().back(), "sitting_s") >= 69);
  CHECK(json_text(d.status(), "busy") == "dnd");  // still busy: the prompt came anyway
  REQUIRE(d.wait_for([&] { return d.notifications().size() == 1; }, 2s));
}
