#pragma once

// What the tray shows and what it can ask for: plain values shared by the daemon (which computes
// a TrayView from core::Snapshot) and the tray adapter (which only displays it).

#include <optional>
#include <string>

#include "core/time.hpp"

namespace sitstretch::tray {

// A menu entry the user chose. The daemon runs each through the same code path as the CLI
// command of the same name (stretch_now = `done`, pause_30m = `pause 30m`, ...).
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

// Which state icon is shown. prompt_pending wins over paused, paused over due_soon.
enum class TrayState { sitting, due_soon, prompt_pending, paused };

// Everything the item shows, computed by the daemon from the model's snapshot.
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
  bool operator==(const TrayView&) const = default;
};

}  // namespace sitstretch::tray
