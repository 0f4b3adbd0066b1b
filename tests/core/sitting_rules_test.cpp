// SPEC §2, rule by rule, in simulated time. Times are trace seconds; with the defaults a prompt
// falls due after 45 min (2700 s) of sitting and an absence of 5 min (300 s) is a break.
#include <catch2/catch.hpp>

#include "scenario.hpp"

using sitstretch::test::replay;
using sitstretch::test::replay_error;
using sitstretch::test::spec_defaults;
using Lines = std::vector<std::string>;

TEST_CASE("Rule 1: sit 44 min, look away 2, sit on: the prompt comes at 45:00", "[rules]") {
  CHECK(replay("0 active\n2640 idle\n2760 active\n2800 end") ==
        Lines{R"({"t":2700,"event":"prompt","sitting_s":2700,"attempt":1})"});
}

TEST_CASE("Rule 1: the first bout starts at the first active, not at trace start", "[rules]") {
  CHECK(replay("600 active\n3299 end").empty());
  CHECK(replay("600 active\n3300 end") ==
        Lines{R"({"t":3300,"event":"prompt","sitting_s":2700,"attempt":1})"});
}

TEST_CASE("Rule 1: an absence just short of break_after stays inside the bout", "[rules]") {
  CHECK(replay("0 active\n1000 idle\n1299.999 active\n2700 end") ==
        Lines{R"({"t":2700,"event":"prompt","sitting_s":2700,"attempt":1})"});
}

TEST_CASE("Rule 2: an absence of break_after ends the bout when the absence began", "[rules]") {
  CHECK(replay("0 active\n1200 idle\n1800 active\n4499 end") ==
        Lines{R"({"t":1500,"event":"away","since":1200,"sitting_s":1200,"prompted":false})",
              R"({"t":1800,"event":"back","away_s":600})"});
  // The next bout starts on return, so its prompt comes a full interval after it.
  CHECK(replay("0 active\n1200 idle\n1800 active\n4500 end").back() ==
        R"({"t":4500,"event":"prompt","sitting_s":2700,"attempt":1})");
}

TEST_CASE("Rule 2: returning at the very instant the break is due still records it", "[rules]") {
  CHECK(replay("0 active\n100 idle\n400 active\n401 end") ==
        Lines{R"({"t":400,"event":"away","since":100,"sitting_s":100,"prompted":false})",
              R"({"t":400,"event":"back","away_s":300})"});
}

TEST_CASE("Rule 2: a break resolves a pending prompt episode", "[rules]") {
  CHECK(replay("0 active\n2710 idle\n3100 active\n3101 end") ==
        Lines{R"({"t":2700,"event":"prompt","sitting_s":2700,"attempt":1})",
              R"({"t":2820,"event":"ignored","sitting_s":2820})",
              R"({"t":3010,"event":"away","since":2710,"sitting_s":2710,"prompted":true})",
              R"({"t":3100,"event":"back","away_s":390})"});
}

TEST_CASE("Rule 2: a break resolves a snoozed episode and no re-prompt follows", "[rules]") {
  CHECK(replay("0 active\n2750 snooze\n2800 idle\n3400 active\n3401 end") ==
        Lines{R"({"t":2700,"event":"prompt","sitting_s":2700,"attempt":1})",
              R"({"t":2750,"event":"snoozed","until_s":3350})",
              R"({"t":3100,"event":"away","since":2800,"sitting_s":2800,"prompted":true})",
              R"({"t":3400,"event":"back","away_s":600})"});
}

TEST_CASE("Rule 3 and 4: an unanswered prompt is ignored, then re-prompted", "[rules]") {
  CHECK(replay("0 active\n3200 end") ==
        Lines{R"({"t":2700,"event":"prompt","sitting_s":2700,"attempt":1})",
              R"({"t":2820,"event":"ignored","sitting_s":2820})",
              R"({"t":3120,"event":"prompt","sitting_s":3120,"attempt":2})"});
}

TEST_CASE("Rule 4: done resolves the episode and starts a new bout", "[rules]") {
  CHECK(replay("0 active\n2730 done\n5429 end") ==
        Lines{R"({"t":2700,"event":"prompt","sitting_s":2700,"attempt":1})",
              R"({"t":2730,"event":"accepted","sitting_s":2730,"prompted":true})"});
  CHECK(replay("0 active\n2730 done\n5430 end").back() ==
        R"({"t":5430,"event":"prompt","sitting_s":2700,"attempt":1})");
}

TEST_CASE("Rule 4: done with no prompt is a user-initiated stretch", "[rules]") {
  CHECK(replay("0 active\n1000 done\n3700 end") ==
        Lines{R"({"t":1000,"event":"accepted","sitting_s":1000,"prompted":false})",
              R"({"t":3700,"event":"prompt","sitting_s":2700,"attempt":1})"});
}

TEST_CASE("Rule 4: done while snoozed answers the episode", "[rules]") {
  CHECK(replay("0 active\n2710 snooze\n2900 done\n2901 end").back() ==
        R"({"t":2900,"event":"accepted","sitting_s":2900,"prompted":true})");
}

