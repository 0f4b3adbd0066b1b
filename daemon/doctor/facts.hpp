#pragma once

// What the probes (probes.hpp) found of each outside part, as plain values: the checks
// (checks.hpp) read only these, so a unit test can state any desktop without one.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sitstretch::doctor {

// The idle source the daemon would pick (idle::choose_idle_source, run by the probe itself).
struct IdleFacts {
  std::string requested = "auto";        // idle.source
  std::string chosen;                    // empty when none opened
  std::vector<std::string> passed_over;  // "name: why", in the order tried
  std::string error;                     // a forced source is missing
};

// Screen lock and suspend: logind on the system bus, screen lockers on the session bus.
struct LockFacts {
  std::string system_bus_error;           // empty when the system bus answered
  bool logind = false;                    // org.freedesktop.login1 is owned
  std::string logind_session;             // our session's object path; empty when none found
  std::string session_bus_error;          // empty when the session bus answered
  std::vector<std::string> screensavers;  // the screensaver names owned on the session bus
};

// The notification server, from GetServerInformation and GetCapabilities.
struct NotifyFacts {
  std::string error;  // why no server answered; empty when one did
  std::string name, vendor, version, spec_version;
  std::vector<std::string> capabilities;
};

// The busy sources a BusyWatch starts for busy.when (BusySource::describe, one line each).
struct BusyFacts {
  std::vector<std::string> when;     // busy.when's reasons
  std::vector<std::string> sources;  // describe() lines
};

// The tray host: a StatusNotifierWatcher on the session bus, and whether a host registered.
struct TrayFacts {
  std::string bus_error;                // empty when the session bus answered
  bool watcher = false;                 // org.kde.StatusNotifierWatcher is owned
  std::optional<bool> host_registered;  // its IsStatusNotifierHostRegistered; unset: unknown
};

// The configuration files as the daemon reads them (config::load_with_warnings).
struct ConfigFacts {
  std::vector<std::string> files;    // each existing file read, lowest priority first
  std::string error;                 // "file:line:col: what" of the first bad file
  std::vector<std::string> locks;    // "key (file:line:col)" for each locked key
  std::vector<std::string> ignored;  // the user's settings of locked keys, one line each
};

// The compliance log, opened read-only.
struct LogFacts {
  std::string path;  // empty when neither XDG_STATE_HOME nor HOME gives a place
  bool exists = false;
  std::uintmax_t size = 0;  // bytes
  int schema_version = 0;
  int latest_schema_version = 0;  // the one this build writes
  std::string open_error;         // why it could not be opened or read
  std::string integrity;          // "ok", or what PRAGMA integrity_check reported
  bool writable = false;          // the file, or the directory it will be made in, is writable
};

// The systemd user unit and the running daemon.
struct ServiceFacts {
  std::string systemd_error;  // why systemctl --user could not say; empty when it did
  std::string unit_enabled;   // systemctl --user is-enabled: enabled, disabled, not-found, ...
  std::string unit_active;    // systemctl --user is-active: active, inactive, failed, ...
  bool daemon_running = false;
  long daemon_pid = 0;
  std::string daemon_version;  // empty when the daemon did not say (older than "version")
  std::string daemon_error;    // why no daemon answered
  std::string cli_version;     // this sitstretch's
};

}  // namespace sitstretch::doctor
