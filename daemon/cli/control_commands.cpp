// The commands that talk to the running daemon over its control socket.
#include <cstdio>

#include "cli/ask_daemon.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "control/command_text.hpp"
#include "control/protocol.hpp"
#include "core/duration_text.hpp"

namespace sitstretch::cli {
namespace {

using nlohmann::json;

std::string text(const json& reply, const char* key) {
  const auto it = reply.find(key);
  return it != reply.end() && it->is_string() ? it->get<std::string>() : "";
}

std::optional<std::int64_t> number(const json& reply, const char* key) {
  const auto it = reply.find(key);
  if (it == reply.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<std::int64_t>();
}

bool flag(const json& reply, const char* key) {
  const auto it = reply.find(key);
  return it != reply.end() && it->is_boolean() && it->get<bool>();
}

std::string minutes(std::int64_t seconds) {
  return core::describe_duration(std::chrono::seconds(seconds));
}

// "2026-11-25T14:48:00+01:00" → "14:48"
std::string clock_time(const std::string& iso) {
  return iso.size() >= 16 ? iso.substr(11, 5) : iso;
}

// "Busy (user, until 15:30); a held prompt comes anyway at 16:05"
void print_busy(const json& s) {
  std::string reasons = text(s, "busy");
  if (reasons.empty()) return;
  for (char& c : reasons) {
    if (c == ',') c = ' ';
  }
  std::printf("Busy (%s", reasons.c_str());
  if (auto until = text(s, "busy_user_until"); !until.empty()) {
    std::printf("; user until %s", clock_time(until).c_str());
  }
  std::printf(")");
  if (auto held = text(s, "held_until"); !held.empty()) {
    std::printf(": holding the prompt, it comes anyway at %s", clock_time(held).c_str());
  }
  std::printf("\n");
}

void print_status(const json& s) {
  if (flag(s, "sitting")) {
    std::printf("Sitting for %s", minutes(number(s, "sitting_s").value_or(0)).c_str());
    if (auto next = number(s, "next_prompt_s")) {
      std::printf("; next stretch in %s (at %s)", minutes(*next).c_str(),
                  clock_time(text(s, "next_prompt_at")).c_str());
    }
    std::printf("\n");
  } else {
    std::printf("Not sitting (away)\n");
  }
  const std::string episode = text(s, "episode");
  if (episode == "awaiting" || episode == "ignored") {
    std::printf("A prompt is waiting for an answer (%lld snoozes left)\n",
                static_cast<long long>(number(s, "snoozes_left").value_or(0)));
  } else if (episode == "snoozed") {
    std::printf("Snoozed\n");
  }
  if (flag(s, "paused")) {
    const std::string until = text(s, "paused_until");
    std::printf("Paused%s\n", until.empty() ? "" : (" until " + clock_time(until)).c_str());
  }
  if (flag(s, "quiet")) std::printf("Quiet hours\n");
  print_busy(s);
  std::printf("Idle source: %s; lock and suspend: %s; notifications: %s\n",
              text(s, "idle_source").c_str(), text(s, "lock_source").c_str(),
              flag(s, "notifications") ? "yes" : "no server");
  if (auto sources = text(s, "busy_sources"); !sources.empty() && sources != "none") {
    std::printf("Busy sources: %s\n", sources.c_str());
  }
  if (auto error = text(s, "config_error"); !error.empty()) {
    std::printf("Configuration not applied: %s\n", error.c_str());
  }
}

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

int status_command(const Args& args) {
  static constexpr Option kOptions[] = {{"json"}};
  auto parsed = parse_options(args, kOptions, "usage: sitstretch status [--json]");
  if (auto* error = std::get_if<std::string>(&parsed)) return fail(kBadInput, *error);
  const ParsedArgs& given = std::get<ParsedArgs>(parsed);
  if (!given.operands.empty()) return fail(kBadInput, "usage: sitstretch status [--json]");
  const Answer answer = ask_daemon(control::format_request({"status", {}}));
  if (!answer.ok) return fail(kFailed, answer.error);
  if (!given.options.empty()) {
    std::printf("%s\n", answer.line.c_str());
  } else {
    print_status(answer.reply);
  }
  return kOk;
}

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
