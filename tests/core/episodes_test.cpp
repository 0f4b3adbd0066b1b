// SPEC §2 compliance: episodes and how each one resolves.
#include "core/episodes.hpp"

#include <catch2/catch.hpp>

#include "scenario.hpp"

using sitstretch::core::compliance_rate;
using sitstretch::core::fold_episodes;
using sitstretch::core::Resolution;
using sitstretch::test::replay_records;

namespace {

sitstretch::core::Episode only_episode(std::string_view trace) {
  auto fold = fold_episodes(replay_records(trace));
  REQUIRE(fold.problems.empty());
  REQUIRE(fold.episodes.size() == 1);
  return fold.episodes[0];
}

}  // namespace

TEST_CASE("Done complies - skip and dismiss do not") {
  auto done = only_episode("0 active\n2710 done\n2711 end");
  CHECK(done.resolution == Resolution::accepted);
  CHECK(done.complied);
  CHECK_FALSE(only_episode("0 active\n2710 skip\n2711 end").complied);
  CHECK_FALSE(only_episode("0 active\n2710 dismiss\n2711 end").complied);
}

TEST_CASE("A break that began while the prompt awaited an answer complies") {
  auto e = only_episode("0 active\n2750 idle\n3100 active\n3101 end");
  CHECK(e.resolution == Resolution::took_break);
  CHECK(e.ignored == 1);  // answer_within ran out during the absence...
  CHECK(e.complied);      // ...but the user had already left
}

TEST_CASE("A break that began during a snooze complies") {
  auto e = only_episode("0 active\n2710 snooze\n2800 idle\n3200 active\n3201 end");
  CHECK(e.snoozes == 1);
  CHECK(e.complied);
}

TEST_CASE("A break that began after the prompt was ignored does not comply") {
  auto e = only_episode("0 active\n2830 idle\n3200 active\n3201 end");
  CHECK(e.resolution == Resolution::took_break);
  CHECK_FALSE(e.complied);
}

TEST_CASE("A re-prompt after ignore starts the clock again") {
  // Ignored at 2820, re-prompted at 3120; the user leaves while that one awaits an answer.
  auto e = only_episode("0 active\n3130 idle\n3500 active\n3501 end");
  CHECK(e.prompts == 2);
  CHECK(e.complied);
}

TEST_CASE("A snooze is not a resolution, and the rate counts resolved episodes only") {
  auto fold =
      fold_episodes(replay_records("0 active\n2710 snooze\n3320 done\n6020 skip\n6100 end"));
  REQUIRE(fold.episodes.size() == 2);
  CHECK(fold.episodes[0].complied);
  CHECK_FALSE(fold.episodes[1].complied);
  CHECK(compliance_rate(fold.episodes) == Approx(0.5));
  CHECK_FALSE(compliance_rate(fold_episodes(replay_records("0 active\n2701 end")).episodes));
}

TEST_CASE("Records that break the episode rules are reported") {
  sitstretch::core::Record stray;
  stray.kind = sitstretch::core::RecordKind::skipped;
  CHECK(fold_episodes({stray}).problems.size() == 1);
}

TEST_CASE("A break that began before the first prompt complies") {
  // The user left at 44:00; the prompt fired while they were away; they stayed away.
  auto e = only_episode("0 active\n2640 idle\n3000 active\n3001 end");
  CHECK(e.resolution == Resolution::took_break);
  CHECK(e.complied);
}
