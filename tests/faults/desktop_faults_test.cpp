// The desktop's services going away under a running sitstretchd: the notification server, the
// session bus, the X server.
#include <sys/wait.h>

#include <catch2/catch.hpp>

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
  REQUIRE(d.wait_for([&] { return d.said("lost the connection to X display") == 1; }, 10s, false));
  CHECK(d.daemon().running());
  // Commands, records and prompts still work; nothing is said twice.
  CHECK(d.cli({"status"}).exit_code == 0);
  CHECK(d.cli({"pause"}).exit_code == 0);
  CHECK(d.cli({"resume"}).exit_code == 0);
  CHECK(d.count("paused") == 1);
  CHECK(d.count("resumed") == 1);
  CHECK(d.said("lost the connection to X display") == 1);
  CHECK(d.daemon().running());
}
