#include "config/unknown_key.hpp"

#include <optional>
#include <vector>

#include "config/did_you_mean.hpp"
#include "config/schema.hpp"

namespace sitstretch::config {
namespace {

std::string in_quotes(std::string_view text) {
  return '"' + std::string(text) + '"';
}

// The full name ("prompt.snooze") of the key whose own name is closest to name, in any table.
std::optional<std::string> closest_key_anywhere(std::string_view name) {
  std::vector<std::string_view> names;
  for (const KeySpec& key : schema_keys()) names.push_back(key.name);
  std::optional<std::string_view> near = closest_match(name, names);
  if (!near) return std::nullopt;
  for (const KeySpec& key : schema_keys()) {
    if (key.name == *near) return key.full_name();
  }
  return std::nullopt;
}

std::string all_tables() {
  std::string out;
  auto tables = schema_tables();
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (i > 0) out += (i + 1 == tables.size()) ? " and " : ", ";
    // Appended piece by piece: GCC 12 at -O3 gives a false -Wrestrict on "[" + string.
    out += '[';
    out += tables[i];
    out += ']';
  }
  return out;
}

std::string keys_of(std::string_view table) {
  std::string out;
  for (const KeySpec& key : schema_keys()) {
    if (key.table != table) continue;
    if (!out.empty()) out += ", ";
    out += key.name;
  }
  return out;
}

}  // namespace

std::string unknown_key_in_table(std::string_view table, std::string_view name) {
  std::string message = "unknown key " + in_quotes(std::string(table) + "." + std::string(name));
  std::vector<std::string_view> same_table;
  for (const KeySpec& key : schema_keys()) {
    if (key.table == table) same_table.push_back(key.name);
  }
  // Prefer a near miss in the same table; else the key may just be in the wrong table.
  if (auto near = closest_match(name, same_table)) {
    return message + "; did you mean " + in_quotes(std::string(table) + "." + std::string(*near)) +
           "?";
  }
  if (auto elsewhere = closest_key_anywhere(name)) {
    return message + "; did you mean " + in_quotes(*elsewhere) + "?";
  }
  return message + "; allowed keys in [" + std::string(table) + "]: " + keys_of(table);
}

std::string unknown_top_level(std::string_view name, bool is_table) {
  if (is_table) {
    std::string message = "unknown table " + in_quotes(name);
    if (auto near = closest_match(name, schema_tables())) {
      return message + "; did you mean " + in_quotes(*near) + "?";
    }
    return message + "; allowed tables are " + all_tables();
  }
  std::string message = "unknown key " + in_quotes(name);
  if (auto key = closest_key_anywhere(name)) {
    return message + "; did you mean " + in_quotes(*key) + "?";
  }
  return message + "; every key belongs in one of the tables " + all_tables();
}

}  // namespace sitstretch::config
