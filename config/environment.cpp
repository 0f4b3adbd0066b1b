#include "config/environment.hpp"

#include <cstdlib>
#include <string_view>

namespace sitstretch::config {
namespace {

const std::filesystem::path kRelativeFile = std::filesystem::path("sitstretch") / "config.toml";

// XDG treats an empty variable like an unset one.
std::optional<std::string> non_empty(const char* value) {
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

bool usable_dir(const std::optional<std::string>& dir) {
  return dir && !dir->empty() && std::filesystem::path(*dir).is_absolute();
}

// Splits a colon-separated list, dropping empty and relative entries.
std::vector<std::filesystem::path> split_dirs(std::string_view list) {
  std::vector<std::filesystem::path> dirs;
  while (!list.empty()) {
    std::size_t colon = list.find(':');
    std::string_view entry = list.substr(0, colon);
    if (!entry.empty() && std::filesystem::path(entry).is_absolute()) dirs.emplace_back(entry);
    if (colon == std::string_view::npos) break;
    list.remove_prefix(colon + 1);
  }
  return dirs;
}

}  // namespace

Environment Environment::from_process() {
  return Environment{non_empty(std::getenv("HOME")), non_empty(std::getenv("XDG_CONFIG_HOME")),
                     non_empty(std::getenv("XDG_CONFIG_DIRS"))};
}

std::optional<std::filesystem::path> user_config_path(const Environment& env) {
  if (usable_dir(env.xdg_config_home)) {
    return std::filesystem::path(*env.xdg_config_home) / kRelativeFile;
  }
  if (usable_dir(env.home)) return std::filesystem::path(*env.home) / ".config" / kRelativeFile;
  return std::nullopt;
}

std::vector<std::filesystem::path> config_paths(const Environment& env) {
  std::vector<std::filesystem::path> dirs;
  if (env.xdg_config_dirs) dirs = split_dirs(*env.xdg_config_dirs);
  // An unset, empty or all-relative XDG_CONFIG_DIRS means the default.
  if (dirs.empty()) dirs.emplace_back("/etc/xdg");

  std::vector<std::filesystem::path> paths;
  for (auto it = dirs.rbegin(); it != dirs.rend(); ++it) paths.push_back(*it / kRelativeFile);
  if (auto user = user_config_path(env)) paths.push_back(*user);
  return paths;
}

}  // namespace sitstretch::config
