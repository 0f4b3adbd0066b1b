#include "config/schema.hpp"

#include <array>
#include <chrono>

namespace sitstretch::config {
namespace {

using namespace std::chrono_literals;

constexpr std::array<std::string_view, 6> kTables{"sitting", "prompt", "stretch",
                                                  "quiet",   "busy",   "idle"};

MaybeProblem apply_urgency(const toml::node& value, Config& config) {
  std::string_view word;
  if (auto problem = read_word(value, word, {"low", "normal", "critical"})) return problem;
  config.urgency = word == "low"      ? Urgency::low
                   : word == "normal" ? Urgency::normal
                                      : Urgency::critical;
  return std::nullopt;
}

MaybeProblem apply_first_side(const toml::node& value, Config& config) {
  std::string_view word;
  if (auto problem = read_word(value, word, {"auto", "left", "right"})) return problem;
  config.model.first_side = word == "auto"   ? core::FirstSide::automatic
                            : word == "left" ? core::FirstSide::left
                                             : core::FirstSide::right;
  return std::nullopt;
}

MaybeProblem apply_idle_source(const toml::node& value, Config& config) {
  std::string_view word;
  const auto& w = kIdleSourceWords;
  if (auto problem = read_word(value, word, {w[0], w[1], w[2], w[3], w[4], w[5]})) return problem;
  config.idle.source = std::string(word);
  return std::nullopt;
}

// Ranges exactly as SPEC §4.
constexpr std::array<KeySpec, 15> kKeys{{
    {"sitting", "interval",
     [](const toml::node& v, Config& c) { return read_duration(v, c.model.interval, 10s, 4h); }},
    {"sitting", "break_after",
     [](const toml::node& v, Config& c) { return read_duration(v, c.model.break_after, 5s, 1h); }},
    {"prompt", "snooze",
     [](const toml::node& v, Config& c) { return read_duration(v, c.model.snooze, 10s, 2h); }},
    {"prompt", "max_snoozes",
     [](const toml::node& v, Config& c) { return read_integer(v, c.model.max_snoozes, 0, 10); }},
    {"prompt", "answer_within",
     [](const toml::node& v, Config& c) {
       return read_duration(v, c.model.answer_within, 5s, 30min);
     }},
    {"prompt", "repeat_after",
     [](const toml::node& v, Config& c) {
       return read_duration(v, c.model.repeat_after, 10s, 2h);
     }},
    {"prompt", "urgency", apply_urgency},
    {"stretch", "guided",
     [](const toml::node& v, Config& c) { return read_bool(v, c.model.guided); }},
    {"stretch", "hold",
     [](const toml::node& v, Config& c) { return read_duration(v, c.model.hold, 5s, 5min); }},
    {"stretch", "first_side", apply_first_side},
    {"quiet", "hours",
     [](const toml::node& v, Config& c) { return read_quiet_hours(v, c.model.quiet); }},
    {"busy", "when",
     [](const toml::node& v, Config& c) { return read_busy_reasons(v, c.model.busy_when); }},
    {"busy", "max_defer",
     [](const toml::node& v, Config& c) { return read_duration(v, c.model.max_defer, 1min, 8h); }},
    {"idle", "source", apply_idle_source},
    {"idle", "inhibited_is_sitting",
     [](const toml::node& v, Config& c) { return read_bool(v, c.idle.inhibited_is_sitting); }},
}};

}  // namespace

std::span<const KeySpec> schema_keys() {
  return kKeys;
}

std::span<const std::string_view> schema_tables() {
  return kTables;
}

const KeySpec* find_key(std::string_view table, std::string_view name) {
  for (const KeySpec& key : kKeys) {
    if (key.table == table && key.name == name) return &key;
  }
  return nullptr;
}

}  // namespace sitstretch::config
