// The model's own interface, as the daemon drives it: retroactive idle, deadlines, reloads,
// snapshots and the wall-clock offset.
#include "core/sitting_model.hpp"

#include <catch2/catch.hpp>

#include "scenario.hpp"

using namespace std::chrono_literals;
using sitstretch::core::BusyReason;
using sitstretch::core::EpisodeState;
using sitstretch::core::Ms;
using sitstretch::core::Outcome;
using sitstretch::core::Record;
using sitstretch::core::RecordKind;
using sitstretch::core::Settings;
using sitstretch::core::Signal;
using sitstretch::core::SittingModel;
using sitstretch::test::spec_defaults;

namespace {

// A day at the desk, driven the way the daemon does: arm the next deadline and fire it.
struct Desk {
  SittingModel model{spec_defaults()};
  std::vector<Record> records;

  void run_until(Ms t) {
    while (auto d = model.next_deadline()) {
      if (*d > t) break;
      model.advance(*d, records);
    }
    model.advance(t, records);
  }
};

}  // namespace

TEST_CASE("A fresh model waits for the user: no deadline, nothing sitting") {
  SittingModel model(spec_defaults());
  CHECK_FALSE(model.next_deadline());
  auto s = model.snapshot(10min);
  CHECK_FALSE(s.sitting);
  CHECK(s.absent);
}

TEST_CASE("While the user works and nothing is due there is exactly one deadline") {
  Desk desk;
  desk.model.signal(Signal::active, 0ms, desk.records);
  CHECK(desk.model.next_deadline() == Ms{45min});
  // Input goes on; the idle source reports nothing, so nothing changes and nothing wakes.
  desk.run_until(44min);
  CHECK(desk.records.empty());
  CHECK(desk.model.next_deadline() == Ms{45min});
}

TEST_CASE("Idle noticed late counts the absence from the last input") {
  Desk desk;
  desk.model.signal(Signal::active, 0ms, desk.records);
  // The X11 alarm fires at break_after of idle and reports when input stopped.
  desk.model.signal(Signal::idle, 25min, desk.records, Ms{20min});
  REQUIRE(desk.records.size() == 1);
  CHECK(desk.records[0].kind == RecordKind::away);
  CHECK(desk.records[0].t == 25min);
  CHECK(desk.records[0].since == 20min);
  CHECK(desk.records[0].sitting == 20min);
}

TEST_CASE("Idle reported very late never yields records out of time order") {
  Desk desk;
  desk.model.signal(Signal::active, 0ms, desk.records);
  desk.run_until(46min);  // the prompt fired at 45:00
  desk.model.signal(Signal::idle, 46min, desk.records, Ms{30min});
  REQUIRE(desk.records.size() == 2);
  CHECK(desk.records[1].kind == RecordKind::away);
  CHECK(desk.records[1].t == 46min);  // not 35:00, which would be before the prompt
  CHECK(desk.records[1].since == 30min);
  CHECK(desk.records[1].prompted);
}

TEST_CASE("Idle cannot reach back before the user arrived") {
  Desk desk;
  desk.model.signal(Signal::active, 10min, desk.records);
  desk.model.signal(Signal::idle, 16min, desk.records, Ms{5min});
  REQUIRE(desk.records.size() == 1);
  CHECK(desk.records[0].since == 10min);
  CHECK(desk.records[0].sitting == 0ms);
}

TEST_CASE("Deadlines follow the state: prompt, answer, re-prompt") {
  Desk desk;
  desk.model.signal(Signal::active, 0ms, desk.records);
  desk.run_until(45min);
  CHECK(desk.model.snapshot(45min).episode == EpisodeState::awaiting);
  CHECK(desk.model.next_deadline() == Ms{47min});  // answer_within
  desk.run_until(47min);
  CHECK(desk.model.snapshot(47min).episode == EpisodeState::ignored);
  CHECK(desk.model.next_deadline() == Ms{52min});  // repeat_after
}