TEST_CASE("Rule 4: snooze re-prompts snooze later, in the same episode", "[rules]") {
  CHECK(replay("0 active\n2710 snooze\n3310 end") ==
        Lines{R"({"t":2700,"event":"prompt","sitting_s":2700,"attempt":1})",
              R"({"t":2710,"event":"snoozed","until_s":3310})",
              R"({"t":3310,"event":"prompt","sitting_s":3310,"attempt":2})"});
}

TEST_CASE("Rule 4: after max_snoozes snoozes, snooze is refused", "[rules]") {
  auto s = spec_defaults();
  s.max_snoozes = 2;
  const char* two = "0 active\n2700 snooze\n3300 snooze\n3900 end";
  CHECK(replay(two, s).back() == R"({"t":3900,"event":"prompt","sitting_s":3900,"attempt":3})");
  CHECK(replay_error("0 active\n2700 snooze\n3300 snooze\n3900 snooze\n", s) ==
        "4: snooze refused: all 2 snoozes of this episode are used (prompt.max_snoozes)");
  s.max_snoozes = 0;
  CHECK(replay_error("0 active\n2700 snooze\n", s).starts_with("2: snooze refused"));
}

TEST_CASE("Rule 4: the snooze allowance starts afresh with each episode", "[rules]") {
  auto s = spec_defaults();
  s.max_snoozes = 1;
  CHECK(replay("0 active\n2700 snooze\n3300 done\n6000 snooze\n6001 end", s).back() ==
        R"({"t":6000,"event":"snoozed","until_s":6600})");
}

TEST_CASE("Rule 4: skip keeps the bout - the next prompt is a full interval later", "[rules]") {
  CHECK(replay("0 active\n2750 skip\n5450 end") ==
        Lines{R"({"t":2700,"event":"prompt","sitting_s":2700,"attempt":1})",
              R"({"t":2750,"event":"skipped","sitting_s":2750})",
              R"({"t":5450,"event":"prompt","sitting_s":5450,"attempt":1})"});
}

TEST_CASE("Rule 4: dismissing the notification is like skip", "[rules]") {
  CHECK(replay("0 active\n2750 dismiss\n5450 end") ==
        Lines{R"({"t":2700,"event":"prompt","sitting_s":2700,"attempt":1})",
              R"({"t":2750,"event":"dismissed","sitting_s":2750})",
              R"({"t":5450,"event":"prompt","sitting_s":5450,"attempt":1})"});
}

TEST_CASE("Rule 4: a late answer to an ignored prompt is still taken", "[rules]") {
  CHECK(replay("0 active\n2900 skip\n2901 end").back() ==
        R"({"t":2900,"event":"skipped","sitting_s":2900})");
}

TEST_CASE("Rule 4: answers with nothing pending are errors naming the line", "[rules]") {
  CHECK(replay_error("0 active\n10 snooze\n") ==
        "2: snooze with no prompt pending; expected it only after a prompt");
  CHECK(replay_error("0 active\n# a comment\n10 skip\n").starts_with("3: skip with no prompt"));
  CHECK(replay_error("0 active\n10 dismiss\n").starts_with("2: dismiss with no prompt"));
  // Snoozed: no prompt is showing, so skip has nothing to answer.
  CHECK(replay_error("0 active\n2700 snooze\n2800 skip\n").starts_with("3: skip with no prompt"));
}

TEST_CASE("Rule 5: a prompt due while locked fires at the unlock instant", "[rules]") {
  CHECK(replay("0 active\n2600 locked\n2800 unlocked\n2801 end") ==
        Lines{R"({"t":2800,"event":"prompt","sitting_s":2800,"attempt":1})"});
}

TEST_CASE("Rule 5: a lock of break_after is a break, so no prompt follows it", "[rules]") {
  CHECK(replay("0 active\n2600 locked\n2950 unlocked\n2951 end") ==
        Lines{R"({"t":2900,"event":"away","since":2600,"sitting_s":2600,"prompted":false})",
              R"({"t":2950,"event":"back","away_s":350})"});
}

TEST_CASE("Rule 5: a prompt due while asleep fires at the wake instant", "[rules]") {
  // Wake alone is not input: the absence goes on, and becomes a break if nobody comes back.
  CHECK(replay("0 active\n2650 sleep\n2750 wake\n3200 end") ==
        Lines{R"({"t":2750,"event":"prompt","sitting_s":2750,"attempt":1})",
              R"({"t":2870,"event":"ignored","sitting_s":2870})",
              R"({"t":2950,"event":"away","since":2650,"sitting_s":2650,"prompted":true})"});
}

TEST_CASE("Rule 5: waking into a locked screen still holds the prompt", "[rules]") {
  CHECK(replay("0 active\n2650 locked\n2660 sleep\n2700 wake\n2720 unlocked\n2721 end") ==
        Lines{R"({"t":2720,"event":"prompt","sitting_s":2720,"attempt":1})"});
}

