// SPEC §2 rule 9 (busy) in simulated time, alone and together with rules 2 and 4 to 7. Times are
// trace seconds; with the defaults a prompt falls due at 2700 s of sitting, an ignored prompt
// comes back 420 s after it fired, an absence of 300 s is a break, and busy.max_defer is 1 h.
#include <catch2/catch.hpp>

#include "scenario.hpp"

using namespace std::chrono_literals;
using sitstretch::core::BusyReason;
using sitstretch::core::BusyReasons;
using sitstretch::test::replay;
using sitstretch::test::replay_error;
using sitstretch::test::spec_defaults;
using Lines = std::vector<std::string>;

TEST_CASE("Rule 9: a prompt due while busy is held and fires the instant busy ends", "[busy]") {
  CHECK(replay("0 active\n2600 busy fullscreen\n3000 free fullscreen\n3001 end") ==
        Lines{R"({"t":2600,"event":"busy","reason":"fullscreen"})",
              R"({"t":3000,"event":"free","reason":"fullscreen"})",
              R"({"t":3000,"event":"prompt","sitting_s":3000,"attempt":1})"});
}

TEST_CASE("Rule 9: busy that ends before the prompt is due changes nothing", "[busy]") {
  CHECK(replay("0 active\n100 busy camera\n200 free camera\n2700 end").back() ==
        R"({"t":2700,"event":"prompt","sitting_s":2700,"attempt":1})");
}

TEST_CASE("Rule 9: with several reasons the prompt waits for the last to end", "[busy]") {
  CHECK(replay("0 active\n2600 busy dnd\n2650 busy camera\n2800 free dnd\n2900 free camera\n"
               "2901 end") == Lines{R"({"t":2600,"event":"busy","reason":"dnd"})",
                                    R"({"t":2650,"event":"busy","reason":"camera"})",
                                    R"({"t":2800,"event":"free","reason":"dnd"})",
                                    R"({"t":2900,"event":"free","reason":"camera"})",
                                    R"({"t":2900,"event":"prompt","sitting_s":2900,"attempt":1})"});
}

TEST_CASE("Rule 9: all four reasons are words of the trace and the records", "[busy]") {
  CHECK(replay("0 busy dnd\n1 busy fullscreen\n2 busy camera\n3 busy user\n4 free user\n") ==
        Lines{R"({"t":0,"event":"busy","reason":"dnd"})",
              R"({"t":1,"event":"busy","reason":"fullscreen"})",
              R"({"t":2,"event":"busy","reason":"camera"})",
              R"({"t":3,"event":"busy","reason":"user"})",
              R"({"t":4,"event":"free","reason":"user"})"});
}

TEST_CASE("Rule 9: max_defer after it fell due, the prompt fires though still busy", "[busy]") {
  auto s = spec_defaults();
  s.max_defer = 10min;
  CHECK(replay("0 active\n2600 busy user\n3299 end", s).size() == 1);
  // Due at 2700, through at 3300; unanswered it is ignored at 3420, and its re-prompt due at
  // 3720 is held like a first one, until 4320.
  CHECK(replay("0 active\n2600 busy user\n4400 end", s) ==
        Lines{R"({"t":2600,"event":"busy","reason":"user"})",
              R"({"t":3300,"event":"prompt","sitting_s":3300,"attempt":1})",
              R"({"t":3420,"event":"ignored","sitting_s":3420})",
              R"({"t":4320,"event":"prompt","sitting_s":4320,"attempt":2})"});
}

TEST_CASE("Rule 9: the default max_defer of 1 h lets a held prompt through", "[busy]") {
  CHECK(replay("0 active\n2000 busy dnd\n6299 end").size() == 1);
  CHECK(replay("0 active\n2000 busy dnd\n6300 end").back() ==
        R"({"t":6300,"event":"prompt","sitting_s":6300,"attempt":1})");
}

TEST_CASE("Rule 9: a prompt shown before busy stays; its re-prompt is held", "[busy]") {
  // The answer timer runs on while busy (ignored at 2820); the re-prompt due at 3120 waits.
  CHECK(replay("0 active\n2750 busy dnd\n3200 free dnd\n3201 end") ==
        Lines{R"({"t":2700,"event":"prompt","sitting_s":2700,"attempt":1})",
              R"({"t":2750,"event":"busy","reason":"dnd"})",
              R"({"t":2820,"event":"ignored","sitting_s":2820})",
              R"({"t":3200,"event":"free","reason":"dnd"})",
              R"({"t":3200,"event":"prompt","sitting_s":3200,"attempt":2})"});
}

TEST_CASE("Rule 9: the prompt shown before busy can still be answered while busy", "[busy]") {
  CHECK(replay("0 active\n2710 busy dnd\n2750 skip\n2751 end").back() ==
        R"({"t":2750,"event":"skipped","sitting_s":2750})");
}

