// sitstretchd as a process: breaks from real idle time, signals, one daemon per user, reloads
// and the control commands.
#include <sys/wait.h>
#include <csignal>

#include <catch2/catch.hpp>

#include "desktop.hpp"

using namespace std::chrono_literals;
using sitstretch::test::Desktop;
using sitstretch::test::json_number;
using sitstretch::test::json_text;

TEST_CASE("No input for break_after is a break - input again is back", "[e2e]") {
  Desktop d("[sitting]\ninterval = \"1h\"\nbreak_after = \"5s\"\n");
  d.start_daemon();
  auto sitting = [&] { return json_number(d.cli({"status", "--json"}).out, "sitting_s"); };
  REQUIRE(d.wait_for([&] { return sitting() >= 2; }, 5s));  // at work
  const auto stopped = std::chrono::steady_clock::now();
  REQUIRE(d.wait_for([&] { return d.count("away") == 1; }, 15s, false));
  CHECK(std::chrono::steady_clock::now() - stopped >= 4500ms);
  const std::string away = d.records().back();
  CHECK(json_text(away, "event") == "away");
  CHECK(json_number(away, "sitting_s") >= 1);
  CHECK(away.find(R"("prompted":false)") != std::string::npos);

  d.input();
  REQUIRE(d.wait_for([&] { return d.count("back") == 1; }, 5s, false));
  CHECK(json_number(d.records().back(), "away_s") >= 5);
}

TEST_CASE("SIGTERM stops the daemon with status 0 and the log intact", "[e2e]") {
  Desktop d("[sitting]\ninterval = \"10s\"\n");
  d.start_daemon();
  REQUIRE(d.wait_for([&] { return d.count("prompt") == 1; }, 20s));
  REQUIRE(d.cli({"done"}).exit_code == 0);
  REQUIRE(d.daemon().kill(SIGTERM));
  const int status = d.daemon().wait(5000);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  const auto records = d.records();
  REQUIRE(records.size() == 2);
  CHECK(json_text(records[1], "event") == "accepted");
  const auto after = d.cli({"status"});
  CHECK(after.exit_code == 1);
  CHECK(after.err.find("sitstretchd is not running") != std::string::npos);
}

TEST_CASE("A second daemon is refused, naming the running one", "[e2e]") {
  Desktop d("");
  d.start_daemon();
  auto second = d.run({SITSTRETCH_DAEMON, "--config", d.config_path()});
  CHECK(second.exit_code == 1);
  CHECK(second.err == "sitstretchd: sitstretchd is already running (pid " +
                          std::to_string(d.daemon().pid()) + ")\n");
  CHECK(d.daemon().running());
}

TEST_CASE("An edited configuration applies at once - a bad edit keeps the old one", "[e2e]") {
  Desktop d("[sitting]\ninterval = \"1h\"\n");
  d.start_daemon();
  auto interval = [&] { return json_number(d.cli({"status", "--json"}).out, "interval_s"); };
  CHECK(interval() == 3600);
  d.write_config("[sitting]\ninterval = \"30m\"\n");
  REQUIRE(d.wait_for([&] { return interval() == 1800; }, 5s));

  d.write_config("[sitting]\ninterval = \"3s\"\n");
  auto warned = [&] {
    for (const auto& n : d.notifications()) {
      if (json_text(n, "summary") == "sitstretch: settings not applied") return true;
    }
    return false;
  };
  REQUIRE(d.wait_for(warned, 5s));
  const std::string error = json_text(d.cli({"status", "--json"}).out, "config_error");
  CHECK(error ==
        d.config_path() + ":2:12: sitting.interval: \"3s\" is too short; allowed 10s to 4h");
  CHECK(interval() == 1800);
  // Saving the same mistake again does not nag twice, nor does `sitstretch reload`, which says
  // what is wrong too.
  d.write_config("[sitting]\ninterval = \"3s\"\n");
  const auto reload = d.cli({"reload"});
  CHECK(reload.exit_code == 1);
  CHECK(reload.err == "sitstretch: " + error + "\n");

  d.write_config("[sitting]\ninterval = \"20m\"\n");
  REQUIRE(d.wait_for([&] { return interval() == 1200; }, 5s));
  CHECK(d.cli({"status", "--json"}).out.find("config_error") == std::string::npos);
  // Saves are taken in order, so the repeated mistake was seen by now.
  CHECK(d.notifications().size() == 1);
}

TEST_CASE("SIGHUP reloads the configuration", "[e2e]") {
  Desktop d("[sitting]\ninterval = \"1h\"\n");
  d.start_daemon();
  d.write_config("[sitting]\ninterval = \"40m\"\n");
  d.daemon().kill(SIGHUP);
  REQUIRE(d.wait_for(
      [&] {
        return json_number(d.cli({"status", "--json"}).out, "interval_s") == 2400;
      },
      5s));
  CHECK(d.daemon().running());
}

TEST_CASE("The control commands drive the daemon", "[e2e]") {
  Desktop d("[sitting]\ninterval = \"1h\"\n");
  d.start_daemon();
  const auto status = d.cli({"status"});
  CHECK(status.exit_code == 0);
  CHECK(status.out.starts_with("Sitting for "));
  CHECK(status.out.find("next stretch in") != std::string::npos);
  CHECK(status.out.find("Idle source: x11-sync") != std::string::npos);

  const auto nothing = d.cli({"skip"});
  CHECK(nothing.exit_code == 1);
  CHECK(nothing.err == "sitstretch: no prompt is waiting for an answer\n");

  CHECK(d.cli({"pause", "30m"}).out == "Paused.\n");
  CHECK(json_text(d.records().back(), "event") == "paused");
  CHECK(d.cli({"status", "--json"}).out.find(R"("paused":true)") != std::string::npos);
  CHECK(d.cli({"pause", "soon"}).exit_code == 2);
  CHECK(d.cli({"resume"}).exit_code == 0);
  CHECK(json_text(d.records().back(), "event") == "resumed");
  CHECK(d.cli({"resume"}).err == "sitstretch: not paused\n");

  CHECK(d.cli({"done"}).out == "Stretch recorded.\n");
  const std::string accepted = d.records().back();
  CHECK(json_text(accepted, "event") == "accepted");
  CHECK(accepted.find(R"("prompted":false)") != std::string::npos);
  CHECK(d.cli({"side", "left"}).exit_code == 0);
  CHECK(json_text(d.records().back(), "side") == "left");
  CHECK(d.cli({"side", "up"}).exit_code == 2);
}
