#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "config/config_error.hpp"
#include "config/environment.hpp"
#include "core/settings.hpp"

namespace sitstretch::config {

enum class Urgency { low, normal, critical };

// idle.source's allowed values: "auto", then the idle sources' names in the order of the
// automatic choice (SPEC §6; tests/idle checks them against the idle layer's own list).
inline constexpr std::array<std::string_view, 6> kIdleSourceWords{
    "auto", "mutter", "ext-idle-notify", "kde-idle", "x11-sync", "x11-screensaver"};

// The [idle] table: which source watches for input, and how idle inhibitors count.
struct IdleSettings {
  std::string source;           // one of kIdleSourceWords
  bool inhibited_is_sitting{};  // an application inhibiting idle keeps the user present
  bool operator==(const IdleSettings&) const = default;
};

// A validated configuration (SPEC §4): every value is within its allowed range. Like
// core::Settings it has no default values of its own; a value-initialized Config is only a blank
// to parse into, and defaults() gives the real defaults from default.toml.
struct Config {
  core::Settings model{};  // what the sitting model reads
  Urgency urgency{};       // of the prompt notification
  IdleSettings idle{};     // read at start-up: the idle source is picked once
  bool operator==(const Config&) const = default;
};

// Either a usable configuration or the first problem in file order. Nothing here throws.
using Result = std::variant<Config, ConfigError>;

// A usable configuration and what the files say that it does not follow (config/policy.hpp).
struct Loaded {
  Config config;
  std::vector<ConfigWarning> warnings;
  std::vector<Lock> locks;  // the keys the system files lock, in file order (for doctor)
};

using LoadResult = std::variant<Loaded, ConfigError>;

// The text of config/default.toml, embedded at build time; the single source of defaults.
std::string_view default_toml();

// The configuration default.toml describes, parsed once and cached. Thread-safe.
const Config& defaults();

// Parses TOML text and lays the keys it sets over base; keys it leaves out keep base's value
// (quiet.hours, when present, replaces the whole list). file_name only labels errors. The text
// is read as the user's file: `locked` is an error in it.
Result parse(std::string_view text, std::string_view file_name, const Config& base);

// Reads and parses one file over base. A missing or unreadable file is an error.
Result load_file(const std::filesystem::path& file, const Config& base);

// The configuration the daemon runs with. With explicit_file (--config FILE) that file alone is
// laid over the defaults and must exist. Otherwise every existing file of config_paths(env) is
// laid over the defaults in order (system directories, then the user's file); missing files are
// skipped, and the first bad file stops the load. The system files may lock keys against the
// user's file (config/policy.hpp); load_with_warnings also says which settings that ignored.
LoadResult load_with_warnings(const std::optional<std::filesystem::path>& explicit_file,
                              const Environment& env);
Result load(const std::optional<std::filesystem::path>& explicit_file, const Environment& env);

}  // namespace sitstretch::config