TEST_CASE("Rule 9: a snooze that ends while busy is held too", "[busy]") {
  CHECK(replay("0 active\n2710 snooze\n2720 busy camera\n3400 free camera\n3401 end") ==
        Lines{R"({"t":2700,"event":"prompt","sitting_s":2700,"attempt":1})",
              R"({"t":2710,"event":"snoozed","until_s":3310})",
              R"({"t":2720,"event":"busy","reason":"camera"})",
              R"({"t":3400,"event":"free","reason":"camera"})",
              R"({"t":3400,"event":"prompt","sitting_s":3400,"attempt":2})"});
}

TEST_CASE("Rule 9: sitting still counts while busy, and done starts a new bout", "[busy]") {
  // A held prompt was never shown, so done is the user's own stretch.
  CHECK(replay("0 active\n2600 busy dnd\n2800 done\n2900 free dnd\n5500 end") ==
        Lines{R"({"t":2600,"event":"busy","reason":"dnd"})",
              R"({"t":2800,"event":"accepted","sitting_s":2800,"prompted":false})",
              R"({"t":2900,"event":"free","reason":"dnd"})",
              R"({"t":5500,"event":"prompt","sitting_s":2700,"attempt":1})"});
}

TEST_CASE("Rule 9 and 2: a break while busy ends the bout; no prompt when busy ends", "[busy]") {
  CHECK(replay("0 active\n2600 busy fullscreen\n2650 idle\n2960 free fullscreen\n2961 end") ==
        Lines{R"({"t":2600,"event":"busy","reason":"fullscreen"})",
              R"({"t":2950,"event":"away","since":2650,"sitting_s":2650,"prompted":false})",
              R"({"t":2960,"event":"free","reason":"fullscreen"})"});
}

TEST_CASE("Rule 9 and 5: busy ending while locked leaves the prompt to the unlock", "[busy]") {
  CHECK(replay("0 active\n2600 busy dnd\n2750 locked\n2800 free dnd\n2850 unlocked\n2851 end") ==
        Lines{R"({"t":2600,"event":"busy","reason":"dnd"})",
              R"({"t":2800,"event":"free","reason":"dnd"})",
              R"({"t":2850,"event":"prompt","sitting_s":2850,"attempt":1})"});
}

TEST_CASE("Rule 9 and 5: unlocking while busy keeps holding the prompt", "[busy]") {
  CHECK(replay("0 active\n2600 locked\n2650 busy dnd\n2800 unlocked\n2900 free dnd\n2901 end") ==
        Lines{R"({"t":2650,"event":"busy","reason":"dnd"})",
              R"({"t":2900,"event":"free","reason":"dnd"})",
              R"({"t":2900,"event":"prompt","sitting_s":2900,"attempt":1})"});
}

TEST_CASE("Rule 9 and 5: max_defer counts from when the prompt fell due, lock included", "[busy]") {
  auto s = spec_defaults();
  s.max_defer = 1min;
  // Due at 2700 while locked; max_defer ran out at 2760, so the unlock at 2800 lets it through.
  CHECK(replay("0 active\n2650 locked\n2660 busy dnd\n2800 unlocked\n2801 end", s) ==
        Lines{R"({"t":2660,"event":"busy","reason":"dnd"})",
              R"({"t":2800,"event":"prompt","sitting_s":2800,"attempt":1})"});
  // max_defer never beats a lock: running out while locked, it waits for the unlock.
  CHECK(replay("0 active\n2600 busy dnd\n2750 locked\n2850 unlocked\n2851 end", s).back() ==
        R"({"t":2850,"event":"prompt","sitting_s":2850,"attempt":1})");
}

TEST_CASE("Rule 9 and 5: waking while busy keeps holding the prompt", "[busy]") {
  CHECK(replay("0 active\n2600 busy camera\n2650 sleep\n2750 wake\n2760 free camera\n2761 end") ==
        Lines{R"({"t":2600,"event":"busy","reason":"camera"})",
              R"({"t":2760,"event":"free","reason":"camera"})",
              R"({"t":2760,"event":"prompt","sitting_s":2760,"attempt":1})"});
}

TEST_CASE("Rule 9 and 6: busy ending during a pause leaves the prompt to the pause", "[busy]") {
  CHECK(replay("0 active\n2600 busy dnd\n2800 pause\n2900 free dnd\n3000 resume\n3300 end") ==
        Lines{R"({"t":2600,"event":"busy","reason":"dnd"})",
              R"({"t":2800,"event":"paused","until":null})",
              R"({"t":2900,"event":"free","reason":"dnd"})",
              R"({"t":3000,"event":"resumed","until":null})",
              R"({"t":3300,"event":"prompt","sitting_s":3300,"attempt":1})"});
}

TEST_CASE("Rule 9 and 6: a pause ending while busy holds the prompt it brings", "[busy]") {
  // Due at 2700 while paused; repeat_after after the resume is 3100, busy then, so it waits.
  CHECK(replay("0 active\n2600 pause\n2650 busy user\n2800 resume\n3200 free user\n3201 end") ==
        Lines{R"({"t":2600,"event":"paused","until":null})",
              R"({"t":2650,"event":"busy","reason":"user"})",
              R"({"t":2800,"event":"resumed","until":null})",
              R"({"t":3200,"event":"free","reason":"user"})",
              R"({"t":3200,"event":"prompt","sitting_s":3200,"attempt":1})"});
}

