#pragma once

// The probes of `sitstretch doctor`: each asks one outside system what the daemon would find,
// the way the daemon itself does, and returns plain facts for the checks. They block (a few
// seconds at most each) and run on the CLI's main thread; none needs a running daemon.

#include <cstdlib>
#include <functional>

#include "config/config.hpp"
#include "doctor/facts.hpp"

namespace sitstretch::doctor {

// bus_probes.cpp: synchronous GDBus calls on connections of their own.
NotifyFacts probe_notifications();
TrayFacts probe_tray();
LockFacts probe_lock();

// source_probes.cpp: the idle source the daemon would pick and the busy sources it would start,
// made as the daemon makes them and closed again.
IdleFacts probe_idle(const config::Config& config);
BusyFacts probe_busy(const config::Config& config);

// file_probes.cpp: the configuration files, the log and the systemd user unit.
// in_use receives the configuration the daemon would run with (the defaults when a file is bad).
ConfigFacts probe_config(const config::Environment& env, config::Config& in_use);
LogFacts probe_log(const std::function<const char*(const char*)>& getenv = std::getenv);
// The unit only; the daemon_* fields are the caller's (it asks the daemon over its socket).
ServiceFacts probe_unit();

}  // namespace sitstretch::doctor
