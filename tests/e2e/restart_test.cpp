// The daemon killed while a prompt awaits an answer, then started again as systemd's
// Restart=on-failure does: what a restart means for the bout, the episode and the prompt
// (doc/reliability.md, "The daemon killed with a prompt pending").
#include <csignal>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "desktop.hpp"

using namespace std::chrono_literals;
using sitstretch::test::Desktop;
using sitstretch::test::json_number;
using sitstretch::test::json_text;

namespace {

constexpr const char* kConfig =
    "[sitting]\ninterval = \"10s\"\nbreak_after = \"2m\"\n[prompt]\nanswer_within = \"2m\"\n";

// Runs the daemon to its first prompt, then ends it with `signal`; returns its sitting seconds.
long prompt_then_end(Desktop& d, int signal) {
  d.start_daemon();
  REQUIRE(d.wait_for([&] { return d.count("prompt") == 1; }, 20s));
  const std::string status = d.cli({"status", "--json"}).out;
  REQUIRE(json_text(status, "episode") == "awaiting");
  REQUIRE(d.daemon().kill(signal));
  d.daemon().wait(5000);
  return json_number(status, "sitting_s");
}

}  // namespace

TEST_CASE(
    "Killed with a prompt pending and restarted within break_after: the bout, the episode and "
    "the prompt carry on",
    "[e2e]") {
  Desktop d(kConfig);
  const long sat_before = prompt_then_end(d, SIGKILL);
  CHECK(sat_before >= 10);
  // What was committed before the kill is all there, read without the daemon.
  const auto before = d.records();
  REQUIRE(before.size() == 1);
  CHECK(json_text(before[0], "event") == "prompt");

  // Restarted over the dead one's socket and lock, as systemd would.
  d.start_daemon();
  const std::string carried = d.cli({"status", "--json"}).out;
  CHECK(json_text(carried, "episode") == "awaiting");
  CHECK(carried.find(R"("pending":true)") != std::string::npos);
  // The time the daemon was down counts as sitting: the bout goes on from before the kill.
  CHECK(json_number(carried, "sitting_s") >= sat_before);
  // The pending prompt is shown again (a second notification), not logged again.
  REQUIRE(d.wait_for([&] { return d.notifications().size() == 2; }, 5s));
  CHECK(d.count("prompt") == 1);

  // Its Done resolves the killed run's episode: one episode, complied.
  d.invoke_action(json_number(d.notifications().back(), "id"), "done");
  REQUIRE(d.wait_for([&] { return d.count("accepted") == 1; }, 5s));
  const auto after = d.records();
  REQUIRE(after.size() == 2);
  CHECK(after[0] == before[0]);
  const auto stats = nlohmann::json::parse(d.cli({"stats", "--json", "--days", "1"}).out);
  const auto& today = stats.at("days").at(0);
  CHECK(today.at("resolved") == 1);
  CHECK(today.at("complied") == 1);
  CHECK(json_text(d.cli({"status", "--json"}).out, "episode") == "none");
}

TEST_CASE("Stopped cleanly with a prompt pending and restarted: a new bout and episode start",
          "[e2e]") {
  Desktop d(kConfig);
  const long sat_before = prompt_then_end(d, SIGTERM);
  d.start_daemon();
  const std::string fresh = d.cli({"status", "--json"}).out;
  // A stop ends the run: SPEC §2 rule 1 applies as at any start, nothing pending is shown.
  CHECK(json_text(fresh, "episode") == "none");
  CHECK(fresh.find(R"("pending":false)") != std::string::npos);
  CHECK(json_number(fresh, "sitting_s") < sat_before);
  CHECK(json_number(fresh, "next_prompt_s") > 5);
  CHECK(d.notifications().size() == 1);
  CHECK(d.count("prompt") == 1);
}
