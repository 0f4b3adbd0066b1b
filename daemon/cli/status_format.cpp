#include "cli/status_format.hpp"

#include <algorithm>

#include "core/duration_text.hpp"

namespace sitstretch::cli {
namespace {

using nlohmann::json;

// Whole minutes: a bar's line stands for a minute, so seconds would be stale at once.
std::string whole_minutes(std::int64_t seconds) {
  if (seconds < 60) return "0 min";
  return core::describe_duration(std::chrono::minutes(seconds / 60));
}

std::string episode_part(const json& s) {
  const std::string episode = json_text(s, "episode");
  if (episode == "awaiting" || episode == "ignored") {
    return "A prompt is waiting for an answer (" +
           std::to_string(json_int(s, "snoozes_left").value_or(0)) + " snoozes left)";
  }
  if (episode == "snoozed") return "Snoozed";
  return "";
}

// "Busy (dnd user; user until 15:30): holding the prompt, it comes anyway at 16:05"
std::string busy_part(const json& s) {
  std::string reasons = json_text(s, "busy");
  if (reasons.empty()) return "";
  std::replace(reasons.begin(), reasons.end(), ',', ' ');
  std::string part = "Busy (" + reasons;
  if (auto until = json_text(s, "busy_user_until"); !until.empty()) {
    part += "; user until " + clock_time(until);
  }
  part += ")";
  if (auto held = json_text(s, "held_until"); !held.empty()) {
    part += ": holding the prompt, it comes anyway at " + clock_time(held);
  }
  return part;
}

}  // namespace

std::string json_text(const json& reply, const char* key) {
  const auto it = reply.find(key);
  return it != reply.end() && it->is_string() ? it->get<std::string>() : "";
}

std::optional<std::int64_t> json_int(const json& reply, const char* key) {
  const auto it = reply.find(key);
  if (it == reply.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<std::int64_t>();
}

bool json_flag(const json& reply, const char* key) {
  const auto it = reply.find(key);
  return it != reply.end() && it->is_boolean() && it->get<bool>();
}

std::string clock_time(const std::string& iso) {
  return iso.size() >= 16 ? iso.substr(11, 5) : iso;
}

std::vector<std::string> status_parts(const json& s) {
  std::vector<std::string> parts;
  if (json_flag(s, "sitting")) {
    parts.push_back("Sitting for " + whole_minutes(json_int(s, "sitting_s").value_or(0)));
  } else {
    parts.push_back("Away");
  }
  if (auto at = json_text(s, "next_prompt_at"); !at.empty()) {
    parts.push_back("Next stretch at " + clock_time(at));
  }
  if (auto episode = episode_part(s); !episode.empty()) parts.push_back(episode);
  if (json_flag(s, "paused")) {
    const std::string until = json_text(s, "paused_until");
    parts.push_back(until.empty() ? "Paused" : "Paused until " + clock_time(until));
  }
  if (json_flag(s, "quiet")) parts.push_back("Quiet hours");
  if (auto busy = busy_part(s); !busy.empty()) parts.push_back(busy);
  if (auto error = json_text(s, "config_error"); !error.empty()) {
    parts.push_back("Configuration not applied: " + error);
  }
  return parts;
}

std::string status_line(const json& s) {
  std::string line;
  for (const std::string& part : status_parts(s)) line += (line.empty() ? "" : "; ") + part;
  return line;
}

std::string bar_class(const json& s) {
  if (json_flag(s, "pending")) return "prompt";
  if (json_flag(s, "paused")) return "paused";
  if (!json_text(s, "busy").empty()) return "busy";
  if (json_flag(s, "quiet")) return "quiet";
  return json_flag(s, "sitting") ? "sitting" : "away";
}

int sitting_percentage(const json& s) {
  const std::int64_t interval = json_int(s, "interval_s").value_or(0);
  if (!json_flag(s, "sitting") || interval <= 0) return 0;
  const std::int64_t minutes = json_int(s, "sitting_s").value_or(0) / 60;
  // Whole minutes, like the text: the share moves with the line, not between lines.
  return static_cast<int>(std::clamp<std::int64_t>(minutes * 60 * 100 / interval, 0, 100));
}

std::string waybar_line(const json& s) {
  std::string tooltip;
  for (const std::string& part : status_parts(s)) tooltip += (tooltip.empty() ? "" : "\n") + part;
  const bool sitting = json_flag(s, "sitting");
  json bar{
      {"text", sitting ? whole_minutes(json_int(s, "sitting_s").value_or(0)) : "away"},
      {"tooltip", tooltip},
      {"class", bar_class(s)},
      {"percentage", sitting_percentage(s)},
  };
  return bar.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace sitstretch::cli