TEST_CASE("Rule 9 and 6: a prompt due while paused and busy follows the pause", "[busy]") {
  // The pause holds it, not busy: busy ending before repeat_after after the resume brings
  // nothing; the prompt comes at 3100 as rule 6 says.
  CHECK(replay("0 active\n2600 pause\n2650 busy user\n2800 resume\n2900 free user\n3100 end") ==
        Lines{R"({"t":2600,"event":"paused","until":null})",
              R"({"t":2650,"event":"busy","reason":"user"})",
              R"({"t":2800,"event":"resumed","until":null})",
              R"({"t":2900,"event":"free","reason":"user"})",
              R"({"t":3100,"event":"prompt","sitting_s":3100,"attempt":1})"});
}

TEST_CASE("Rule 9 and 6: a pause that ends while busy is held still ends in a prompt", "[busy]") {
  // Held by busy at 2700; the pause comes and goes without touching it; busy ends at 3000.
  CHECK(
      replay("0 active\n2600 busy dnd\n2800 pause\n2900 resume\n3000 free dnd\n3001 end").back() ==
      R"({"t":3000,"event":"prompt","sitting_s":3000,"attempt":1})");
}

TEST_CASE("Rule 9 and 7: quiet hours hold first, then busy holds what they bring", "[busy]") {
  auto s = spec_defaults();
  s.quiet = {{0, 60}};  // 00:00-01:00, trace seconds 0-3600
  // Due at 2700 in quiet hours; repeat_after after their end is 3900.
  CHECK(replay("0 active\n3000 busy dnd\n3700 free dnd\n3900 end", s).back() ==
        R"({"t":3900,"event":"prompt","sitting_s":3900,"attempt":1})");
  CHECK(replay("0 active\n3000 busy dnd\n4000 free dnd\n4001 end", s) ==
        Lines{R"({"t":3000,"event":"busy","reason":"dnd"})",
              R"({"t":4000,"event":"free","reason":"dnd"})",
              R"({"t":4000,"event":"prompt","sitting_s":4000,"attempt":1})"});
}

TEST_CASE("Rule 9 and 7: busy ending inside quiet hours leaves the prompt to them", "[busy]") {
  auto s = spec_defaults();
  s.quiet = {{50, 120}};  // 00:50-02:00, trace seconds 3000-7200
  CHECK(replay("0 active\n2600 busy dnd\n3100 free dnd\n7499 end", s).back() ==
        R"({"t":3100,"event":"free","reason":"dnd"})");
  CHECK(replay("0 active\n2600 busy dnd\n3100 free dnd\n7500 end", s).back() ==
        R"({"t":7500,"event":"prompt","sitting_s":7500,"attempt":1})");
}

TEST_CASE("Rule 9: reasons outside busy.when are ignored entirely", "[busy]") {
  auto s = spec_defaults();
  s.busy_when = {};
  s.busy_when.add(BusyReason::dnd);
  CHECK(replay("0 active\n2600 busy camera\n2800 free camera\n2801 end", s) ==
        Lines{R"({"t":2700,"event":"prompt","sitting_s":2700,"attempt":1})"});
  // With dnd also held, the camera neither prolongs the hold nor is recorded.
  CHECK(replay("0 active\n2600 busy dnd\n2610 busy camera\n2800 free dnd\n2801 end", s) ==
        Lines{R"({"t":2600,"event":"busy","reason":"dnd"})",
              R"({"t":2800,"event":"free","reason":"dnd"})",
              R"({"t":2800,"event":"prompt","sitting_s":2800,"attempt":1})"});
  s.busy_when = BusyReasons{};
  CHECK(replay("0 active\n2600 busy dnd\n2700 end", s) ==
        Lines{R"({"t":2700,"event":"prompt","sitting_s":2700,"attempt":1})"});
}

TEST_CASE("Rule 9: a repeated busy or a free of a reason not held records nothing", "[busy]") {
  CHECK(replay("0 active\n10 busy dnd\n20 busy dnd\n30 free dnd\n40 free dnd\n50 free user\n"
               "51 end") == Lines{R"({"t":10,"event":"busy","reason":"dnd"})",
                                  R"({"t":30,"event":"free","reason":"dnd"})"});
  // The repeat does not restart anything: the hold still ends with the one free.
  CHECK(replay("0 active\n2600 busy dnd\n2800 busy dnd\n2900 free dnd\n2901 end").back() ==
        R"({"t":2900,"event":"prompt","sitting_s":2900,"attempt":1})");
}

TEST_CASE("Rule 9: busy and free lines need one of the four reasons", "[busy]") {
  CHECK(replay_error("0 active\n5 busy meeting\n") ==
        R"(2: expected busy dnd, fullscreen, camera or user, got "meeting")");
  CHECK(replay_error("0 free\n") == "1: expected free dnd, fullscreen, camera or user");
  CHECK(replay_error("0 busy dnd now\n") == R"(1: unexpected "now" after "busy")");
}
