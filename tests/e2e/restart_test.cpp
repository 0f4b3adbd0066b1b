// The daemon killed while a prompt awaits an answer, then started again as systemd's
// Restart=on-failure does: what a restart means for the bout, the episode and the prompt
// (doc/reliability.md, "Crash safety").
#include <csignal>

#include <catch2/catch.hpp>

#include "desktop.hpp"

using namespace std::chrono_literals;
using sitstretch::test::Desktop;
using sitstretch::test::json_number;
using sitstretch::test::json_text;

TEST_CASE(
    "Killed with a prompt pending and restarted: the log keeps the prompt, a new bout and "
    "episode start at the restart",
    "[e2e]") {
  Desktop d("[sitting]\ninterval = \"10s\"\n[prompt]\nanswer_within = \"2m\"\n");
  d.start_daemon();
  auto status = [&] { return d.cli({"status", "--json"}).out; };
  REQUIRE(d.wait_for([&] { return d.count("prompt") == 1; }, 20s));
  REQUIRE(json_text(status(), "episode") == "awaiting");
  const long sat_before = json_number(status(), "sitting_s");
  CHECK(sat_before >= 10);

  REQUIRE(d.daemon().kill(SIGKILL));
  d.daemon().wait(5000);
  // What was committed before the kill is all there, read without the daemon.
  const auto before = d.records();
  REQUIRE(before.size() == 1);
  CHECK(json_text(before[0], "event") == "prompt");
  CHECK(json_number(before[0], "attempt") == 1);

  // Restarted over the dead one's socket and lock, as systemd would.
  d.start_daemon();
  const std::string fresh = status();
  // The daemon cannot know whether the user sat on while it was down: the bout starts again at
  // the restart (SPEC §2 rule 1), no prompt is pending, and the next one is a full interval away.
  CHECK(json_text(fresh, "episode") == "none");
  CHECK(fresh.find(R"("pending":false)") != std::string::npos);
  CHECK(json_number(fresh, "sitting_s") < sat_before);
  CHECK(json_number(fresh, "next_prompt_s") > 5);

  // The next prompt is the first of a new episode; the killed run's prompt stays as it was,
  // unresolved (compliance counts resolved episodes only).
  REQUIRE(d.wait_for([&] { return d.count("prompt") == 2; }, 20s));
  const auto after = d.records();
  CHECK(after[0] == before[0]);
  const std::string second = after.back();
  CHECK(json_text(second, "event") == "prompt");
  CHECK(json_number(second, "attempt") == 1);
  CHECK(json_number(second, "sitting_s") >= 10);
  CHECK(json_number(second, "sitting_s") < 10 + sat_before);
  // The new run answers its own prompt.
  REQUIRE(d.cli({"skip"}).exit_code == 0);
  REQUIRE(d.wait_for([&] { return d.count("skipped") == 1; }, 5s));
}
