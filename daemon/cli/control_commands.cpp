// The commands that talk to the running daemon over its control socket.
#include <cstdio>

#include "cli/ask_daemon.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "control/command_text.hpp"
#include "control/protocol.hpp"

namespace sitstretch::cli {
namespace {

const char* confirmation(const std::string& command) {
  if (command == "done" || command == "stretch") return "Stretch recorded.";
  if (command == "snooze") return "Snoozed.";
  if (command == "skip") return "Skipped.";
  if (command == "pause") return "Paused.";
  if (command == "resume") return "Resumed.";
  if (command == "reload") return "Configuration reloaded.";
  if (command == "busy") return "Busy: prompts are held.";
  if (command == "free") return "Free: held prompts come now.";
  return "Done.";
}

}  // namespace

int control_command(const std::string& command, const Args& args) {
  // No options; the operands (a duration, a side) are the protocol's to check.
  auto parsed = parse_options(args, {}, "see sitstretch --help");
  if (auto* error = std::get_if<std::string>(&parsed)) return fail(kBadInput, *error);
  const control::Request request{command, std::get<ParsedArgs>(parsed).operands};
  const std::string line = control::format_request(request);
  // Bad input (a duration like "soon") is refused here, before any daemon is asked.
  auto shaped = control::parse_command(line);
  if (auto* error = std::get_if<std::string>(&shaped)) return fail(kBadInput, *error);
  const Answer answer = ask_daemon(line);
  if (!answer.ok) return fail(kFailed, answer.error);
  std::printf("%s\n", confirmation(command));
  return kOk;
}

}  // namespace sitstretch::cli
