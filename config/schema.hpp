#pragma once

#include <span>
#include <string>
#include <string_view>

#include "config/config.hpp"
#include "config/toml.hpp"
#include "config/value_readers.hpp"

namespace sitstretch::config {

// One key of SPEC §4: where it lives and how its value is checked and stored. The allowed
// ranges live here; the default values live only in default.toml.
struct KeySpec {
  std::string_view table;
  std::string_view name;
  MaybeProblem (*apply)(const toml::node& value, Config& config);

  std::string full_name() const { return std::string(table) + "." + std::string(name); }
};

// Every key, in the order default.toml documents them.
std::span<const KeySpec> schema_keys();

// The tables of the file: sitting, prompt, stretch, quiet, busy, idle.
std::span<const std::string_view> schema_tables();

// The key named table.name, or nullptr.
const KeySpec* find_key(std::string_view table, std::string_view name);

}  // namespace sitstretch::config
