#pragma once

// The status reply (the daemon's JSON, SPEC §6) as people and status bars read it: the fields
// read leniently, and the one-line forms of `sitstretch status --follow`. Pure.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace sitstretch::cli {

// A field of the reply: "" / nothing / false when it is missing or of another type.
std::string json_text(const nlohmann::json& reply, const char* key);
std::optional<std::int64_t> json_int(const nlohmann::json& reply, const char* key);
bool json_flag(const nlohmann::json& reply, const char* key);
// "2026-11-25T14:48:00+01:00" → "14:48"
std::string clock_time(const std::string& iso);

// What a status bar shows, each a short sentence: "Sitting for 25 min", "Next stretch at 14:48",
// "A prompt is waiting for an answer (2 snoozes left)", "Paused until 15:00", "Quiet hours", "Busy
// (camera)". Times are whole minutes and clock times, so they stay right between the daemon's
// lines.
std::vector<std::string> status_parts(const nlohmann::json& reply);

// One line for a terminal or i3blocks: the parts joined by "; ".
std::string status_line(const nlohmann::json& reply);

// The state a bar styles by, most pressing first: "prompt" (a prompt awaits an answer),
// "paused", "busy" (prompts held), "quiet", "sitting", "away".
std::string bar_class(const nlohmann::json& reply);

// Sitting time as a share of prompt.interval, 0 to 100 (0 when away).
int sitting_percentage(const nlohmann::json& reply);

// Waybar's custom-module JSON on one line: "text" (the sitting minutes, or "away"), "tooltip"
// (the parts, one a line), "class" (bar_class) and "percentage".
std::string waybar_line(const nlohmann::json& reply);

}  // namespace sitstretch::cli
