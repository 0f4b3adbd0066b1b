// When a follower gets a line (control/follow.hpp): two statuses in, whether a line is due; and
// when the shown sitting minute next changes.
#include <catch2/catch.hpp>

#include "control/follow.hpp"

using namespace sitstretch::control;
using namespace std::chrono_literals;
using sitstretch::core::BusyReason;
using sitstretch::core::EpisodeState;
using sitstretch::core::Ms;

namespace {

constexpr Ms kBoot{600000};
constexpr Ms kUtcMinusBoot{1795611600000 - 600000};

// A user 10 min 30 s into a bout, the next prompt due 35 minutes from now.
DaemonStatus sitting() {
  DaemonStatus s;
  s.now = kBoot;
  s.utc_minus_boot = kUtcMinusBoot;
  s.interval = 45min;
  s.snapshot.sitting = true;
  s.snapshot.sitting_for = 10min + 30s;
  s.snapshot.next_prompt = kBoot + 35min;
  s.snapshot.snoozes_left = 3;
  s.idle_source = "x11";
  s.lock_source = "logind";
  return s;
}

// The same status taken `later` on: the bout and the clock move on, nothing else.
DaemonStatus after(DaemonStatus s, Ms later) {
  s.now += later;
  if (s.snapshot.sitting) s.snapshot.sitting_for += later;
  return s;
}

}  // namespace

TEST_CASE("seconds passing inside the shown minute make no line", "[follow]") {
  const DaemonStatus s = sitting();
  CHECK_FALSE(line_due(s, s));
  CHECK_FALSE(line_due(s, after(s, 29s)));  // 10:30 → 10:59
  CHECK(line_due(s, after(s, 30s)));        // 11:00: the sitting minute changes
  CHECK(line_due(s, after(s, 5min)));
}

TEST_CASE("away, time passing makes no line at all", "[follow]") {
  DaemonStatus s = sitting();
  s.snapshot.sitting = false;
  s.snapshot.sitting_for = 0ms;
  s.snapshot.absent = true;
  s.snapshot.next_prompt.reset();
  CHECK_FALSE(line_due(s, after(s, 3h)));
  CHECK_FALSE(next_minute_change(s).has_value());
}

TEST_CASE("every change of state makes a line", "[follow]") {
  const DaemonStatus s = sitting();
  auto changed = [&s](auto&& edit) {
    DaemonStatus other = s;
    edit(other);
    return line_due(s, other);
  };
  CHECK(changed([](DaemonStatus& o) { o.snapshot.sitting = false; }));
  CHECK(changed([](DaemonStatus& o) { o.snapshot.absent = true; }));
  CHECK(changed([](DaemonStatus& o) { o.snapshot.prompt_pending = true; }));
  CHECK(changed([](DaemonStatus& o) { o.snapshot.episode = EpisodeState::snoozed; }));
  CHECK(changed([](DaemonStatus& o) { o.snapshot.attempt = 2; }));
  CHECK(changed([](DaemonStatus& o) { o.snapshot.snoozes_left = 2; }));
  CHECK(changed([](DaemonStatus& o) { o.snapshot.paused = true; }));
  CHECK(changed([](DaemonStatus& o) { o.snapshot.paused_until = kBoot + 30min; }));
  CHECK(changed([](DaemonStatus& o) { o.snapshot.quiet = true; }));
  CHECK(changed([](DaemonStatus& o) { o.snapshot.busy.add(BusyReason::camera); }));
  CHECK(changed([](DaemonStatus& o) { o.snapshot.held_until = kBoot + 1h; }));
  CHECK(changed([](DaemonStatus& o) { o.user_busy_until = kBoot + 1h; }));
  CHECK(changed([](DaemonStatus& o) { o.snapshot.next_prompt.reset(); }));
  CHECK(changed([](DaemonStatus& o) { o.interval = 30min; }));
  CHECK(changed([](DaemonStatus& o) { o.config_error = "line 3: bad"; }));
  // What a bar never shows, and what the adapters report between events, changes nothing.
  CHECK_FALSE(changed([](DaemonStatus& o) { o.notifications = true; }));
  CHECK_FALSE(changed([](DaemonStatus& o) { o.idle_source = "mutter"; }));
  CHECK_FALSE(changed([](DaemonStatus& o) { o.busy_sources = "dnd: gnome"; }));
  CHECK_FALSE(changed([](DaemonStatus& o) { o.pid = 99; }));
  CHECK_FALSE(changed([](DaemonStatus& o) { o.log = "/elsewhere"; }));
}

TEST_CASE("the next prompt counts as a clock minute, not a count-down", "[follow]") {
  const DaemonStatus s = sitting();
  DaemonStatus snoozed = s;
  // Moved within the same clock minute (the prompt is due on a whole minute here): no line.
  snoozed.snapshot.next_prompt = *s.snapshot.next_prompt + 30s;
  CHECK_FALSE(line_due(s, snoozed));
  snoozed.snapshot.next_prompt = *s.snapshot.next_prompt + 1min;
  CHECK(line_due(s, snoozed));
  // The wall clock jumps: the shown clock time of the prompt changes.
  DaemonStatus jumped = s;
  jumped.utc_minus_boot += 1h;
  CHECK(line_due(s, jumped));
}

TEST_CASE("the next minute change is where the sitting minute turns", "[follow]") {
  const DaemonStatus s = sitting();
  REQUIRE(next_minute_change(s) == s.now + 30s);
  const DaemonStatus at_turn = after(s, 30s);
  CHECK(next_minute_change(at_turn) == at_turn.now + 1min);
  // At the instant it names, a line is due; just before, none.
  CHECK(line_due(s, after(s, *next_minute_change(s) - s.now)));
  CHECK_FALSE(line_due(s, after(s, *next_minute_change(s) - s.now - 1ms)));
}