TEST_CASE("Rule 6: no prompt while paused - one due fires repeat_after after resume", "[rules]") {
  CHECK(replay("0 active\n2000 pause\n3000 resume\n3300 end") ==
        Lines{R"({"t":2000,"event":"paused","until":null})",
              R"({"t":3000,"event":"resumed","until":null})",
              R"({"t":3300,"event":"prompt","sitting_s":3300,"attempt":1})"});
}

TEST_CASE("Rule 6: a timed pause resumes by itself and is recorded", "[rules]") {
  CHECK(replay("0 active\n2000 pause 20m\n3500 end") ==
        Lines{R"({"t":2000,"event":"paused","until":3200})",
              R"({"t":3200,"event":"resumed","until":3200})",
              R"({"t":3500,"event":"prompt","sitting_s":3500,"attempt":1})"});
}

TEST_CASE("Rule 6: a pause that ends before the prompt is due changes nothing", "[rules]") {
  CHECK(replay("0 active\n100 pause 10m\n2700 end").back() ==
        R"({"t":2700,"event":"prompt","sitting_s":2700,"attempt":1})");
}

TEST_CASE("Rule 6: sitting is tracked through a pause", "[rules]") {
  CHECK(replay("0 active\n10 pause\n5000 resume\n5300 end").back() ==
        R"({"t":5300,"event":"prompt","sitting_s":5300,"attempt":1})");
}

TEST_CASE("Rule 6: resume when not paused changes nothing", "[rules]") {
  CHECK(replay("0 active\n10 resume\n2700 end") ==
        Lines{R"({"t":2700,"event":"prompt","sitting_s":2700,"attempt":1})"});
}

TEST_CASE("Rule 7: quiet hours across midnight hold the prompt until they end", "[rules]") {
  auto s = spec_defaults();
  s.quiet = {{23 * 60, 1 * 60}};
  // Sit from 22:30; the prompt due at 23:15 waits until 01:00, then repeat_after.
  CHECK(replay("81000 active\n90299 end", s).empty());
  CHECK(replay("81000 active\n90300 end", s) ==
        Lines{R"({"t":90300,"event":"prompt","sitting_s":9300,"attempt":1})"});
}

TEST_CASE("Rule 7: quiet hours apply at trace time modulo one day", "[rules]") {
  auto s = spec_defaults();
  s.quiet = {{12 * 60, 13 * 60}};
  // Day two, 11:30 + 45 min = 12:15, quiet until 13:00.
  CHECK(replay("127800 active\n133500 end", s) ==
        Lines{R"({"t":133500,"event":"prompt","sitting_s":5700,"attempt":1})"});
}

TEST_CASE("Rule 7: back-to-back quiet ranges chain", "[rules]") {
  auto s = spec_defaults();
  s.quiet = {{0, 60}, {60, 120}};  // 00:00-01:00, 01:00-02:00
  CHECK(replay("0 active\n7500 end", s) ==
        Lines{R"({"t":7500,"event":"prompt","sitting_s":7500,"attempt":1})"});
}

TEST_CASE("Rule 8: a short suspend stays inside the bout", "[rules]") {
  CHECK(replay("0 active\n1000 sleep\n1200 wake\n1201 active\n2700 end") ==
        Lines{R"({"t":2700,"event":"prompt","sitting_s":2700,"attempt":1})"});
}

TEST_CASE("Rule 8: a suspend of break_after is a break", "[rules]") {
  CHECK(replay("0 active\n1000 sleep\n5000 wake\n5010 active\n5011 end") ==
        Lines{R"({"t":1300,"event":"away","since":1000,"sitting_s":1000,"prompted":false})",
              R"({"t":5010,"event":"back","away_s":4010})"});
}

TEST_CASE("Timers due at or before a line's time fire before the line", "[rules]") {
  // The prompt is due at 2700; a snooze at 2700 answers it.
  CHECK(replay("0 active\n2700 snooze\n2701 end").back() ==
        R"({"t":2700,"event":"snoozed","until_s":3300})");
}

TEST_CASE("end stops the trace - timers after it never fire", "[rules]") {
  CHECK(replay("0 active\n2699 end\n2800 active\n").empty());
  CHECK(replay("0 active\n2700 end").size() == 1);
}

TEST_CASE("Fractional trace times are kept to the millisecond", "[rules]") {
  CHECK(replay("0.5 active\n2700.5 snooze\n2701 end") ==
        Lines{R"({"t":2700.5,"event":"prompt","sitting_s":2700,"attempt":1})",
              R"({"t":2700.5,"event":"snoozed","until_s":3300.5})"});
}

TEST_CASE("side records the tighter side", "[rules]") {
  CHECK(replay("0 side left\n1 side right\n2 side even\n") ==
        Lines{R"({"t":0,"event":"side","side":"left"})", R"({"t":1,"event":"side","side":"right"})",
              R"({"t":2,"event":"side","side":"even"})"});
}
