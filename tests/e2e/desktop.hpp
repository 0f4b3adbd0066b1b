#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "run_command.hpp"

namespace sitstretch::test {

// A desktop for end-to-end tests, all of it real and private to the test: an X server (Xvfb)
// with input from xdotool, a session bus, a notification server that records what it is sent,
// a home with its own XDG directories, and sitstretchd itself with a given configuration.
class Desktop {
 public:
  // env_overrides ("NAME=value") replace the desktop's own entries, e.g. "DISPLAY=" for a
  // Wayland session without Xwayland. Without machine_services the session bus starts none of
  // this machine's D-Bus services (see DbusDaemon), so no notification server comes unbidden.
  explicit Desktop(const std::string& config_toml, bool notification_server = true,
                   std::vector<std::string> env_overrides = {}, bool machine_services = true);
  ~Desktop();

  void start_notification_server();
  // Starts sitstretchd and waits until it answers `sitstretch status`.
  void start_daemon();
  ChildProcess& daemon() { return *daemon_; }

  // Runs sitstretch, or another program, in this desktop's environment.
  CommandResult cli(const std::vector<std::string>& args) const;
  CommandResult run(const std::vector<std::string>& argv) const;
  std::vector<std::string> env() const;
  const std::string& bus_address() const { return bus_.address(); }

  void write_config(const std::string& toml) const;
  const std::string& config_path() const { return config_; }

  // Moves the mouse a pixel, as a user at work does.
  void input() const;
  // Polls `done` until it holds or `timeout` passes; with keep_active, input continues meanwhile.
  bool wait_for(const std::function<bool()>& done, std::chrono::milliseconds timeout,
                bool keep_active = true) const;

  // What the notification server received, one JSON line per call of `method`.
  std::vector<std::string> notifications(const std::string& method = "Notify") const;
  // The user clicks an action, or closes the notification (reason 2) or it expires (reason 1).
  void invoke_action(long id, const std::string& key) const;
  void close_notification(long id, int reason) const;

  // The compliance log as `sitstretch log --json --all` prints it.
  std::vector<std::string> records() const;
  // The log's events in order, e.g. {"busy", "free", "prompt"}.
  std::vector<std::string> events() const;
  int count(const std::string& event) const;
  // `sitstretch status --json`.
  std::string status() const;

 private:
  TempDir home_;
  std::string config_;
  std::string notify_log_;
  Xvfb x_;
  DbusDaemon bus_;
  std::vector<std::string> env_overrides_;
  std::optional<ChildProcess> notification_server_;
  std::optional<ChildProcess> daemon_;
};

// Reads an integer or a string field of the JSON object on line (nlohmann-json), for assertions:
// -1 or "" when line is not an object or the field is missing or of another type.
long json_number(const std::string& line, const std::string& key);
std::string json_text(const std::string& line, const std::string& key);

}  // namespace sitstretch::test
