#include "config/policy.hpp"

#include <algorithm>
#include <vector>

#include "config/did_you_mean.hpp"
#include "config/locked_list.hpp"
#include "config/schema.hpp"
#include "config/unknown_key.hpp"

namespace sitstretch::config {
namespace {

std::string quoted(std::string_view text) {
  return '"' + std::string(text) + '"';
}

// Why name, an entry of `locked`, is no key: the same did-you-mean as for a misspelt key.
std::string unknown_locked_key(std::string_view name) {
  const std::size_t dot = name.find('.');
  auto tables = schema_tables();
  if (dot != std::string_view::npos &&
      std::find(tables.begin(), tables.end(), name.substr(0, dot)) != tables.end()) {
    return "locked: " + unknown_key_in_table(name.substr(0, dot), name.substr(dot + 1));
  }
  std::vector<std::string> names;
  for (const KeySpec& key : schema_keys()) names.push_back(key.full_name());
  std::vector<std::string_view> views(names.begin(), names.end());
  std::string message = "locked: unknown key " + quoted(name);
  if (auto near = closest_match(name, views))
    return message + "; did you mean " + quoted(*near) + "?";
  return message + "; a locked key is written \"section.key\", e.g. \"sitting.interval\"";
}

bool is_key(std::string_view name) {
  const std::size_t dot = name.find('.');
  return dot != std::string_view::npos &&
         find_key(name.substr(0, dot), name.substr(dot + 1)) != nullptr;
}

}  // namespace

std::string Lock::place() const {
  if (line <= 0) return file;
  return file + ':' + std::to_string(line) + ':' + std::to_string(column);
}

const Lock* find_lock(const std::vector<Lock>& locks, std::string_view key) {
  auto it = std::find_if(locks.begin(), locks.end(), [key](const Lock& l) { return l.key == key; });
  return it == locks.end() ? nullptr : &*it;
}

ConfigWarning locked_warning(const Lock& lock, std::string_view file, int line, int column) {
  return ConfigWarning{
      std::string(file), line, column,
      lock.key + " is locked by the administrator (" + lock.place() + "); this setting is ignored"};
}

std::vector<ValueProblem> read_locked(const toml::node& value, std::string_view file,
                                      std::vector<Lock>& out) {
  const std::string expected = "locked: expected a list of \"section.key\" strings, got ";
  const toml::array* list = value.as_array();
  if (list == nullptr) {
    return {ValueProblem{expected + std::string(describe_type(value)), value.source().begin}};
  }
  std::vector<ValueProblem> problems;
  for (const toml::node& entry : *list) {
    const auto* name = entry.as_string();
    if (name == nullptr) {
      problems.push_back(
          {expected + std::string(describe_type(entry)) + " in the list", entry.source().begin});
    } else if (!is_key(name->get())) {
      problems.push_back({unknown_locked_key(name->get()), entry.source().begin});
    } else if (find_lock(out, name->get()) == nullptr) {
      const toml::source_position& where = entry.source().begin;
      out.push_back(Lock{name->get(), std::string(file), static_cast<int>(where.line),
                         static_cast<int>(where.column)});
    }
  }
  return problems;
}

std::string locked_in_user_file() {
  return "locked: only a system file ($XDG_CONFIG_DIRS/*/sitstretch/config.toml, e.g. "
         "/etc/xdg/sitstretch/config.toml) may lock keys, not your own file";
}

}  // namespace sitstretch::config
