#include "config/config.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <tuple>
#include <vector>

#include <toml++/toml.h>

#include "config/schema.hpp"
#include "config/unknown_key.hpp"

namespace sitstretch::config {
namespace {

// Collects every problem of one file so that the one reported is the first in file order;
// toml++ hands out keys sorted by name, not by position.
class Checker {
 public:
  explicit Checker(std::string_view file_name) : file_name_(file_name) {}

  void add(const toml::source_position& where, std::string message) {
    problems_.push_back(ConfigError{file_name_, static_cast<int>(where.line),
                                    static_cast<int>(where.column), std::move(message)});
  }

  bool ok() const { return problems_.empty(); }

  ConfigError first() const {
    return *std::min_element(problems_.begin(), problems_.end(), [](const auto& a, const auto& b) {
      return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
  }

 private:
  std::string file_name_;
  std::vector<ConfigError> problems_;
};

void apply_table(std::string_view table_name, const toml::table& table, Config& out,
                 Checker& checker) {
  for (auto&& [key, value] : table) {
    const KeySpec* spec = find_key(table_name, key.str());
    if (spec == nullptr) {
      checker.add(key.source().begin, unknown_key_in_table(table_name, key.str()));
    } else if (MaybeProblem problem = spec->apply(value, out)) {
      checker.add(problem->where, spec->full_name() + ": " + problem->message);
    }
  }
}

void apply_root(const toml::table& root, Config& out, Checker& checker) {
  for (auto&& [key, value] : root) {
    auto tables = schema_tables();
    bool known = std::find(tables.begin(), tables.end(), key.str()) != tables.end();
    if (!known) {
      checker.add(key.source().begin, unknown_top_level(key.str(), value.is_table()));
    } else if (const toml::table* table = value.as_table()) {
      apply_table(key.str(), *table, out, checker);
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
  toml::table root;
  try {
    root = toml::parse(text, file_name);
  } catch (const toml::parse_error& error) {
    const toml::source_position& where = error.source().begin;
    return ConfigError{std::string(file_name), static_cast<int>(where.line),
                       static_cast<int>(where.column),
                       "invalid TOML: " + std::string(error.description())};
  }
  Config out = base;
  Checker checker(file_name);
  apply_root(root, out, checker);
  if (!checker.ok()) return checker.first();
  return out;
}

}  // namespace sitstretch::config
