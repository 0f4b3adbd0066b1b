// `sitstretch status`: the daemon's state once, or (--follow) a line now and another at each
// change the daemon pushes, as text, the status JSON, or waybar's JSON.
#include <algorithm>
#include <cstdio>

#include "cli/ask_daemon.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/status_format.hpp"
#include "control/control_client.hpp"
#include "control/protocol.hpp"
#include "control/runtime_dir.hpp"
#include "core/duration_text.hpp"

namespace sitstretch::cli {
namespace {

using nlohmann::json;

constexpr const char* kUsage =
    "usage: sitstretch status [--follow] [--json | --format text|json|waybar]";

enum class Format { text, json, waybar };

void print_status(const json& s) {
  if (json_flag(s, "sitting")) {
    const auto sitting = std::chrono::seconds(json_int(s, "sitting_s").value_or(0));
    std::printf("Sitting for %s", core::describe_duration(sitting).c_str());
    if (auto next = json_int(s, "next_prompt_s")) {
      std::printf("; next stretch in %s (at %s)",
                  core::describe_duration(std::chrono::seconds(*next)).c_str(),
                  clock_time(json_text(s, "next_prompt_at")).c_str());
    }
    std::printf("\n");
  } else {
    std::printf("Not sitting (away)\n");
  }
  // The other parts read as in a status bar's tooltip, one a line.
  const std::vector<std::string> parts = status_parts(s);
  for (std::size_t i = 1; i < parts.size(); ++i) {
    if (parts[i].starts_with("Next stretch at") || parts[i].starts_with("Configuration")) continue;
    std::printf("%s\n", parts[i].c_str());
  }
  std::printf("Idle source: %s; lock and suspend: %s; notifications: %s\n",
              json_text(s, "idle_source").c_str(), json_text(s, "lock_source").c_str(),
              json_flag(s, "notifications") ? "yes" : "no server");
  if (auto sources = json_text(s, "busy_sources"); !sources.empty() && sources != "none") {
    std::printf("Busy sources: %s\n", sources.c_str());
  }
  if (auto error = json_text(s, "config_error"); !error.empty()) {
    std::printf("Configuration not applied: %s\n", error.c_str());
  }
}

// The line --follow prints for one status; text is the one-line form.
std::string follow_line(const json& reply, const std::string& raw, Format format) {
  switch (format) {
    case Format::json:
      return raw;
    case Format::waybar:
      return waybar_line(reply);
    case Format::text:
      break;
  }
  return status_line(reply);
}

// Runs until the daemon goes away (exit 1, one line on stderr) or refuses to be followed.
int follow_status(Format format) {
  const auto socket = control::control_socket_path(control::runtime_dir().path);
  std::string refused;
  const control::SendError end =
      control::follow(socket, std::chrono::seconds(5), [&](const std::string& line) {
        const json reply = json::parse(line, nullptr, /*allow_exceptions=*/false);
        if (!reply.is_object() || !json_flag(reply, "ok")) {
          refused = reply.is_object() ? json_text(reply, "error") : "a reply that is not JSON";
          return false;
        }
        std::printf("%s\n", follow_line(reply, line, format).c_str());
        // A bar reads a pipe: each line must leave now, not when a buffer fills.
        return std::fflush(stdout) == 0;
      });
  if (!refused.empty()) return fail(kFailed, refused);
  return fail(kFailed, end.message.empty() ? "cannot write the status" : end.message);
}

std::optional<Format> format_of(const ParsedArgs& given) {
  Format format = Format::text;
  for (const auto& option : given.options) {
    if (option.name == std::string("json")) format = Format::json;
    if (option.name != std::string("format")) continue;
    if (option.value == "text") {
      format = Format::text;
    } else if (option.value == "json") {
      format = Format::json;
    } else if (option.value == "waybar") {
      format = Format::waybar;
    } else {
      return std::nullopt;
    }
  }
  return format;
}

}  // namespace

int status_command(const Args& args) {
  static constexpr Option kOptions[] = {{"json"}, {"follow", false, 'f'}, {"format", true}};
  auto parsed = parse_options(args, kOptions, kUsage);
  if (auto* error = std::get_if<std::string>(&parsed)) return fail(kBadInput, *error);
  const ParsedArgs& given = std::get<ParsedArgs>(parsed);
  if (!given.operands.empty()) return fail(kBadInput, kUsage);
  const std::optional<Format> format = format_of(given);
  if (!format)
    return fail(kBadInput, std::string("--format takes text, json or waybar; ") + kUsage);
  const bool following = std::any_of(given.options.begin(), given.options.end(),
                                     [](const auto& o) { return o.name == std::string("follow"); });
  if (following) return follow_status(*format);

  const Answer answer = ask_daemon(control::format_request({"status", {}}));
  if (!answer.ok) return fail(kFailed, answer.error);
  if (*format == Format::text) {
    print_status(answer.reply);
  } else {
    std::printf("%s\n", follow_line(answer.reply, answer.line, *format).c_str());
  }
  return kOk;
}

}  // namespace sitstretch::cli
