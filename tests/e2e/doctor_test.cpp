// `sitstretch doctor` in the tests' own desktop (Xvfb, a private session bus, no logind): with and
// without a notification server, a tray watcher and a running daemon; its exit status and the
// shape of --json.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "desktop.hpp"

using sitstretch::test::ChildProcess;
using sitstretch::test::CommandResult;
using sitstretch::test::Desktop;

namespace {

constexpr const char* kConfig = "[sitting]\ninterval = \"10m\"\n";

// Every part, in the order doctor reports them (SPEC §6).
const std::vector<std::string> kParts{
    "idle source", "lock and suspend", "notifications", "busy sources",
    "tray",        "config",           "log",           "service"};

// The line doctor printed for `part`, e.g. "FAIL notifications: ...", or "".
std::string line_of(const CommandResult& run, const std::string& part) {
  std::istringstream lines(run.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.find(" " + part + ": ") == 4) return line;
  }
  return "";
}

bool has(const std::string& text, const std::string& piece) {
  return text.find(piece) != std::string::npos;
}

// doctor --json: one document, one object per part in order, each with its four fields.
nlohmann::json doctor_json(const Desktop& d, int expected_exit) {
  const CommandResult run = d.cli({"doctor", "--json"});
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == expected_exit);
  const auto doc = nlohmann::json::parse(run.out);
  CHECK(doc.at("ok") == (expected_exit == 0));
  CHECK(doc.at("version") == SITSTRETCH_VERSION);
  const auto& parts = doc.at("parts");
  REQUIRE(parts.size() == kParts.size());
  for (std::size_t i = 0; i < kParts.size(); ++i) {
    CHECK(parts[i].at("name") == kParts[i]);
    CHECK(parts[i].at("ok").is_boolean());
    CHECK(parts[i].at("found").is_string());
    CHECK(parts[i].at("advice").is_string());
    CHECK(parts[i].at("ok") == (parts[i].at("verdict") == "ok"));
  }
  return doc;
}

std::string env_of(const Desktop& d, const std::string& name) {
  for (const std::string& entry : d.env()) {
    if (entry.starts_with(name + "=")) return entry.substr(name.size() + 1);
  }
  return "";
}

void write_user_config(const Desktop& d, const std::string& toml) {
  const std::filesystem::path file = env_of(d, "XDG_CONFIG_HOME") + "/sitstretch/config.toml";
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file) << toml;
}

}  // namespace

TEST_CASE("doctor without a notification server, a tray or a daemon says what to do, exit 1",
          "[e2e][doctor]") {
  Desktop d(kConfig, /*notification_server=*/false, {}, /*machine_services=*/false);
  const CommandResult run = d.cli({"doctor"});
  INFO(run.out << run.err);
  CHECK(run.exit_code == 1);
  for (const std::string& part : kParts) CHECK(line_of(run, part) != "");
  // Xvfb has the X11 idle counter; GNOME's and the Wayland ones are passed over, with why.
  CHECK(
      line_of(run, "idle source").starts_with("ok   idle source: x11-sync (passed over: mutter: "));
  CHECK(has(line_of(run, "lock and suspend"), "warn lock and suspend: no logind ("));
  const std::string notify = line_of(run, "notifications");
  CHECK(notify.starts_with("FAIL notifications: no notification server answered ("));
  CHECK(has(notify, " -> start one"));
  CHECK(line_of(run, "tray")
            .starts_with("warn tray: no StatusNotifierWatcher on the session bus -> no tray icon"));
  CHECK(line_of(run, "config") == "ok   config: no file; the built-in defaults apply");
  CHECK(has(line_of(run, "log"), ": not written yet; the daemon makes it at its first start"));
  CHECK(line_of(run, "service").starts_with("warn service: sitstretchd is not running"));

  const auto doc = doctor_json(d, 1);
  CHECK(doc["parts"][2]["verdict"] == "fail");
  CHECK(doc["parts"][4]["verdict"] == "warn");
}

TEST_CASE("doctor with a notification server, a tray host and the daemon: all there, exit 0",
          "[e2e][doctor]") {
  Desktop d(kConfig);
  ChildProcess watcher({SITSTRETCH_FAKE_WATCHER}, d.env());
  REQUIRE(watcher.read_line(10000) == "ready");

  // No daemon yet: prompts need none of it to be checked, so doctor still passes.
  CommandResult run = d.cli({"doctor"});
  INFO(run.out << run.err);
  CHECK(run.exit_code == 0);
  CHECK(line_of(run, "notifications") ==
        "ok   notifications: fake_notification_server 1 by sitstretch (spec 1.2); actions: yes, "
        "persistence: yes");
  CHECK(line_of(run, "tray") == "ok   tray: StatusNotifierWatcher present; a host is registered");
  CHECK(line_of(run, "service").starts_with("warn service: sitstretchd is not running"));

  d.start_daemon();
  run = d.cli({"doctor"});
  CHECK(run.exit_code == 0);
  CHECK(line_of(run, "service")
            .starts_with("ok   service: sitstretchd running (pid " +
                         std::to_string(d.daemon().pid()) + ", version " + SITSTRETCH_VERSION +
                         "); "));
  // The daemon made the log; doctor reads it without touching it.
  CHECK(has(line_of(run, "log"), ", integrity ok"));
  const auto doc = doctor_json(d, 0);
  CHECK(doc["parts"][7]["ok"] == true);
  CHECK(doc["parts"][7]["advice"] == "");

  // A bad user file: prompts would run on without its settings, so doctor fails and points at it.
  write_user_config(d, "[sitting]\nintervall = \"2h\"\n");
  run = d.cli({"doctor"});
  CHECK(run.exit_code == 1);
  CHECK(line_of(run, "config")
            .starts_with("FAIL config: " + env_of(d, "XDG_CONFIG_HOME") +
                         "/sitstretch/config.toml:2:1: "));
  CHECK(d.cli({"doctor", "extra"}).exit_code == 2);
}
