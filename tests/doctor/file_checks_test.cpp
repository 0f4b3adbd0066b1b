// doctor's verdicts on sitstretch's own parts: configuration, log and service.
#include <catch2/catch.hpp>

#include "doctor/checks.hpp"

using namespace sitstretch::doctor;

TEST_CASE("config: the files read, the locked keys, and ignored user values", "[doctor]") {
  CHECK(check_config({}).found == "no file; the built-in defaults apply");
  ConfigFacts facts;
  facts.files = {"/etc/xdg/sitstretch/config.toml", "/home/u/.config/sitstretch/config.toml"};
  facts.locks = {"sitting.interval (/etc/xdg/sitstretch/config.toml:1:11)"};
  Finding f = check_config(facts);
  CHECK(f.verdict == Verdict::ok);
  CHECK(f.found ==
        "read /etc/xdg/sitstretch/config.toml, /home/u/.config/sitstretch/config.toml; locked: "
        "sitting.interval (/etc/xdg/sitstretch/config.toml:1:11)");
  facts.ignored = {"/home/u/.config/sitstretch/config.toml:2:1: sitting.interval is locked"};
  f = check_config(facts);
  CHECK(f.verdict == Verdict::warn);
  CHECK(f.found.ends_with(
      "; ignored: /home/u/.config/sitstretch/config.toml:2:1: sitting.interval is locked"));
  CHECK(f.advice.find("administrator") != std::string::npos);
}

TEST_CASE("config: a bad file fails with its place", "[doctor]") {
  ConfigFacts facts;
  facts.files = {"/home/u/.config/sitstretch/config.toml"};
  facts.error = "/home/u/.config/sitstretch/config.toml:3:1: unknown key \"intervall\"";
  const Finding f = check_config(facts);
  CHECK(f.verdict == Verdict::fail);
  CHECK(f.found == facts.error);
  CHECK(f.advice == "fix that place; sitstretch config check checks again");
}

namespace {

LogFacts good_log() {
  LogFacts facts;
  facts.path = "/home/u/.local/state/sitstretch/log.sqlite3";
  facts.exists = true;
  facts.size = 40960;
  facts.schema_version = 5;
  facts.latest_schema_version = 5;
  facts.integrity = "ok";
  facts.writable = true;
  return facts;
}

}  // namespace

TEST_CASE("log: path, size, schema and integrity", "[doctor]") {
  const Finding f = check_log(good_log());
  CHECK(f.verdict == Verdict::ok);
  CHECK(f.found == "/home/u/.local/state/sitstretch/log.sqlite3, 40 KiB, schema 5, integrity ok");
  LogFacts small = good_log();
  small.size = 512;
  CHECK(check_log(small).found.find(", 512 bytes,") != std::string::npos);
  small.size = 3 * 1024 * 1024;
  CHECK(check_log(small).found.find(", 3 MiB,") != std::string::npos);
}

TEST_CASE("log: not written yet is fine where it can be made", "[doctor]") {
  LogFacts facts;
  facts.path = "/home/u/.local/state/sitstretch/log.sqlite3";
  facts.writable = true;
  CHECK(check_log(facts).verdict == Verdict::ok);
  facts.writable = false;
  const Finding f = check_log(facts);
  CHECK(f.verdict == Verdict::fail);
  CHECK(f.advice.find("writable") != std::string::npos);
  CHECK(check_log(LogFacts{}).verdict == Verdict::fail);
  CHECK(check_log(LogFacts{}).advice == "set HOME");
}

TEST_CASE("log: damaged, newer, or read-only fails with the way out", "[doctor]") {
  LogFacts damaged = good_log();
  damaged.integrity = "*** in database main *** Page 3 is never used";
  Finding f = check_log(damaged);
  CHECK(f.verdict == Verdict::fail);
  CHECK(f.advice.starts_with("restart sitstretchd: it moves a damaged log aside"));

  LogFacts unreadable = good_log();
  unreadable.open_error = "file is not a database";
  f = check_log(unreadable);
  CHECK(f.verdict == Verdict::fail);
  CHECK(f.found.ends_with(": file is not a database"));

  LogFacts newer = good_log();
  newer.schema_version = 9;
  newer.open_error = "log schema version 9 is newer than this sitstretch understands (5)";
  CHECK(check_log(newer).advice == "update sitstretch: a newer one wrote this log");

  LogFacts read_only = good_log();
  read_only.writable = false;
  f = check_log(read_only);
  CHECK(f.verdict == Verdict::fail);
  CHECK(f.advice == "chmod u+w /home/u/.local/state/sitstretch/log.sqlite3");
}

namespace {

ServiceFacts running(const std::string& daemon_version) {
  ServiceFacts facts;
  facts.unit_enabled = "enabled";
  facts.unit_active = "active";
  facts.daemon_running = true;
  facts.daemon_pid = 4242;
  facts.daemon_version = daemon_version;
  facts.cli_version = "0.1.0";
  return facts;
}

}  // namespace

TEST_CASE("service: the daemon of this version runs from its unit", "[doctor]") {
  const Finding f = check_service(running("0.1.0"));
  CHECK(f.verdict == Verdict::ok);
  CHECK(f.found ==
        "sitstretchd running (pid 4242, version 0.1.0); unit sitstretchd.service enabled, active");
}

TEST_CASE("service: a daemon of another version, or one that does not say, is restarted",
          "[doctor]") {
  Finding f = check_service(running("0.0.9"));
  CHECK(f.verdict == Verdict::warn);
  CHECK(f.found.ends_with("; this sitstretch is 0.1.0"));
  CHECK(f.advice.find("systemctl --user restart sitstretchd") != std::string::npos);
  f = check_service(running(""));
  CHECK(f.verdict == Verdict::warn);
  CHECK(f.found.starts_with("sitstretchd running (pid 4242, version unknown)"));
}

TEST_CASE("service: no daemon; what to do follows from the unit", "[doctor]") {
  ServiceFacts facts;
  facts.cli_version = "0.1.0";
  facts.daemon_error = "sitstretchd is not running (no socket at /run/user/1000/x)";
  facts.unit_enabled = "disabled";
  facts.unit_active = "inactive";
  Finding f = check_service(facts);
  CHECK(f.verdict == Verdict::warn);
  CHECK(f.found ==
        "sitstretchd is not running (no socket at /run/user/1000/x); unit "
        "sitstretchd.service disabled, inactive");
  CHECK(f.advice == "systemctl --user enable --now sitstretchd");

  facts.unit_enabled = "enabled";
  facts.unit_active = "failed";
  CHECK(check_service(facts).advice.starts_with("systemctl --user start sitstretchd; journalctl"));

  facts.unit_enabled = "";
  facts.systemd_error = "Failed to connect to bus: No medium found";
  f = check_service(facts);
  CHECK(f.found.ends_with("no systemd user unit (Failed to connect to bus: No medium found)"));
  CHECK(f.advice.starts_with("start sitstretchd with your session"));
}
