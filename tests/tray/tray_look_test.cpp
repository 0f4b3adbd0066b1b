#include <catch2/catch.hpp>

#include "tray/tray_look.hpp"

using namespace std::chrono_literals;
using sitstretch::tray::look_of;
using sitstretch::tray::minutes_text;
using sitstretch::tray::TrayAction;
using sitstretch::tray::TrayState;
using sitstretch::tray::TrayView;

namespace {

TrayView sitting_32_of_45() {
  TrayView v;
  v.away = false;
  v.sitting = 32min + 40s;
  v.next_prompt_in = 12min + 20s;
  v.progress = 32.0 / 45;
  return v;
}

}  // namespace

TEST_CASE("sitting 32 of 45 minutes reads as such in tooltip, label and menu", "[tray][look]") {
  const auto look = look_of(sitting_32_of_45());
  CHECK(look.icon_name == "sitstretch-sitting");
  CHECK(look.status == "Active");
  CHECK(look.tooltip_title == "Sitting 32 min");
  CHECK(look.tooltip_text == "Next stretch in 13 min");
  CHECK(look.label == "32m");
  CHECK(look.ring_step == 8);  // 32/45 = 0.71: eight twelfths
  REQUIRE(look.menu.size() == 14);
  CHECK(look.menu[0].label == "Sitting 32 min · next in 13 min");
  CHECK_FALSE(look.menu[0].enabled);
}

TEST_CASE("pending, paused and away views have their own texts and icons", "[tray][look]") {
  auto v = sitting_32_of_45();
  v.state = TrayState::prompt_pending;
  v.can_snooze = true;
  v.snooze_label = "Snooze 10 min";
  auto look = look_of(v);
  CHECK(look.icon_name == "sitstretch-pending");
  CHECK(look.status == "NeedsAttention");
  CHECK(look.tooltip_text == "Stretch now: a prompt is waiting");
  CHECK(look.menu[3].label == "Snooze 10 min");
  CHECK(look.menu[3].enabled);
  CHECK_FALSE(look.menu[8].enabled);  // Resume

  v = sitting_32_of_45();
  v.state = TrayState::paused;
  v.paused = true;
  v.paused_until = "14:30";
  look = look_of(v);
  CHECK(look.icon_name == "sitstretch-paused");
  CHECK(look.status == "Active");  // Passive would hide Resume on GNOME
  CHECK(look.tooltip_text == "Paused until 14:30");
  CHECK(look.menu[8].action == TrayAction::resume);
  CHECK(look.menu[8].enabled);
  CHECK_FALSE(look.menu[3].enabled);

  v.paused_until = "";
  CHECK(look_of(v).tooltip_text == "Paused");

  TrayView away;
  CHECK(look_of(away).tooltip_title == "Away");
  CHECK(look_of(away).label == "");
  CHECK(look_of(away).menu[0].label == "Away");
}

TEST_CASE("a held prompt says why in words and when it comes anyway, with its own icon",
          "[tray][look]") {
  using sitstretch::core::BusyReason;
  auto v = sitting_32_of_45();
  v.state = TrayState::held;
  v.next_prompt_in.reset();
  v.busy.add(BusyReason::dnd);
  v.held_until = "14:55";
  auto look = look_of(v);
  CHECK(look.icon_name == "sitstretch-held");
  CHECK(look.status == "Active");
  CHECK(look.tooltip_text == "Holding the prompt: do not disturb. It comes at 14:55 anyway.");
  CHECK(look.menu[0].label ==
        "Sitting 32 min · holding the prompt: do not disturb, until 14:55 at most");
  CHECK(look.ring_rgb != look_of(sitting_32_of_45()).ring_rgb);

  v.busy.add(BusyReason::fullscreen);
  v.busy.add(BusyReason::camera);
  v.busy.add(BusyReason::user);
  CHECK(look_of(v).tooltip_text ==
        "Holding the prompt: do not disturb, a fullscreen window, the camera is in use and you "
        "said busy. It comes at 14:55 anyway.");
}

TEST_CASE("busy before the prompt falls due says the next one will be held, and why",
          "[tray][look]") {
  auto v = sitting_32_of_45();
  v.busy.add(sitstretch::core::BusyReason::fullscreen);
  v.busy.add(sitstretch::core::BusyReason::camera);
  const auto look = look_of(v);
  CHECK(look.icon_name == "sitstretch-sitting");
  CHECK(look.tooltip_text ==
        "Next stretch in 13 min; held while busy: a fullscreen window and the camera is in use");
  v.next_prompt_in.reset();
  CHECK(look_of(v).tooltip_text == "Busy: a fullscreen window and the camera is in use");
}

TEST_CASE("a minute's difference below the ring's resolution changes only the texts",
          "[tray][look]") {
  auto a = sitting_32_of_45();
  auto b = a;
  b.sitting += 10s;  // still 32 min
  b.progress += 10.0 / 60 / 45;
  CHECK(look_of(a) == look_of(b));
  b.sitting += 1min;
  CHECK(look_of(a).ring_step == look_of(b).ring_step);
  CHECK(look_of(a).tooltip_title != look_of(b).tooltip_title);
}

TEST_CASE("durations read as whole minutes and hours", "[tray][look]") {
  CHECK(minutes_text(0s) == "0 min");
  CHECK(minutes_text(59s) == "0 min");
  CHECK(minutes_text(59s, true) == "1 min");
  CHECK(minutes_text(60min) == "1 h");
  CHECK(minutes_text(65min + 30s) == "1 h 5 min");
  CHECK(minutes_text(-5s) == "0 min");
}
