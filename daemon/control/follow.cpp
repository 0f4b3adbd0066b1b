#include "control/follow.hpp"

namespace sitstretch::control {
namespace {

constexpr core::Ms kMinute = std::chrono::minutes(1);

// A model instant as a UTC epoch minute: a clock time on a status bar, not a count-down.
std::optional<long long> utc_minute(std::optional<core::Ms> at, const DaemonStatus& status) {
  if (!at) return std::nullopt;
  const core::Ms utc = *at + status.utc_minus_boot;
  return std::chrono::floor<std::chrono::minutes>(utc).count();
}

}  // namespace

FollowView follow_view(const DaemonStatus& status) {
  const core::Snapshot& s = status.snapshot;
  FollowView v;
  v.sitting = s.sitting;
  v.sitting_minutes = s.sitting ? s.sitting_for / kMinute : 0;
  v.absent = s.absent;
  v.pending = s.prompt_pending;
  v.episode = s.episode;
  v.attempt = s.attempt;
  v.snoozes_left = s.snoozes_left;
  v.next_prompt_minute = utc_minute(s.next_prompt, status);
  v.paused = s.paused;
  v.paused_until_minute = utc_minute(s.paused_until, status);
  v.quiet = s.quiet;
  v.busy = s.busy;
  v.held_until_minute = utc_minute(s.held_until, status);
  v.user_busy_until_minute = utc_minute(status.user_busy_until, status);
  v.interval_s = std::chrono::duration_cast<std::chrono::seconds>(status.interval).count();
  v.config_error = status.config_error;
  return v;
}

bool line_due(const DaemonStatus& sent, const DaemonStatus& now) {
  return follow_view(sent) != follow_view(now);
}

std::optional<core::Ms> next_minute_change(const DaemonStatus& status) {
  const core::Snapshot& s = status.snapshot;
  if (!s.sitting) return std::nullopt;
  const core::Ms into_minute = s.sitting_for % kMinute;
  return status.now + (kMinute - into_minute);
}

}  // namespace sitstretch::control
