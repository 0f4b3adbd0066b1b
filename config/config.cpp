#include "config/config.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <tuple>
#include <vector>

#include "config/locked_list.hpp"
#include "config/policy.hpp"
#include "config/schema.hpp"
#include "config/toml.hpp"
#include "config/unknown_key.hpp"

namespace sitstretch::config {
namespace {

// Collects every problem of one file so that the one reported is the first in file order;
// toml++ hands out keys sorted by name, not by position.
class Checker {
 public:
  explicit Checker(std::string_view file_name) : file_name_(file_name) {}

  const std::string& file_name() const { return file_name_; }

  void add(const toml::source_position& where, std::string message) {
    problems_.push_back(ConfigError{file_name_, static_cast<int>(where.line),
                                    static_cast<int>(where.column), std::move(message)});
  }

  void warn(ConfigWarning warning) { warnings_.push_back(std::move(warning)); }

  bool ok() const { return problems_.empty(); }

  std::vector<ConfigWarning> warnings() const {
    std::vector<ConfigWarning> sorted = warnings_;
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
      return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    return sorted;
  }

  ConfigError first() const {
    return *std::min_element(problems_.begin(), problems_.end(), [](const auto& a, const auto& b) {
      return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
  }

 private:
  std::string file_name_;
  std::vector<ConfigError> problems_;
  std::vector<ConfigWarning> warnings_;
};

// What one file is read into, and under which rules.
struct Target {
  FileRole role;
  const std::vector<Lock>& locks;  // of the system files below, for the user's file
  Layer& layer;
};

// A locked key's value in the user's file is still checked, but lands in a scratch copy.
void apply_key(const KeySpec& spec, const toml::key& key, const toml::node& value, Target& target,
               Checker& checker) {
  const Lock* lock =
      target.role == FileRole::user ? find_lock(target.locks, spec.full_name()) : nullptr;
  Config scratch = target.layer.config;
  Config& out = lock ? scratch : target.layer.config;
  if (MaybeProblem problem = spec.apply(value, out)) {
    checker.add(problem->where, spec.full_name() + ": " + problem->message);
  } else if (lock) {
    const toml::source_position& where = key.source().begin;
    checker.warn(locked_warning(*lock, checker.file_name(), static_cast<int>(where.line),
                                static_cast<int>(where.column)));
  }
}

void apply_table(std::string_view table_name, const toml::table& table, Target& target,
                 Checker& checker) {
  for (auto&& [key, value] : table) {
    const KeySpec* spec = find_key(table_name, key.str());
    if (spec == nullptr) {
      checker.add(key.source().begin, unknown_key_in_table(table_name, key.str()));
    } else {
      apply_key(*spec, key, value, target, checker);
    }
  }
}

void apply_locked(const toml::key& key, const toml::node& value, Target& target, Checker& checker) {
  if (target.role == FileRole::user) {
    checker.add(key.source().begin, locked_in_user_file());
    return;
  }
  for (ValueProblem& problem : read_locked(value, checker.file_name(), target.layer.locks)) {
    checker.add(problem.where, std::move(problem.message));
  }
}

void apply_root(const toml::table& root, Target& target, Checker& checker) {
  for (auto&& [key, value] : root) {
    auto tables = schema_tables();
    bool known = std::find(tables.begin(), tables.end(), key.str()) != tables.end();
    if (key.str() == "locked") {
      apply_locked(key, value, target, checker);
    } else if (!known) {
      checker.add(key.source().begin, unknown_top_level(key.str(), value.is_table()));
    } else if (const toml::table* table = value.as_table()) {
      apply_table(key.str(), *table, target, checker);
    } else {
      checker.add(value.source().begin, std::string(key.str()) + ": expected a table, got " +
                                            std::string(describe_type(value)));
    }
  }
}

// Every key must be written out in default.toml; a missing one would silently default to zero.
std::vector<std::string> keys_missing_from(const toml::table& root) {
  std::vector<std::string> missing;
  for (const KeySpec& key : schema_keys()) {
    if (!root.at_path(key.full_name())) missing.push_back(key.full_name());
  }
  return missing;
}

// The built-in defaults are part of the program; if they do not parse, the build is broken and
// no configuration can be trusted, so stop loudly. The tests guard against this.
[[noreturn]] void broken_defaults(const std::string& why) {
  std::fprintf(stderr, "sitstretch: the built-in default.toml is broken: %s\n", why.c_str());
  std::abort();
}

Config parse_defaults() {
  Result result = parse(default_toml(), "default.toml", Config{});
  if (const auto* error = std::get_if<ConfigError>(&result)) broken_defaults(error->to_string());
  std::vector<std::string> missing = keys_missing_from(toml::parse(default_toml()));
  if (!missing.empty()) broken_defaults("it does not set " + missing.front());
  return std::get<Config>(result);
}

}  // namespace

const Config& defaults() {
  static const Config cached = parse_defaults();
  return cached;
}

Result parse(std::string_view text, std::string_view file_name, const Config& base) {
  LayerResult layer = parse_layer(text, file_name, base, FileRole::user, {});
  if (auto* error = std::get_if<ConfigError>(&layer)) return *error;
  return std::get<Layer>(std::move(layer)).config;
}

LayerResult parse_layer(std::string_view text, std::string_view file_name, const Config& base,
                        FileRole role, const std::vector<Lock>& locks) {
  toml::table root;
  try {
    root = toml::parse(text, file_name);
  } catch (const toml::parse_error& error) {
    const toml::source_position& where = error.source().begin;
    return ConfigError{std::string(file_name), static_cast<int>(where.line),
                       static_cast<int>(where.column),
                       "invalid TOML: " + std::string(error.description())};
  }
  Layer layer{base, locks, {}};
  Target target{role, locks, layer};
  Checker checker(file_name);
  apply_root(root, target, checker);
  if (!checker.ok()) return checker.first();
  layer.warnings = checker.warnings();
  return layer;
}

}  // namespace sitstretch::config
