// When the daemon asks again of a busy source that signals no change (mako's modes): only while
// a prompt is held, and once just before one falls due.
#include <catch2/catch.hpp>

#include "busy/recheck_plan.hpp"

using namespace std::chrono_literals;
using sitstretch::busy::next_recheck;
using sitstretch::core::Ms;
using sitstretch::core::Snapshot;

TEST_CASE("No recheck while no prompt is held or scheduled", "[recheck]") {
  Snapshot away;
  CHECK(!next_recheck(Ms(100s), away, std::nullopt));
  CHECK(!next_recheck(Ms(100s), away, Ms(101s)));  // a plan from a held prompt is dropped
}

TEST_CASE("One recheck 2 s before the next prompt falls due", "[recheck]") {
  Snapshot sitting;
  sitting.next_prompt = Ms(45min);
  CHECK(next_recheck(Ms(10min), sitting, std::nullopt) == Ms(45min) - 2s);
  // Within the last 2 s (the recheck has just been made): none until the prompt.
  CHECK(!next_recheck(Ms(45min) - 2s, sitting, std::nullopt));
}

TEST_CASE("Every 2 s while a prompt is held, not postponed by other events", "[recheck]") {
  Snapshot held;
  held.held_until = Ms(2h);
  const auto first = next_recheck(Ms(100s), held, std::nullopt);
  CHECK(first == Ms(102s));
  CHECK(next_recheck(Ms(101s), held, first) == Ms(102s));
  CHECK(next_recheck(Ms(102s), held, first) == Ms(104s));
}
