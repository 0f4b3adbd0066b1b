#include "store/settings_toml.hpp"

#include <cstdio>

#include "core/duration_text.hpp"

namespace sitstretch::store {
namespace {

std::string quoted(core::Ms d) {
  return "\"" + core::format_duration(d) + "\"";
}

std::string clock(int minutes) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", minutes / 60 % 100, minutes % 60);
  return text;
}

std::string side_word(core::FirstSide side) {
  switch (side) {
    case core::FirstSide::left:
      return "left";
    case core::FirstSide::right:
      return "right";
    case core::FirstSide::automatic:
      break;
  }
  return "auto";
}

std::string quiet_hours(const std::vector<core::QuietRange>& ranges) {
  std::string out;
  for (const core::QuietRange& r : ranges) {
    if (!out.empty()) out += ", ";
    out += "\"" + clock(r.start_min) + "-" + clock(r.end_min) + "\"";
  }
  return "[" + out + "]";
}

std::string busy_when(const core::BusyReasons& when) {
  std::string out;
  for (core::BusyReason reason : core::kBusyReasons) {
    if (!when.has(reason)) continue;
    if (!out.empty()) out += ", ";
    out += "\"" + std::string(core::to_string(reason)) + "\"";
  }
  return "[" + out + "]";
}

}  // namespace

std::string settings_toml(const core::Settings& s) {
  return "[sitting]\ninterval = " + quoted(s.interval) +
         "\nbreak_after = " + quoted(s.break_after) + "\n[prompt]\nsnooze = " + quoted(s.snooze) +
         "\nmax_snoozes = " + std::to_string(s.max_snoozes) +
         "\nanswer_within = " + quoted(s.answer_within) +
         "\nrepeat_after = " + quoted(s.repeat_after) +
         "\n[stretch]\nguided = " + (s.guided ? "true" : "false") + "\nhold = " + quoted(s.hold) +
         "\nfirst_side = \"" + side_word(s.first_side) +
         "\"\n[quiet]\nhours = " + quiet_hours(s.quiet) +
         "\n[busy]\nwhen = " + busy_when(s.busy_when) + "\nmax_defer = " + quoted(s.max_defer) +
         "\n";
}

}  // namespace sitstretch::store
