#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tray/status_item.hpp"
#include "tray_host.hpp"

namespace sitstretch::test {

// A StatusItem that records the actions, activations and log lines it reports.
struct RecordingTray {
  std::vector<tray::TrayAction> actions;
  int activations = 0;
  std::vector<std::string> logs;
  tray::StatusItem item{[this](tray::TrayAction a) { actions.push_back(a); },
                        [this] { ++activations; }, "/usr/share/sitstretch/icons",
                        [this](std::string_view line) { logs.emplace_back(line); }};
};

inline constexpr const char* kItemInterface = "org.kde.StatusNotifierItem";
inline constexpr const char* kMenuInterface = "com.canonical.dbusmenu";

}  // namespace sitstretch::test
