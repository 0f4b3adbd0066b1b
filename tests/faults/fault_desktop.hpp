#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "run_command.hpp"

namespace sitstretch::test {

// A desktop for fault tests: like tests/e2e's Desktop (a private Xvfb, session bus, recording
// notification server, home and sitstretchd), but every part is a process the test may kill or
// replace while the daemon runs, and the daemon's stderr is kept in a file so that a test can
// count what it said.
class FaultDesktop {
 public:
  explicit FaultDesktop(const std::string& config_toml);
  ~FaultDesktop();
  FaultDesktop(const FaultDesktop&) = delete;
  FaultDesktop& operator=(const FaultDesktop&) = delete;

  // Starts a notification server that records its calls in home/<log_name>.
  void start_notification_server(const std::string& log_name = "notifications.jsonl");
  void stop_notification_server();
  // Starts sitstretchd (behind `prefix`, e.g. setpriv, which execs it) and waits until it
  // answers `sitstretch status`.
  void start_daemon(const std::vector<std::string>& prefix = {});
  ChildProcess& daemon() { return *daemon_; }
  // Everything the daemon wrote to stderr so far, and how often `text` occurs in it.
  std::string daemon_err() const;
  int said(const std::string& text) const;

  // A second bus daemon as the system bus (no logind on it), for a daemon started afterwards.
  void start_system_bus();
  void kill_system_bus();
  void kill_session_bus();
  void kill_x_server();

  CommandResult cli(const std::vector<std::string>& args) const;
  CommandResult run(const std::vector<std::string>& argv) const;
  std::vector<std::string> env() const;

  const std::string& home() const { return home_.path(); }
  std::string state_dir() const { return home_.path() + "/state"; }
  std::string log_file() const { return state_dir() + "/sitstretch/log.sqlite3"; }
  const std::string& config_path() const { return config_; }

  void input() const;
  bool wait_for(const std::function<bool()>& done, std::chrono::milliseconds timeout,
                bool keep_active = true) const;

  // Notify calls (or another method's) the server recording in home/<log_name> received.
  std::vector<std::string> notifications(const std::string& log_name = "notifications.jsonl",
                                         const std::string& method = "Notify") const;
  // Messages (not prompts) with this summary, across every server's log so far.
  int messages(const std::string& summary) const;

  std::vector<std::string> records() const;
  int count(const std::string& event) const;

 private:
  TempDir home_;
  std::string config_;
  std::optional<ChildProcess> x_;
  std::string display_;
  std::optional<ChildProcess> bus_;
  std::string bus_address_;
  std::optional<ChildProcess> system_bus_;
  std::string system_bus_address_;
  std::vector<std::string> notification_logs_;
  std::optional<ChildProcess> notification_server_;
  std::optional<ChildProcess> daemon_;
};

long json_number(const std::string& line, const std::string& key);
std::string json_text(const std::string& line, const std::string& key);

}  // namespace sitstretch::test
