// `sitstretch log --trace` of a run of the real daemon, replayed under the settings the trace
// names, gives back every logged record within a second (SPEC §5, "Your own days").
#include <catch2/catch.hpp>
#include <csignal>
#include <ctime>
#include <nlohmann/json.hpp>
#include <sstream>

#include "desktop.hpp"

using namespace std::chrono_literals;
using sitstretch::test::Desktop;
using sitstretch::test::json_number;
using sitstretch::test::json_text;

namespace {

constexpr const char* kFast = R"([sitting]
interval = "10s"
break_after = "5s"
[prompt]
snooze = "10s"
answer_within = "5s"
repeat_after = "10s"
[stretch]
guided = false
)";

// Epoch seconds of "2026-12-03T18:01:02+01:00".
long long epoch_of(const std::string& iso) {
  std::tm tm{};
  int off_h = 0, off_m = 0;
  char sign = '+';
  REQUIRE(std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d:%d%c%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                      &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &sign, &off_h, &off_m) == 9);
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  const long long offset = (off_h * 3600LL + off_m * 60LL) * (sign == '-' ? -1 : 1);
  return static_cast<long long>(timegm(&tm)) - offset;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string settings_in(const std::string& trace) {
  std::string out;
  for (const auto& line : lines_of(trace)) {
    if (line.rfind("#   ", 0) == 0) out += line.substr(4) + "\n";
  }
  return out;
}

long prompt_id(Desktop& d, std::size_t n) {
  REQUIRE(d.wait_for([&] { return d.notifications().size() >= n; }, 30s));
  return json_number(d.notifications()[n - 1], "id");
}

// log --trace (with `since`, or of the whole log), replayed under the settings it names, gives
// back the records logged from `since` on, each within a second.
void check_replays(Desktop& d, const std::string& since) {
  std::vector<std::string> range{"--all"};
  if (!since.empty()) range = {"--since", since};
  std::vector<std::string> args{"log", "--trace"};
  args.insert(args.end(), range.begin(), range.end());
  const auto trace = d.cli(args);
  REQUIRE(trace.exit_code == 0);
  INFO(trace.out);
  const auto first = lines_of(trace.out).front();
  REQUIRE(first.rfind("# start ", 0) == 0);
  const long long start = epoch_of(first.substr(8, 25));
  CHECK_THAT(trace.out, Catch::Contains("the daemon stopped"));

  const std::string config = d.config_path() + ".ran.toml";
  std::vector<std::string> write{"sh", "-c", "cat > \"$0\"", config};
  REQUIRE(sitstretch::test::run_command(write, settings_in(trace.out), d.env()).exit_code == 0);
  std::vector<std::string> replay{SITSTRETCH_CLI, "replay", "-", "--config", config};
  const auto replayed = sitstretch::test::run_command(replay, trace.out, d.env());
  REQUIRE(replayed.exit_code == 0);
  CHECK(replayed.err.empty());

  std::vector<std::string> json{"log", "--json"};
  json.insert(json.end(), range.begin(), range.end());
  const auto logged = lines_of(d.cli(json).out);
  const auto again = lines_of(replayed.out);
  REQUIRE(again.size() == logged.size());
  for (std::size_t i = 0; i < logged.size(); ++i) {
    INFO(logged[i] << "\n" << again[i]);
    CHECK(json_text(again[i], "event") == json_text(logged[i], "event"));
    const double t = std::stod(again[i].substr(again[i].find(':') + 1));
    const long long was = epoch_of(json_text(logged[i], "t")) - start;
    CHECK(t >= static_cast<double>(was) - 1.0);
    CHECK(t <= static_cast<double>(was) + 1.0);
  }
}

// A prompt answered Done, then the daemon stopped; returns when it has.
void prompt_done_stop(Desktop& d, std::size_t n) {
  d.invoke_action(prompt_id(d, n), "done");
  REQUIRE(d.wait_for([&] { return d.count("accepted") >= 1; }, 5s));
  REQUIRE(d.daemon().kill(SIGTERM));
  REQUIRE(d.daemon().wait(5000) == 0);
}

}  // namespace

TEST_CASE("log --trace of a real run replays to the logged records within a second", "[e2e]") {
  Desktop d(kFast);
  d.start_daemon();
  d.invoke_action(prompt_id(d, 1), "snooze");
  REQUIRE(d.wait_for([&] { return d.count("snoozed") == 1; }, 5s));
  prompt_id(d, 2);  // the re-prompt goes unanswered
  REQUIRE(d.wait_for([&] { return d.count("ignored") == 1; }, 15s));
  d.invoke_action(prompt_id(d, 3), "done");
  REQUIRE(d.wait_for([&] { return d.count("accepted") == 1; }, 5s));
  // A natural break: no input until the daemon sees it, then back to work.
  REQUIRE(d.wait_for([&] { return d.count("away") == 1; }, 20s, false));
  d.input();
  REQUIRE(d.wait_for([&] { return d.count("back") == 1; }, 5s));
  REQUIRE(d.daemon().kill(SIGTERM));
  REQUIRE(d.daemon().wait(5000) == 0);

  check_replays(d, {});
}

TEST_CASE("after a restart, log --trace from the start replays to its records; whatif compares",
          "[e2e]") {
  Desktop d(kFast);
  d.start_daemon();
  prompt_done_stop(d, 1);
  // The second run starts in a later second than the first one stopped, so --since of it
  // leaves the first run out.
  const long long stopped = epoch_of(json_text(d.records().back(), "t"));
  d.wait_for([&] { return std::time(nullptr) > stopped + 1; }, 3s, false);
  const std::time_t now = std::time(nullptr);
  char since[32];
  std::strftime(since, sizeof since, "%Y-%m-%dT%H:%M:%S", std::localtime(&now));
  d.start_daemon();
  REQUIRE(d.wait_for([&] { return d.count("prompt") == 2; }, 30s));
  REQUIRE(d.wait_for([&] { return d.count("ignored") == 1; }, 15s));
  REQUIRE(d.daemon().kill(SIGTERM));
  REQUIRE(d.daemon().wait(5000) == 0);
  check_replays(d, since);

  // whatif: the run's configuration found where `config check` looks, against a longer interval.
  const std::string path = lines_of(d.cli({"config", "path"}).out).front();
  std::vector<std::string> install{"sh", "-c", "mkdir -p \"$(dirname \"$1\")\" && cp \"$0\" \"$1\"",
                                   d.config_path(), path};
  REQUIRE(d.run(install).exit_code == 0);
  const std::string longer = d.config_path() + ".longer.toml";
  std::vector<std::string> write{"sh", "-c",
                                 "sed 's/^interval = .*/interval = \"60s\"/' \"$0\" > \"$1\"",
                                 d.config_path(), longer};
  REQUIRE(d.run(write).exit_code == 0);
  const auto whatif = d.cli({"whatif", longer, "--days", "1", "--json"});
  REQUIRE(whatif.exit_code == 0);
  INFO(whatif.out);
  const auto total = nlohmann::json::parse(lines_of(whatif.out).back());
  CHECK(total["date"] == "total");
  CHECK(total["running"]["sitting_s"].get<long>() > 0);
  CHECK(total["running"]["sitting_s"] == total["file"]["sitting_s"]);
  CHECK(total["running"]["first_prompts"].get<int>() > total["file"]["first_prompts"].get<int>());
}
