// The desktop's services going away under a running sitstretchd: the notification server, the
// session bus, the X server.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

#include "fault_desktop.hpp"

using namespace std::chrono_literals;
using sitstretch::test::FaultDesktop;
using sitstretch::test::json_number;
using sitstretch::test::json_text;

TEST_CASE(
    "A notification server that stops and another that starts - the next prompt reaches "
    "the new one and its answer counts",
    "[faults]") {
  FaultDesktop d("[sitting]\ninterval = \"10s\"\n[prompt]\nsnooze = \"10s\"\n");
  d.start_notification_server("first.jsonl");
  d.start_daemon();
  REQUIRE(d.wait_for([&] { return d.notifications("first.jsonl").size() == 1; }, 30s));

  d.stop_notification_server();
  d.start_notification_server("second.jsonl");
  REQUIRE(d.cli({"snooze"}).exit_code == 0);
  REQUIRE(d.wait_for([&] { return d.notifications("second.jsonl").size() == 1; }, 30s));
  const std::string prompt = d.notifications("second.jsonl").front();
  // The snoozed prompt comes back as the second attempt.
  CHECK(json_text(prompt, "summary") == "Still sitting: time to stretch");
  CHECK(prompt.find(R"("actions":["done","Done")") != std::string::npos);
  // A fresh notification for the new server, not a replacement of the old server's id.
  CHECK(json_number(prompt, "replaces_id") == 0);
  CHECK(d.notifications("first.jsonl").size() == 1);

  // The new server's buttons reach the daemon.
  d.run({"gdbus", "call", "--session", "--dest", "org.freedesktop.Notifications", "--object-path",
         "/org/sitstretch/Test", "--method", "org.sitstretch.Test.InvokeAction",
         std::to_string(json_number(prompt, "id")), "done"});
  REQUIRE(d.wait_for([&] { return d.count("accepted") == 1; }, 5s));
  CHECK(d.records().back().find(R"("prompted":true)") != std::string::npos);
  CHECK(d.count("prompt") == 2);
  CHECK(d.daemon().running());
}

TEST_CASE("The session bus going away ends the daemon with status 1, one line, and the log intact",
          "[faults]") {
  FaultDesktop d("[sitting]\ninterval = \"1h\"\n");
  d.start_notification_server();
  d.start_daemon();
  REQUIRE(d.cli({"pause"}).exit_code == 0);
  REQUIRE(d.cli({"resume"}).exit_code == 0);
  const auto before = d.records();
  REQUIRE(before.size() == 2);

  d.kill_session_bus();
  const int status = d.daemon().wait(10000);
  REQUIRE(status != -1);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);
  CHECK(d.said("sitstretchd: the session bus went away") == 1);
  const std::string err = d.daemon_err();
  const auto line = err.find("sitstretchd: the session bus went away");
  REQUIRE(line != std::string::npos);
  // The reason is the last line the daemon wrote: nothing after it, and the systemd unit
  // restarts on this status.
  CHECK(err.find('\n', line) == err.size() - 1);
  CHECK(d.records() == before);
}

TEST_CASE("The system bus going away ends the daemon with status 1 so that it reconnects",
          "[faults]") {
  FaultDesktop d("[sitting]\ninterval = \"1h\"\n");
  d.start_system_bus();
  d.start_daemon();
  REQUIRE(d.cli({"pause"}).exit_code == 0);
  d.kill_system_bus();
  const int status = d.daemon().wait(10000);
  REQUIRE(status != -1);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);
  CHECK(d.said("sitstretchd: the system bus went away") == 1);
  CHECK(d.count("paused") == 1);
}

TEST_CASE("The X server going away is said once and the daemon goes on without idle detection",
          "[faults]") {
  FaultDesktop d("[sitting]\ninterval = \"1h\"\n");
  d.start_notification_server();
  d.start_daemon();
  d.kill_x_server();
  // Each X client of the daemon (idle, and fullscreen in busy.when by default) says it once.
  const auto lost_both = [&] {
    return d.said("X idle detection stops") == 1 && d.said("fullscreen windows go unseen") == 1;
  };
  REQUIRE(d.wait_for(lost_both, 10s, false));
  CHECK(d.daemon().running());
  // Commands, records and prompts still work; nothing is said twice.
  CHECK(d.cli({"status"}).exit_code == 0);
  CHECK(d.cli({"pause"}).exit_code == 0);
  CHECK(d.cli({"resume"}).exit_code == 0);
  CHECK(d.count("paused") == 1);
  CHECK(d.count("resumed") == 1);
  CHECK(d.said("lost the connection to X display") == 2);
  CHECK(d.daemon().running());
}

namespace {

void shift_wall_clock(const std::string& file, long seconds) {
  std::ofstream(file, std::ios::trunc) << seconds << "\n";
}

// An ASan build insists on its runtime coming first; the shift library is preloaded before it.
std::string asan_options() {
  std::string options = "ASAN_OPTIONS=";
  if (const char* given = std::getenv("ASAN_OPTIONS")) options += std::string(given) + ":";
  return options + "verify_asan_link_order=0";
}

std::string day_of(const std::string& record) {
  return json_text(record, "t").substr(0, 10);
}

}  // namespace

TEST_CASE("The wall clock jumping a day forward and back moves only the records' times",
          "[faults]") {
  FaultDesktop d("[sitting]\ninterval = \"1h\"\n");
  d.start_notification_server();
  const std::string shift = d.home() + "/clock-shift";
  shift_wall_clock(shift, 0);
  d.start_daemon({"env", asan_options(), "LD_PRELOAD=" SITSTRETCH_CLOCK_SHIFT,
                  "SITSTRETCH_CLOCK_SHIFT_FILE=" + shift});
  auto sitting = [&] { return json_number(d.cli({"status", "--json"}).out, "sitting_s"); };
  REQUIRE(d.cli({"pause"}).exit_code == 0);
  REQUIRE(d.cli({"resume"}).exit_code == 0);

  shift_wall_clock(shift, 86400);
  REQUIRE(d.cli({"pause"}).exit_code == 0);
  REQUIRE(d.cli({"resume"}).exit_code == 0);
  // The sitting time runs on the boot clock: a day on the wall clock is no day of sitting, and
  // no prompt is due.
  CHECK(sitting() < 60);
  CHECK(d.notifications().empty());

  shift_wall_clock(shift, 0);
  REQUIRE(d.cli({"pause"}).exit_code == 0);
  CHECK(sitting() < 60);
  CHECK(d.daemon().running());
  CHECK(d.notifications().empty());

  // Each record carries the wall time it was made at: the log, in time order, has the two
  // records of "tomorrow" last.
  const auto records = d.records();
  REQUIRE(records.size() == 5);
  CHECK(day_of(records[0]) == day_of(records[2]));
  CHECK(json_text(records[2], "event") == "paused");
  CHECK(day_of(records[3]) != day_of(records[0]));
  CHECK(day_of(records[3]) == day_of(records[4]));
  CHECK(json_text(records[3], "event") == "paused");
  CHECK(json_text(records[4], "event") == "resumed");
}
