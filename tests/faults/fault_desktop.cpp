#include "fault_desktop.hpp"

#include <sys/stat.h>

#include <csignal>
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

std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

nlohmann::json object_of(const std::string& line) {
  nlohmann::json parsed = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  return parsed.is_object() ? parsed : nlohmann::json();
}

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

ChildProcess start_bus_daemon(std::string& address) {
  ChildProcess bus(std::vector<std::string>{"dbus-daemon", "--session", "--nofork", "--nopidfile",
                                            "--print-address=1"});
  address = bus.read_line(10000);
  if (address.empty()) throw std::runtime_error("dbus-daemon did not start");
  return bus;
}

}  // namespace

FaultDesktop::FaultDesktop(const std::string& config_toml)
    : config_(home_.write("config.toml", config_toml)),
      // No logind, as in most containers, unless a test starts a system bus.
      system_bus_address_("unix:path=" + home_.path() + "/no-system-bus") {
  home_.write("runtime/.keep", "");
  chmod((home_.path() + "/runtime").c_str(), 0700);
  x_.emplace(std::vector<std::string>{"Xvfb", "-displayfd", "1", "-screen", "0", "640x480x24",
                                      "-nolisten", "tcp", "-noreset"});
  const std::string number = x_->read_line(10000);
  if (number.empty()) throw std::runtime_error("Xvfb did not start");
  display_ = ":" + number;
  bus_.emplace(start_bus_daemon(bus_address_));
}

FaultDesktop::~FaultDesktop() {
  daemon_.reset();
  notification_server_.reset();
}

std::vector<std::string> FaultDesktop::env() const {
  return {"HOME=" + home_.path(),
          "XDG_CONFIG_HOME=" + home_.path() + "/config",
          "XDG_CONFIG_DIRS=" + home_.path() + "/etc",
          "XDG_STATE_HOME=" + state_dir(),
          "XDG_RUNTIME_DIR=" + home_.path() + "/runtime",
          "DISPLAY=" + display_,
          "DBUS_SESSION_BUS_ADDRESS=" + bus_address_,
          "XDG_SESSION_TYPE=x11",
          "WAYLAND_DISPLAY=",
          "DBUS_SYSTEM_BUS_ADDRESS=" + system_bus_address_};
}

void FaultDesktop::start_notification_server(const std::string& log_name) {
  const std::string log = home_.write(log_name, "");
  notification_logs_.push_back(log);
  notification_server_.reset();
  notification_server_.emplace(std::vector<std::string>{SITSTRETCH_FAKE_NOTIFY, log}, env());
  if (notification_server_->read_line(10000) != "ready") {
    throw std::runtime_error("the fake notification server did not start");
  }
}

void FaultDesktop::stop_notification_server() {
  notification_server_.reset();  // SIGTERM, and waits for the exit
}

void FaultDesktop::start_daemon(const std::vector<std::string>& prefix) {
  // Through sh only to send stderr to a file; exec keeps the daemon's pid.
  std::string command = "exec";
  for (const auto& word : prefix) command += " " + shell_quoted(word);
  command += " " + shell_quoted(SITSTRETCH_DAEMON) + " --config " + shell_quoted(config_) + " 2>>" +
             shell_quoted(home_.path() + "/daemon.err");
  daemon_.emplace(std::vector<std::string>{"sh", "-c", command}, env());
  const bool up =
      wait_for([&] { return cli({"status"}).exit_code == 0; }, std::chrono::seconds(10), false);
  if (!up) throw std::runtime_error("sitstretchd did not start: " + daemon_err());
}

std::string FaultDesktop::daemon_err() const {
  return slurp(home_.path() + "/daemon.err");
}

int FaultDesktop::said(const std::string& text) const {
  const std::string err = daemon_err();
  int n = 0;
  for (auto at = err.find(text); at != std::string::npos; at = err.find(text, at + text.size()))
    ++n;
  return n;
}

void FaultDesktop::start_system_bus() {
  system_bus_.emplace(start_bus_daemon(system_bus_address_));
}

void FaultDesktop::kill_system_bus() {
  system_bus_.reset();
}

void FaultDesktop::kill_session_bus() {
  bus_.reset();
}

void FaultDesktop::kill_x_server() {
  x_->kill(SIGKILL);
  x_->wait(5000);
}

CommandResult FaultDesktop::cli(const std::vector<std::string>& args) const {
  std::vector<std::string> argv{SITSTRETCH_CLI};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv);
}

CommandResult FaultDesktop::run(const std::vector<std::string>& argv) const {
  return run_command(argv, "", env());
}

void FaultDesktop::input() const {
  static int direction = 1;
  direction = -direction;
  run({"xdotool", "mousemove_relative", "--", std::to_string(direction),
       std::to_string(direction)});
}

bool FaultDesktop::wait_for(const std::function<bool()>& done, std::chrono::milliseconds timeout,
                            bool keep_active) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    if (keep_active) input();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return done();
}

std::vector<std::string> FaultDesktop::notifications(const std::string& log_name,
                                                     const std::string& method) const {
  std::vector<std::string> calls;
  for (const auto& line : lines_of(slurp(home_.path() + "/" + log_name))) {
    if (json_text(line, "method") == method) calls.push_back(line);
  }
  return calls;
}

int FaultDesktop::messages(const std::string& summary) const {
  int n = 0;
  for (const auto& log : notification_logs_) {
    for (const auto& line : lines_of(slurp(log))) {
      n += json_text(line, "method") == "Notify" && json_text(line, "summary") == summary;
    }
  }
  return n;
}

std::vector<std::string> FaultDesktop::records() const {
  return lines_of(cli({"log", "--json", "--all"}).out);
}

int FaultDesktop::count(const std::string& event) const {
  int n = 0;
  for (const auto& r : records()) n += json_text(r, "event") == event;
  return n;
}

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
