#include "tray/tray_look.hpp"

#include <algorithm>
#include <cmath>

namespace sitstretch::tray {

namespace {

const char* icon_for(TrayState state) {
  switch (state) {
    case TrayState::sitting:
      return "sitstretch-sitting";
    case TrayState::due_soon:
      return "sitstretch-due";
    case TrayState::prompt_pending:
      return "sitstretch-pending";
    case TrayState::paused:
      return "sitstretch-paused";
    case TrayState::held:
      return "sitstretch-held";
  }
  return "sitstretch-sitting";
}

// The ring's colour follows the state icon's colour.
std::uint32_t rgb_for(TrayState state) {
  switch (state) {
    case TrayState::sitting:
      return 0x2e86c1;
    case TrayState::due_soon:
      return 0xe67e22;
    case TrayState::prompt_pending:
      return 0xc0392b;
    case TrayState::paused:
      return 0x7f8c8d;
    case TrayState::held:
      return 0x8e44ad;
  }
  return 0x2e86c1;
}

// A prompt held while busy: why, and when it comes anyway (rule 9).
std::string held_text(const TrayView& v, bool short_form) {
  const std::string why = v.busy.any() ? busy_words(v.busy) : "busy";
  if (short_form) return "holding the prompt: " + why + ", until " + v.held_until + " at most";
  return "Holding the prompt: " + why + ". It comes at " + v.held_until + " anyway.";
}

// The second line of the tooltip; the status line of the menu uses its short form.
std::string next_text(const TrayView& v, bool short_form) {
  if (v.state == TrayState::prompt_pending)
    return short_form ? "stretch now" : "Stretch now: a prompt is waiting";
  if (v.paused) {
    const std::string until = v.paused_until.empty() ? "" : " until " + v.paused_until;
    return (short_form ? "paused" : "Paused") + until;
  }
  if (v.state == TrayState::held) return held_text(v, short_form);
  // Busy with no prompt due yet: the next one will wait, so say why now.
  const std::string busy = v.busy.any() ? "; held while busy: " + busy_words(v.busy) : "";
  if (v.next_prompt_in) {
    const std::string in = minutes_text(*v.next_prompt_in, true);
    return (short_form ? "next in " : "Next stretch in ") + in + busy;
  }
  return busy.empty() ? "" : (short_form ? "busy: " : "Busy: ") + busy_words(v.busy);
}

std::vector<MenuEntry> menu_of(const TrayView& v, const std::string& status_line) {
  const std::string snooze = v.snooze_label.empty() ? "Snooze" : v.snooze_label;
  return {
      {1, false, status_line, false, std::nullopt},
      {2, true, "", true, std::nullopt},
      {3, false, "Stretch now", true, TrayAction::stretch_now},
      {4, false, snooze, v.can_snooze, TrayAction::snooze},
      {5, true, "", true, std::nullopt},
      {6, false, "Pause for 30 minutes", true, TrayAction::pause_30m},
      {7, false, "Pause for 1 hour", true, TrayAction::pause_1h},
      {8, false, "Pause until tomorrow", true, TrayAction::pause_until_tomorrow},
      {9, false, "Resume", v.paused, TrayAction::resume},
      {10, true, "", true, std::nullopt},
      {11, false, "Today's stats", true, TrayAction::todays_stats},
      {12, false, "Edit settings", true, TrayAction::edit_settings},
      {13, true, "", true, std::nullopt},
      {14, false, "Quit", true, TrayAction::quit},
  };
}

}  // namespace

std::string busy_words(core::BusyReasons reasons) {
  std::vector<std::string_view> words;
  for (core::BusyReason r : core::kBusyReasons) {
    if (reasons.has(r)) words.push_back(busy_words(r));
  }
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
    out += words[i];
  }
  return out;
}

std::string_view busy_words(core::BusyReason reason) {
  switch (reason) {
    case core::BusyReason::dnd:
      return "do not disturb";
    case core::BusyReason::fullscreen:
      return "a fullscreen window";
    case core::BusyReason::camera:
      return "the camera is in use";
    case core::BusyReason::user:
      return "you said busy";
  }
  return "busy";
}

std::string minutes_text(core::Ms d, bool round_up) {
  const auto ms = std::max<long long>(0, d.count());
  const long long minutes = round_up ? (ms + 59'999) / 60'000 : ms / 60'000;
  if (minutes < 60) return std::to_string(minutes) + " min";
  const std::string hours = std::to_string(minutes / 60) + " h";
  return minutes % 60 == 0 ? hours : hours + " " + std::to_string(minutes % 60) + " min";
}

TrayLook look_of(const TrayView& v) {
  TrayLook look;
  look.icon_name = icon_for(v.state);
  // Paused stays Active on purpose: Passive hides the item on GNOME's AppIndicator extension,
  // and the menu's Resume must stay reachable.
  look.status = v.state == TrayState::prompt_pending ? "NeedsAttention" : "Active";
  look.tooltip_title = v.away ? "Away" : "Sitting " + minutes_text(v.sitting);
  look.tooltip_text = next_text(v, false);
  look.label =
      v.away ? "" : std::to_string(std::max<long long>(0, v.sitting.count()) / 60'000) + "m";
  const double progress = std::clamp(std::isfinite(v.progress) ? v.progress : 0.0, 0.0, 1.0);
  look.ring_step = static_cast<int>(std::floor(progress * kRingSteps + 1e-9));
  look.ring_rgb = rgb_for(v.state);
  const std::string next = next_text(v, true);
  look.menu = menu_of(v, next.empty() ? look.tooltip_title : look.tooltip_title + " · " + next);
  return look;
}

}  // namespace sitstretch::tray
