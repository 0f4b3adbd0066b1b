#pragma once

// `sitstretch status --follow` (SPEC §6): what a follower's line shows, and when the next line is
// due. Pure: the daemon keeps the status it last sent and asks these two questions after every
// event, so a line goes out only when the state or a shown minute changes.

#include <optional>
#include <string>

#include "control/daemon_status.hpp"
#include "core/time.hpp"

namespace sitstretch::control {

// The parts of a status a follower shows, with times cut to the minute: the sitting minute, and
// the next prompt, a pause's end and a held prompt as clock minutes (which do not tick while the
// time passes). Seconds never make a line due; a change of state or of a shown minute does. What
// the daemon knows of its adapters (idle source, notification server, busy sources) is not
// state a bar shows, and changes without an event of the model: it rides along in the JSON of
// the next line but never makes one.
struct FollowView {
  bool sitting = false;
  long long sitting_minutes = 0;  // whole minutes of the bout, 0 when not sitting
  bool absent = false;
  bool pending = false;
  core::EpisodeState episode = core::EpisodeState::none;
  int attempt = 0;
  int snoozes_left = 0;
  std::optional<long long> next_prompt_minute;  // UTC epoch minute of the next prompt
  bool paused = false;
  std::optional<long long> paused_until_minute;
  bool quiet = false;
  core::BusyReasons busy;
  std::optional<long long> held_until_minute;
  std::optional<long long> user_busy_until_minute;
  long long interval_s = 0;
  std::string config_error;

  bool operator==(const FollowView&) const = default;
};

FollowView follow_view(const DaemonStatus& status);

// Whether a follower that was last sent `sent` needs a line for `now`.
bool line_due(const DaemonStatus& sent, const DaemonStatus& now);

// When the shown sitting minute next changes (on the status's clock), or nothing while no bout
// runs: the only change that comes from time passing alone. Every other change comes with an
// event the daemon handles anyway (a presence signal, a command, the model's own deadline).
std::optional<core::Ms> next_minute_change(const DaemonStatus& status);

}  // namespace sitstretch::control
