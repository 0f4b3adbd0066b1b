#pragma once

// The tray's "Edit settings": open the user's configuration file in the desktop's editor.

#include <filesystem>
#include <string>
#include <string_view>

namespace sitstretch::tray {

// Creates `file` (and its directories) with `defaults` when it does not exist, then starts
// `opener file` (default xdg-open, searched in PATH) without waiting for it; the child is reaped
// by GLib (double fork), so no SIGCHLD handling is needed. Returns "" or a one-line reason.
// Runs on the loop thread; never throws.
std::string open_settings(const std::filesystem::path& file, std::string_view defaults,
                          const std::string& opener = "xdg-open");

}  // namespace sitstretch::tray
