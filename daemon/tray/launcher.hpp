#pragma once

// Starting desktop programs from the tray's menu ("Today's stats", "Edit settings"): the one
// place that spawns processes.

#include <filesystem>
#include <string>
#include <vector>

namespace sitstretch::tray {

// Starts argv[0] (searched in PATH unless it holds a '/') with the rest of argv as arguments,
// without waiting for it; GLib reaps the child (double fork), so no SIGCHLD handling is needed.
// With discard_output the child's standard output goes to /dev/null. Returns "" or a one-line
// reason ("cannot start PROGRAM: ..."). Runs on the loop thread; never throws.
std::string launch(const std::vector<std::string>& argv, bool discard_output = false);

// `name` installed beside the program `self`, or in the build tree's cli folder next to self's
// folder (build/daemon/app/sitstretchd → build/daemon/cli/sitstretch); else `name` itself, for a
// PATH search.
std::string program_beside(const std::filesystem::path& self, const std::string& name);

// The running executable (/proc/self/exe); empty if it cannot be read.
std::filesystem::path running_program();

// "Today's stats": the HTML report of the last seven days, opened in the browser, by the
// `sitstretch` found beside `self`.
std::vector<std::string> report_command(const std::filesystem::path& self);

}  // namespace sitstretch::tray
