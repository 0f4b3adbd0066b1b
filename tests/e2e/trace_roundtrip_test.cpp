// `sitstretch log --trace` of a run of the real daemon, replayed under the settings the trace
// names, gives back every logged record within a second (SPEC §5, "Your own days").
#include <catch2/catch.hpp>
#include <csignal>
#include <ctime>
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

  const auto trace = d.cli({"log", "--trace", "--all"});
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

  const auto logged = d.records();
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
