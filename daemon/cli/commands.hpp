#pragma once

#include <string>
#include <vector>

#include "config/environment.hpp"

namespace sitstretch::cli {

// Exit codes of `sitstretch`, documented in its man page.
inline constexpr int kOk = 0;
inline constexpr int kFailed = 1;    // the daemon is not running or refused the command
inline constexpr int kBadInput = 2;  // bad arguments, a bad trace or configuration file

using Args = std::vector<std::string>;

// Each command gets the words after its name and returns the exit code.
int replay_command(const Args& args, const config::Environment& env);
int config_command(const Args& args, const config::Environment& env);
int status_command(const Args& args);
int log_command(const Args& args);
int stretch_command(const Args& args, const config::Environment& env);
// whatif FILE [--days N] [--json]
int whatif_command(const Args& args, const config::Environment& env);
// doctor [--json]: each outside part, what was found and what to do; kFailed when prompts
// cannot work (no notification server, a bad configuration file, a bad log).
int doctor_command(const Args& args, const config::Environment& env);
// done, snooze, skip, dismiss, pause [DURATION], resume, reload, stretch, side SIDE,
// busy [DURATION], free
int control_command(const std::string& command, const Args& args);

// Prints "sitstretch: <message>" to stderr and returns code.
int fail(int code, const std::string& message);

}  // namespace sitstretch::cli