TEST_CASE("A prompt is pending while it awaits an answer or was ignored, not once snoozed") {
  Desk desk;
  desk.model.signal(Signal::active, 0ms, desk.records);
  CHECK_FALSE(desk.model.snapshot(44min).prompt_pending);
  desk.run_until(45min);
  CHECK(desk.model.snapshot(45min).prompt_pending);
  desk.run_until(47min);  // answer_within ran out
  CHECK(desk.model.snapshot(47min).episode == EpisodeState::ignored);
  CHECK(desk.model.snapshot(47min).prompt_pending);
  REQUIRE(desk.model.snooze(48min, desk.records) == Outcome::ok);
  CHECK_FALSE(desk.model.snapshot(48min).prompt_pending);
}

TEST_CASE("A reload moves running deadlines with the new settings") {
  Desk desk;
  desk.model.signal(Signal::active, 0ms, desk.records);
  auto s = spec_defaults();
  s.interval = 30min;
  desk.model.reconfigure(s, 10min, desk.records);
  CHECK(desk.model.next_deadline() == Ms{30min});
  // A reload that puts the prompt in the past fires it at once.
  s.interval = 10min;
  desk.model.reconfigure(s, 20min, desk.records);
  REQUIRE(desk.records.size() == 1);
  CHECK(desk.records[0].kind == RecordKind::prompt);
  CHECK(desk.records[0].t == 20min);
}

TEST_CASE("Lowering max_snoozes below the snoozes used leaves none") {
  Desk desk;
  desk.model.signal(Signal::active, 0ms, desk.records);
  desk.run_until(45min);
  REQUIRE(desk.model.snooze(45min, desk.records) == Outcome::ok);
  desk.run_until(55min);
  auto s = spec_defaults();
  s.max_snoozes = 1;
  desk.model.reconfigure(s, 55min, desk.records);
  CHECK(desk.model.snapshot(55min).snoozes_left == 0);
  CHECK(desk.model.snooze(55min, desk.records) == Outcome::no_snoozes_left);
}

TEST_CASE("Refused actions leave the model untouched") {
  Desk desk;
  desk.model.signal(Signal::active, 0ms, desk.records);
  CHECK(desk.model.skip(1min, desk.records) == Outcome::nothing_pending);
  CHECK(desk.model.resume(1min, desk.records) == Outcome::not_paused);
  CHECK(desk.records.empty());
  CHECK(desk.model.next_deadline() == Ms{45min});
}

TEST_CASE("Rule 8: wall-clock jumps move quiet hours but not sitting time") {
  auto s = spec_defaults();
  s.quiet = {{12 * 60, 13 * 60}};
  SittingModel model(s);
  std::vector<Record> records;
  // Boot time 0 is 11:00 local; the user sits from then on.
  model.set_local_offset(11h);
  model.signal(Signal::active, 0ms, records);
  CHECK(model.snapshot(30min).sitting_for == 30min);
  // NTP or the user sets the clock back two hours: same boot-time instant, new local time.
  model.set_local_offset(9h);
  CHECK(model.snapshot(30min).sitting_for == 30min);
  CHECK(model.next_deadline() == Ms{45min});
  model.advance(45min, records);  // 09:45 local: not quiet, so the prompt fires
  REQUIRE(records.size() == 1);
  CHECK(records[0].sitting == 45min);
}

TEST_CASE("Snapshots say what the status line needs") {
  Desk desk;
  desk.model.signal(Signal::active, 0ms, desk.records);
  auto s = desk.model.snapshot(10min);
  CHECK(s.sitting);
  CHECK(s.sitting_for == 10min);
  CHECK(s.next_prompt == Ms{45min});
  CHECK(s.snoozes_left == 3);
  desk.model.pause(10min, Ms{30min}, desk.records);
  s = desk.model.snapshot(11min);
  CHECK(s.paused);
  CHECK(s.paused_until == Ms{40min});
}

// --- Rule 9 under reloads and in snapshots ---------------------------------------------------

namespace {

struct HeldDesk {
  SittingModel model{spec_defaults()};
  std::vector<Record> records;

