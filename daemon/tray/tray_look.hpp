#pragma once

// TrayLook: the texts, icon and menu of the tray for one TrayView. Pure (no D-Bus), so the
// StatusItem can compare two looks and signal only what changed, and tests can read the texts.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tray/tray_view.hpp"

namespace sitstretch::tray {

// The progress ring is drawn in this many steps, so the pixmap changes at most 12 times an
// interval (every 3m45s at the default 45 min) rather than with every update.
inline constexpr int kRingSteps = 12;

// One entry of the dbusmenu. id 0 is the root; separators have no label and no action.
struct MenuEntry {
  int id = 0;
  bool separator = false;
  std::string label;
  bool enabled = true;
  std::optional<TrayAction> action;
  bool operator==(const MenuEntry&) const = default;
};

struct TrayLook {
  std::string icon_name;      // a hicolor status icon installed with the project
  std::string status;         // SNI Status: Active or NeedsAttention
  std::string tooltip_title;  // "Sitting 32 min" or "Away"
  std::string tooltip_text;   // "Next stretch in 13 min", "Paused until 14:30", ...
  std::string label;          // XAyatanaLabel: "32m", or "" while away
  int ring_step = 0;          // 0..kRingSteps: filled twelfths of the ring
  std::uint32_t ring_rgb = 0;
  std::vector<MenuEntry> menu;  // in menu order, root excluded
  bool operator==(const TrayLook&) const = default;
};

TrayLook look_of(const TrayView& view);

// Why prompts are held, in words: "do not disturb", "a fullscreen window", "the camera is in
// use", "you said busy"; several joined: "do not disturb and a fullscreen window".
std::string_view busy_words(core::BusyReason reason);
std::string busy_words(core::BusyReasons reasons);

// "32 min", "1 h", "1 h 5 min": whole minutes, rounded down (round_up for countdowns).
std::string minutes_text(core::Ms d, bool round_up = false);

}  // namespace sitstretch::tray
