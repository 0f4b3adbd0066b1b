#pragma once

// The daemon's state as `sitstretch status` reports it, and the JSON document it is sent as.

#include <optional>
#include <string>

#include "core/sitting_model.hpp"
#include "core/time.hpp"

namespace sitstretch::control {

// A plain gathering of what the status reply says: the model's snapshot and what the daemon
// knows of its adapters. Instants of the snapshot are on the model's clock (boot time).
struct DaemonStatus {
  core::Snapshot snapshot;
  core::Ms now{};             // the instant of the snapshot
  core::Ms utc_minus_boot{};  // added to a model instant gives UTC epoch milliseconds
  long pid = 0;
  core::Ms interval{};  // prompt.interval
  std::string idle_source = "none";
  std::string lock_source = "none";
  std::string busy_sources = "none";        // BusyWatch::describe's lines joined by "; "
  bool notifications = false;               // a notification server is reachable
  std::string log;                          // the compliance log's file
  std::string config_error;                 // the last reload's error, "" when the file is good
  std::optional<core::Ms> user_busy_until;  // end of a timed `sitstretch busy`
};

// The status reply (SPEC §6): one flat JSON object without newline, "ok":true first. Instants
// appear as seconds from now, ISO local time and epoch milliseconds; "config_error" only when
// there is one. Last (rule 9): "busy", the reasons holding prompts as words joined by ","
// ("" when none); "busy_user_until", the end of a timed `sitstretch busy`; "held_until" and
// "held_until_s", when a prompt held while busy fires anyway; each null when there is none;
// "busy_sources", what is followed for each reason in busy.when. After them "version", the
// daemon's SITSTRETCH_VERSION.
std::string status_json(const DaemonStatus& status);

}  // namespace sitstretch::control
