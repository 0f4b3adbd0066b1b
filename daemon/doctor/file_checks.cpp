// The checks of sitstretch's own parts: configuration files, compliance log and service.
#include "doctor/checks.hpp"

namespace sitstretch::doctor {
namespace {

// "12 KiB": whole units, as a person reads a size.
std::string size_text(std::uintmax_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " bytes";
  if (bytes < 1024 * 1024) return std::to_string(bytes / 1024) + " KiB";
  return std::to_string(bytes / (1024 * 1024)) + " MiB";
}

std::string unit_text(const ServiceFacts& facts) {
  if (!facts.systemd_error.empty()) return "no systemd user unit (" + facts.systemd_error + ")";
  return "unit sitstretchd.service " + facts.unit_enabled + ", " + facts.unit_active;
}

// What to do when no daemon answers, after what the unit says.
std::string start_advice(const ServiceFacts& facts) {
  if (facts.unit_enabled == "enabled" || facts.unit_enabled == "static") {
    return "systemctl --user start sitstretchd; journalctl --user -u sitstretchd says why it "
           "stopped";
  }
  if (facts.systemd_error.empty() && facts.unit_enabled != "not-found") {
    return "systemctl --user enable --now sitstretchd";
  }
  return "start sitstretchd with your session (its autostart entry does) or run it yourself";
}

}  // namespace

Finding check_config(const ConfigFacts& facts) {
  Finding f{"config", Verdict::ok, "", ""};
  if (!facts.error.empty()) {
    f.verdict = Verdict::fail;
    f.found = facts.error;
    f.advice = "fix that place; sitstretch config check checks again";
    return f;
  }
  f.found = facts.files.empty() ? "no file; the built-in defaults apply"
                                : "read " + join(facts.files, ", ");
  if (!facts.locks.empty()) f.found += "; locked: " + join(facts.locks, ", ");
  if (!facts.ignored.empty()) {
    f.verdict = Verdict::warn;
    f.found += "; ignored: " + join(facts.ignored);
    f.advice = "remove those settings from your file: an administrator's file locks them";
  }
  return f;
}

Finding check_log(const LogFacts& facts) {
  Finding f{"log", Verdict::fail, "", ""};
  if (facts.path.empty()) {
    f.found = "no place for it: neither XDG_STATE_HOME nor HOME is set";
    f.advice = "set HOME";
    return f;
  }
  if (!facts.exists) {
    f.found = facts.path + ": not written yet";
    if (facts.writable) {
      f.verdict = Verdict::ok;
      f.found += "; the daemon makes it at its first start";
    } else {
      f.advice = "make its directory (or the nearest one that exists) writable by you";
    }
    return f;
  }
  f.found = facts.path + ", " + size_text(facts.size);
  if (!facts.open_error.empty()) {
    f.found += ": " + facts.open_error;
    f.advice = facts.schema_version > facts.latest_schema_version
                   ? "update sitstretch: a newer one wrote this log"
                   : "restart sitstretchd: it moves a damaged log aside and starts a new one";
    return f;
  }
  f.found += ", schema " + std::to_string(facts.schema_version) + ", integrity " + facts.integrity;
  if (facts.integrity != "ok") {
    f.advice = "restart sitstretchd: it moves a damaged log aside and starts a new one";
  } else if (!facts.writable) {
    f.found += ", but not writable";
    f.advice = "chmod u+w " + facts.path;
  } else {
    f.verdict = Verdict::ok;
  }
  return f;
}

Finding check_service(const ServiceFacts& facts) {
  Finding f{"service", Verdict::ok, "", ""};
  if (!facts.daemon_running) {
    f.verdict = Verdict::warn;
    // The client's error names sitstretchd: "sitstretchd is not running (no socket at ...)".
    f.found = facts.daemon_error + "; " + unit_text(facts);
    f.advice = start_advice(facts);
    return f;
  }
  f.found = "sitstretchd running (pid " + std::to_string(facts.daemon_pid) + ", version " +
            (facts.daemon_version.empty() ? "unknown" : facts.daemon_version) + "); " +
            unit_text(facts);
  if (facts.daemon_version != facts.cli_version) {
    f.verdict = Verdict::warn;
    f.found += "; this sitstretch is " + facts.cli_version;
    f.advice =
        "restart the daemon to run the installed version: systemctl --user restart "
        "sitstretchd";
  }
  return f;
}

}  // namespace sitstretch::doctor