  // Sitting from 0, busy with dnd from 40 min: the prompt due at 45 min is held.
  HeldDesk() {
    model.signal(Signal::active, 0ms, records);
    model.busy_begins(BusyReason::dnd, 40min, records);
    model.advance(50min, records);
    records.clear();
  }

  Settings with(auto&& change) const {
    Settings s = model.settings();
    change(s);
    return s;
  }
};

}  // namespace

TEST_CASE("Rule 9: the snapshot names the reasons held and when the held prompt comes", "[busy]") {
  HeldDesk desk;
  auto snap = desk.model.snapshot(50min);
  CHECK(snap.busy.has(BusyReason::dnd));
  CHECK_FALSE(snap.busy.has(BusyReason::camera));
  CHECK(snap.held_until == Ms{45min + 1h});
  CHECK_FALSE(snap.next_prompt);
  // The one deadline is max_defer: nothing wakes the daemon while it holds.
  CHECK(desk.model.next_deadline() == Ms{45min + 1h});
}

TEST_CASE("Rule 9: a reload that drops the held reason from busy.when frees it at once", "[busy]") {
  HeldDesk desk;
  desk.model.reconfigure(desk.with([](Settings& s) { s.busy_when = {}; }), 52min, desk.records);
  REQUIRE(desk.records.size() == 2);
  CHECK(desk.records[0].kind == RecordKind::free);
  CHECK(desk.records[0].reason == BusyReason::dnd);
  CHECK(desk.records[0].t == 52min);
  CHECK(desk.records[1].kind == RecordKind::prompt);
  CHECK(desk.records[1].t == 52min);
  // The source still says dnd, but it is no longer heard: ending it records nothing.
  desk.model.busy_ends(BusyReason::dnd, 53min, desk.records);
  CHECK(desk.records.size() == 2);
}

TEST_CASE("Rule 9: a reload that keeps the held reason keeps holding", "[busy]") {
  HeldDesk desk;
  desk.model.reconfigure(desk.with([](Settings& s) {
    s.busy_when = {};
    s.busy_when.add(BusyReason::dnd);
  }),
                         52min, desk.records);
  CHECK(desk.records.empty());
  CHECK(desk.model.snapshot(52min).held_until == Ms{45min + 1h});
}

TEST_CASE("Rule 9: a reload that adds a reason the desktop reports starts holding", "[busy]") {
  auto s = spec_defaults();
  s.busy_when = {};
  SittingModel model(s);
  std::vector<Record> records;
  model.signal(Signal::active, 0ms, records);
  model.busy_begins(BusyReason::camera, 40min, records);  // not in busy.when: unheard
  CHECK(records.empty());
  s.busy_when.add(BusyReason::camera);
  model.reconfigure(s, 42min, records);
  REQUIRE(records.size() == 1);
  CHECK(records[0].kind == RecordKind::busy);
  CHECK(records[0].reason == BusyReason::camera);
  CHECK(records[0].t == 42min);
  model.advance(50min, records);
  CHECK(records.size() == 1);  // the prompt due at 45 min is held
  model.busy_ends(BusyReason::camera, 50min, records);
  REQUIRE(records.size() == 3);
  CHECK(records[2].kind == RecordKind::prompt);
  CHECK(records[2].t == 50min);
}

TEST_CASE("Rule 9: a reload moves the max_defer of a held prompt", "[busy]") {
  HeldDesk desk;
  desk.model.reconfigure(desk.with([](Settings& s) { s.max_defer = 2h; }), 52min, desk.records);
  CHECK(desk.model.next_deadline() == Ms{45min + 2h});
  // Shortened so that it has already run out: the prompt comes at the reload.
  desk.model.reconfigure(desk.with([](Settings& s) { s.max_defer = 5min; }), 53min, desk.records);
  REQUIRE(desk.records.size() == 1);
  CHECK(desk.records[0].kind == RecordKind::prompt);
  CHECK(desk.records[0].t == 53min);
}
