#pragma once

// The verdicts of `sitstretch doctor`, one per outside part: pure functions of what the probes
// found. Only the notification server, the configuration and the log can fail (exit 1): without
// them no prompt is shown, or none is kept. The other parts only make prompts better.

#include "doctor/facts.hpp"
#include "doctor/finding.hpp"

namespace sitstretch::doctor {

Finding check_idle(const IdleFacts& facts);
Finding check_lock(const LockFacts& facts);
Finding check_notifications(const NotifyFacts& facts);
Finding check_busy(const BusyFacts& facts);
Finding check_tray(const TrayFacts& facts);
Finding check_config(const ConfigFacts& facts);
Finding check_log(const LogFacts& facts);
Finding check_service(const ServiceFacts& facts);

}  // namespace sitstretch::doctor
