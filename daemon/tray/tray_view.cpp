#include "tray/tray_view.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace sitstretch::tray {
namespace {

std::tm local_tm(core::Ms utc) {
  const std::time_t t = static_cast<std::time_t>(utc.count() / 1000);
  std::tm tm{};
  localtime_r(&t, &tm);
  return tm;
}

std::string clock_text(const std::tm& tm) {
  char hhmm[8];
  std::snprintf(hhmm, sizeof hhmm, "%02d:%02d", tm.tm_hour, tm.tm_min);
  return hhmm;
}

// "14:30" for an end later today, "tomorrow" for one on another day.
std::string end_text(core::Ms end_utc, core::Ms now_utc) {
  const std::tm end = local_tm(end_utc);
  const std::tm today = local_tm(now_utc);
  if (end.tm_yday != today.tm_yday || end.tm_year != today.tm_year) return "tomorrow";
  return clock_text(end);
}

TrayState state_of(const core::Snapshot& s, core::Ms now, bool paused) {
  if (s.prompt_pending) return TrayState::prompt_pending;
  if (paused) return TrayState::paused;
  if (s.held_until) return TrayState::held;
  if (s.next_prompt && *s.next_prompt - now <= kDueSoon) return TrayState::due_soon;
  return TrayState::sitting;
}

}  // namespace

TrayView view_of(const core::Snapshot& s, core::Ms now, core::Ms utc_minus_boot, core::Ms interval,
                 std::string snooze_label) {
  TrayView v;
  v.paused = s.paused || s.quiet;
  v.state = state_of(s, now, v.paused);
  v.away = !s.sitting || s.absent;
  v.sitting = s.sitting_for;
  if (s.next_prompt) v.next_prompt_in = std::max(core::Ms{}, *s.next_prompt - now);
  if (s.paused_until)
    v.paused_until = end_text(*s.paused_until + utc_minus_boot, now + utc_minus_boot);
  const double ratio = interval.count() > 0 ? static_cast<double>(s.sitting_for.count()) /
                                                  static_cast<double>(interval.count())
                                            : 1.0;
  v.progress = std::clamp(ratio, 0.0, 1.0);
  v.can_snooze = s.prompt_pending && s.snoozes_left > 0;
  v.busy = s.busy;
  if (s.held_until) v.held_until = clock_text(local_tm(*s.held_until + utc_minus_boot));
  v.snooze_label = std::move(snooze_label);
  return v;
}

}  // namespace sitstretch::tray
