#pragma once

#include <string>

namespace sitstretch::config {

// Why a configuration could not be used, pointing at the place in the file a person must edit.
// line and column are 1-based; 0 means unknown (for example, the file could not be read).
struct ConfigError {
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;

  // One line: "file:line:col: message", or "file: message" when the position is unknown.
  std::string to_string() const;

  bool operator==(const ConfigError&) const = default;
};

// Something in a file that is used but not as written (a user's setting of a locked key): the
// same place and one line as an error, but the configuration is still used.
using ConfigWarning = ConfigError;

// One locked key and where a system file locked it (the entry of its `locked` list; policy.hpp).
struct Lock {
  std::string key;  // "sitting.interval"
  std::string file;
  int line = 0;
  int column = 0;

  // "/etc/xdg/sitstretch/config.toml:3:12"
  std::string place() const;
};

}  // namespace sitstretch::config
