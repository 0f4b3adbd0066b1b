#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sitstretch::config {

// The environment variables the XDG lookup reads, passed in so that tests can drive the lookup
// and nothing below main() reads process globals. An unset variable is std::nullopt; an empty
// one is treated as unset, as the XDG Base Directory specification says.
struct Environment {
  std::optional<std::string> home{};
  std::optional<std::string> xdg_config_home{};
  std::optional<std::string> xdg_config_dirs{};

  // Reads HOME, XDG_CONFIG_HOME and XDG_CONFIG_DIRS from the current process. Call it from
  // main(); it is the only function of this library that touches the process environment.
  static Environment from_process();
};

// Where the user's own file lives: $XDG_CONFIG_HOME/sitstretch/config.toml, or
// $HOME/.config/sitstretch/config.toml. Nothing when neither variable gives an absolute path.
// "Edit settings" creates the file here.
std::optional<std::filesystem::path> user_config_path(const Environment& env);

// The files of the lookup, lowest priority first: the XDG_CONFIG_DIRS entries (default /etc/xdg)
// from last to first, since that variable lists the most important directory first, then the
// user's file. Relative entries are ignored as the XDG specification requires. The files need
// not exist.
std::vector<std::filesystem::path> config_paths(const Environment& env);

}  // namespace sitstretch::config
