#include "desktop.hpp"

#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace sitstretch::test {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

}  // namespace

Desktop::Desktop(const std::string& config_toml, bool notification_server,
                 std::vector<std::string> env_overrides, bool machine_services)
    : config_(home_.write("config.toml", config_toml)),
      notify_log_(home_.write("notifications.jsonl", "")),
      bus_(machine_services),
      env_overrides_(std::move(env_overrides)) {
  home_.write("runtime/.keep", "");
  chmod((home_.path() + "/runtime").c_str(), 0700);
  if (notification_server) start_notification_server();
}

Desktop::~Desktop() {
  daemon_.reset();
  notification_server_.reset();
}

std::vector<std::string> Desktop::env() const {
  std::vector<std::string> entries{
      "HOME=" + home_.path(), "XDG_CONFIG_HOME=" + home_.path() + "/config",
      "XDG_CONFIG_DIRS=" + home_.path() + "/etc", "XDG_STATE_HOME=" + home_.path() + "/state",
      "XDG_RUNTIME_DIR=" + home_.path() + "/runtime", "DISPLAY=" + x_.display(),
      "DBUS_SESSION_BUS_ADDRESS=" + bus_.address(),
      // An X11 session, even when the tests run in a Wayland one: the idle source is the Xvfb's.
      "XDG_SESSION_TYPE=x11", "WAYLAND_DISPLAY=",
      // No logind here, as in most containers: the daemon must do without it.
      "DBUS_SYSTEM_BUS_ADDRESS=unix:path=" + home_.path() + "/no-system-bus"};
  entries.insert(entries.end(), env_overrides_.begin(), env_overrides_.end());
  return entries;
}

void Desktop::start_notification_server() {
  notification_server_.emplace(std::vector<std::string>{SITSTRETCH_FAKE_NOTIFY, notify_log_},
                               env());
  if (notification_server_->read_line(10000) != "ready") {
    throw std::runtime_error("the fake notification server did not start");
  }
}

void Desktop::start_daemon() {
  daemon_.emplace(std::vector<std::string>{SITSTRETCH_DAEMON, "--config", config_}, env());
  const bool up =
      wait_for([&] { return cli({"status"}).exit_code == 0; }, std::chrono::seconds(10), false);
  if (!up) throw std::runtime_error("sitstretchd did not start");
}

CommandResult Desktop::cli(const std::vector<std::string>& args) const {
  // Not args.insert(args.begin(), ...): see tests/cli/cli_test.cpp.
  std::vector<std::string> argv{SITSTRETCH_CLI};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv);
}

CommandResult Desktop::run(const std::vector<std::string>& argv) const {
  return run_command(argv, "", env());
}

void Desktop::write_config(const std::string& toml) const {
  // As an editor saves: a new file renamed over the old one.
  const std::string tmp = config_ + ".tmp";
  std::ofstream(tmp) << toml;
  std::rename(tmp.c_str(), config_.c_str());
}

void Desktop::input() const {
  static int direction = 1;
  direction = -direction;
  run({"xdotool", "mousemove_relative", "--", std::to_string(direction),
       std::to_string(direction)});
}

bool Desktop::wait_for(const std::function<bool()>& done, std::chrono::milliseconds timeout,
                       bool keep_active) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    if (keep_active) input();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return done();
}

std::vector<std::string> Desktop::notifications(const std::string& method) const {
  std::ifstream in(notify_log_);
  std::stringstream s;
  s << in.rdbuf();
  std::vector<std::string> calls;
  for (const auto& line : lines_of(s.str())) {
    if (json_text(line, "method") == method) calls.push_back(line);
  }
  return calls;
}

void Desktop::invoke_action(long id, const std::string& key) const {
  run({"gdbus", "call", "--session", "--dest", "org.freedesktop.Notifications", "--object-path",
       "/org/sitstretch/Test", "--method", "org.sitstretch.Test.InvokeAction", std::to_string(id),
       key});
}

void Desktop::close_notification(long id, int reason) const {
  run({"gdbus", "call", "--session", "--dest", "org.freedesktop.Notifications", "--object-path",
       "/org/sitstretch/Test", "--method", "org.sitstretch.Test.Close", std::to_string(id),
       std::to_string(reason)});
}

std::vector<std::string> Desktop::records() const {
  return lines_of(cli({"log", "--json", "--all"}).out);
}

std::vector<std::string> Desktop::events() const {
  std::vector<std::string> out;
  for (const auto& r : records()) out.push_back(json_text(r, "event"));
  return out;
}

std::string Desktop::status() const {
  return cli({"status", "--json"}).out;
}

int Desktop::count(const std::string& event) const {
  int n = 0;
  for (const auto& r : records()) n += json_text(r, "event") == event;
  return n;
}

namespace {

// The object on line, or null when it is not one.
nlohmann::json object_of(const std::string& line) {
  nlohmann::json parsed = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  return parsed.is_object() ? parsed : nlohmann::json();
}

}  // namespace

long json_number(const std::string& line, const std::string& key) {
  const nlohmann::json object = object_of(line);
  const auto it = object.find(key);
  return it != object.end() && it->is_number_integer() ? it->get<long>() : -1;
}

std::string json_text(const std::string& line, const std::string& key) {
  const nlohmann::json object = object_of(line);
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace sitstretch::test
