// The commands that talk to the running daemon over its control socket.
#include <cstdio>

#include "cli/commands.hpp"
#include "control/control_client.hpp"
#include "control/flat_json.hpp"
#include "control/protocol.hpp"
#include "control/runtime_dir.hpp"
#include "core/duration_text.hpp"

namespace sitstretch::cli {
namespace {

constexpr auto kTimeout = std::chrono::seconds(5);

// Sends one request; returns the parsed reply, or prints why there is none.
std::optional<control::FlatJson> ask(const control::Request& request, std::string* raw = nullptr) {
  const auto socket = control::control_socket_path(control::runtime_dir().path);
  auto reply = control::send_request(socket, control::format_request(request), kTimeout);
  if (auto* error = std::get_if<control::SendError>(&reply)) {
    fail(kFailed, error->message);
    return std::nullopt;
  }
  const std::string& line = std::get<std::string>(reply);
  auto json = control::parse_flat_json(line);
  if (!json) {
    fail(kFailed, "sitstretchd sent a reply that is not JSON: " + line);
    return std::nullopt;
  }
  if (raw) *raw = line;
  return json;
}

std::string text(const control::FlatJson& json, const char* key) {
  auto it = json.find(key);
  if (it == json.end()) return "";
  if (auto* s = std::get_if<std::string>(&it->second)) return *s;
  return "";
}

std::optional<std::int64_t> number(const control::FlatJson& json, const char* key) {
  auto it = json.find(key);
  if (it == json.end()) return std::nullopt;
  if (auto* n = std::get_if<std::int64_t>(&it->second)) return *n;
  return std::nullopt;
}

bool flag(const control::FlatJson& json, const char* key) {
  auto it = json.find(key);
  return it != json.end() && std::holds_alternative<bool>(it->second) && std::get<bool>(it->second);
}

std::string minutes(std::int64_t seconds) {
  return core::describe_duration(std::chrono::seconds(seconds));
}

// "2026-11-25T14:48:00+01:00" → "14:48"
std::string clock_time(const std::string& iso) {
  return iso.size() >= 16 ? iso.substr(11, 5) : iso;
}

void print_status(const control::FlatJson& s) {
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
  std::printf("Idle source: %s; lock and suspend: %s; notifications: %s\n",
              text(s, "idle_source").c_str(), text(s, "lock_source").c_str(),
              flag(s, "notifications") ? "yes" : "no server");
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
  return "Done.";
}

}  // namespace

int status_command(const Args& args) {
  const bool json = args.size() == 1 && args[0] == "--json";
  if (!args.empty() && !json) return fail(kBadInput, "usage: sitstretch status [--json]");
  std::string raw;
  auto reply = ask({"status", {}}, &raw);
  if (!reply) return kFailed;
  if (!flag(*reply, "ok")) return fail(kFailed, text(*reply, "error"));
  if (json) {
    std::printf("%s\n", raw.c_str());
  } else {
    print_status(*reply);
  }
  return kOk;
}

int control_command(const std::string& command, const Args& args) {
  const control::Request request{command, args};
  auto shaped = control::parse_request(control::format_request(request));
  if (auto* error = std::get_if<std::string>(&shaped)) return fail(kBadInput, *error);
  auto reply = ask(request);
  if (!reply) return kFailed;
  if (!flag(*reply, "ok")) return fail(kFailed, text(*reply, "error"));
  std::printf("%s\n", confirmation(command));
  return kOk;
}

}  // namespace sitstretch::cli
