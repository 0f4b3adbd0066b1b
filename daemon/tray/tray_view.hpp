#pragma once

// What the tray shows and what it can ask for: plain values, and the one function that derives
// the view from the model's snapshot. The tray adapter only displays a TrayView.

#include <optional>
#include <string>

#include "core/sitting_model.hpp"
#include "core/time.hpp"

namespace sitstretch::tray {

// A menu entry the user chose. The daemon runs each as the same control::Command as the CLI
// command of the same name (stretch_now = `stretch`, pause_30m = `pause 30m`, ...).
enum class TrayAction {
  stretch_now,
  snooze,
  pause_30m,
  pause_1h,
  pause_until_tomorrow,
  resume,
  todays_stats,
  edit_settings,
  quit,
};

// Which state icon is shown. prompt_pending wins over paused, paused over held, held over
// due_soon. held: a prompt fell due while busy and waits for busy to end (rule 9).
enum class TrayState { sitting, due_soon, prompt_pending, paused, held };

// Everything the item shows, computed by view_of() from the model's snapshot.
struct TrayView {
  TrayState state = TrayState::sitting;
  bool away = true;                        // no bout running: the tooltip says "Away"
  core::Ms sitting{};                      // continuous sitting time so far
  std::optional<core::Ms> next_prompt_in;  // until the next prompt, if one is scheduled
  std::string paused_until;                // "14:30", "tomorrow", or "" for an open-ended pause
  double progress = 0;                     // sitting / interval, clamped to 0..1
  bool can_snooze = false;                 // a prompt is pending and snoozes remain
  std::string snooze_label;                // "Snooze 10 min"
  bool paused = false;
  core::BusyReasons busy;  // the busy reasons holding prompts now
  std::string held_until;  // "14:30": when a prompt held while busy comes anyway; "" if none is
  bool operator==(const TrayView&) const = default;
};

// A prompt this close is "due soon" in the tray.
inline constexpr core::Ms kDueSoon = std::chrono::minutes(5);

// What the tray shows for the model's snapshot taken at `now` (the model's clock). The end of a
// timed pause is shown in local time of the process time zone: "14:30" when it ends today,
// "tomorrow" otherwise; the instant a held prompt comes anyway always as "14:30" (at most
// busy.max_defer, 8 h, away); utc_minus_boot turns a model instant into UTC epoch milliseconds.
// interval is prompt.interval (the ring is full at it); snooze_label names the Snooze entry.
TrayView view_of(const core::Snapshot& s, core::Ms now, core::Ms utc_minus_boot, core::Ms interval,
                 std::string snooze_label);

}  // namespace sitstretch::tray
