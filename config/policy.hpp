#pragma once

// Administrators' locked keys (SPEC §4). A system file may hold a top-level
// `locked = ["section.key", ...]`; the user's file then cannot change those keys: its value is
// still checked, but ignored with a warning that names both files.

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "config/config.hpp"
#include "config/config_error.hpp"

namespace sitstretch::config {

// Which file is read: a system file may lock keys; the user's file, or --config FILE, may not,
// and must obey the locks of the system files.
enum class FileRole { system, user };

// One file laid over the layers below it.
struct Layer {
  Config config;
  std::vector<Lock> locks;              // those of the layers below, then this file's own
  std::vector<ConfigWarning> warnings;  // the user's settings of locked keys, in file order
};

using LayerResult = std::variant<Layer, ConfigError>;

// Parses text as a file of the given role over base. locks are those of the system files
// below; they hold back the user's settings of those keys (a system file's are kept).
LayerResult parse_layer(std::string_view text, std::string_view file_name, const Config& base,
                        FileRole role, const std::vector<Lock>& locks);

// The lock of key, or nullptr.
const Lock* find_lock(const std::vector<Lock>& locks, std::string_view key);

// The warning for the user's setting of a locked key at file:line:column.
ConfigWarning locked_warning(const Lock& lock, std::string_view file, int line, int column);

}  // namespace sitstretch::config
