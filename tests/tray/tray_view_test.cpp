// From the model's snapshot to what the tray shows: state, countdown, ring and the end of a pause.
#include <catch2/catch.hpp>

#include "run_command.hpp"
#include "tray/tray_view.hpp"

using namespace std::chrono_literals;
using sitstretch::core::EpisodeState;
using sitstretch::core::Ms;
using sitstretch::core::Snapshot;
using sitstretch::tray::TrayState;
using sitstretch::tray::TrayView;
using sitstretch::tray::view_of;

namespace {

// The boot clock reads 2 h at 2026-11-25T14:00:00+01:00.
constexpr Ms kNow = 2h;
constexpr Ms kUtcMinusBoot = Ms{1795611600000} - kNow;

Snapshot sitting_for(Ms sat) {
  Snapshot s;
  s.sitting = true;
  s.sitting_for = sat;
  s.next_prompt = kNow + 45min - sat;
  s.snoozes_left = 3;
  return s;
}

TrayView view(const Snapshot& s) {
  return view_of(s, kNow, kUtcMinusBoot, 45min, "Snooze 10 min");
}

}  // namespace

TEST_CASE("sitting 30 of 45 minutes: sitting, two thirds of the ring, next in 15", "[tray][view]") {
  const TrayView v = view(sitting_for(30min));
  CHECK(v.state == TrayState::sitting);
  CHECK_FALSE(v.away);
  CHECK(v.sitting == 30min);
  CHECK(v.next_prompt_in == Ms{15min});
  CHECK(v.progress == Approx(2.0 / 3));
  CHECK_FALSE(v.can_snooze);
  CHECK_FALSE(v.paused);
  CHECK(v.snooze_label == "Snooze 10 min");
  CHECK(v.paused_until.empty());
}

TEST_CASE("five minutes before the prompt it is due soon and past the interval the ring is full",
          "[tray][view]") {
  CHECK(view(sitting_for(39min)).state == TrayState::sitting);
  CHECK(view(sitting_for(40min)).state == TrayState::due_soon);
  Snapshot late = sitting_for(50min);  // held back by a lock, say
  CHECK(view(late).progress == 1.0);
  CHECK(view(late).next_prompt_in == Ms{0});
}

TEST_CASE("a pending prompt wins over a pause and can be snoozed while snoozes remain",
          "[tray][view]") {
  Snapshot s = sitting_for(45min);
  s.next_prompt.reset();
  s.episode = EpisodeState::awaiting;
  s.prompt_pending = true;
  s.paused = true;
  CHECK(view(s).state == TrayState::prompt_pending);
  CHECK(view(s).can_snooze);
  s.snoozes_left = 0;
  CHECK_FALSE(view(s).can_snooze);
  // Snoozed is not pending: nothing to snooze, and the state follows the next prompt.
  s.prompt_pending = false;
  s.episode = EpisodeState::snoozed;
  s.snoozes_left = 2;
  CHECK(view(s).state == TrayState::paused);
  CHECK_FALSE(view(s).can_snooze);
}

TEST_CASE("quiet hours look paused and it is away when no bout runs or the user is absent",
          "[tray][view]") {
  Snapshot quiet = sitting_for(10min);
  quiet.quiet = true;
  CHECK(view(quiet).state == TrayState::paused);
  CHECK(view(quiet).paused);
  CHECK(view(Snapshot{}).away);
  Snapshot idle = sitting_for(10min);
  idle.absent = true;
  CHECK(view(idle).away);
}

TEST_CASE("a pause that ends today shows its local time, one that ends later says tomorrow",
          "[tray][view]") {
  sitstretch::test::ScopedTimeZone berlin("Europe/Berlin");
  Snapshot s = sitting_for(10min);
  s.paused = true;
  s.paused_until = kNow + 30min;
  CHECK(view(s).paused_until == "14:30");
  s.paused_until = kNow + 9h + 59min;  // 23:59
  CHECK(view(s).paused_until == "23:59");
  s.paused_until = kNow + 10h;  // midnight
  CHECK(view(s).paused_until == "tomorrow");
  s.paused_until.reset();  // open-ended
  CHECK(view(s).paused_until.empty());
}

TEST_CASE("a prompt held while busy shows the held state, the reasons and when it comes anyway",
          "[tray][view]") {
  sitstretch::test::ScopedTimeZone berlin("Europe/Berlin");
  Snapshot s = sitting_for(50min);
  s.next_prompt.reset();  // fell due 5 minutes ago, held
  s.busy.add(sitstretch::core::BusyReason::dnd);
  s.held_until = kNow + 55min;  // busy.max_defer 1 h after it fell due
  TrayView v = view(s);
  CHECK(v.state == TrayState::held);
  CHECK(v.busy == s.busy);
  CHECK(v.held_until == "14:55");
  // A pause wins over the hold: it is the pause that decides when the prompt comes.
  s.paused = true;
  CHECK(view(s).state == TrayState::paused);
}

TEST_CASE("busy with no prompt held yet keeps the state and lists the reasons", "[tray][view]") {
  Snapshot s = sitting_for(42min);
  s.busy.add(sitstretch::core::BusyReason::camera);
  const TrayView v = view(s);
  CHECK(v.state == TrayState::due_soon);
  CHECK(v.busy.has(sitstretch::core::BusyReason::camera));
  CHECK(v.held_until.empty());
}
