#include "notify/icon_lookup.hpp"

#include <glib.h>

#include <filesystem>
#include <map>
#include <system_error>
#include <vector>

namespace sitstretch::notify {

namespace {

namespace fs = std::filesystem;

bool has_image(const fs::path& dir, const std::string& name) {
  std::error_code ignored;
  for (const char* extension : {".svg", ".png", ".xpm"})
    if (fs::exists(dir / (name + extension), ignored)) return true;
  return false;
}

// icons/<theme>/<size>/<context>/<name>.<ext>, the layout of the Icon Theme Specification.
bool in_icon_dir(const fs::path& icons, const std::string& name) {
  std::error_code error;
  for (const auto& theme : fs::directory_iterator(icons, error)) {
    for (const auto& size : fs::directory_iterator(theme.path(), error)) {
      for (const auto& context : fs::directory_iterator(size.path(), error)) {
        if (has_image(context.path(), name)) return true;
      }
    }
  }
  return false;
}

bool installed(const std::string& name) {
  std::vector<fs::path> data_dirs{g_get_user_data_dir()};
  for (const gchar* const* dir = g_get_system_data_dirs(); *dir; ++dir)
    data_dirs.emplace_back(*dir);
  for (const fs::path& dir : data_dirs) {
    if (in_icon_dir(dir / "icons", name) || has_image(dir / "pixmaps", name)) return true;
  }
  return in_icon_dir(fs::path(g_get_home_dir()) / ".icons", name);
}

}  // namespace

std::string resolve_icon(const std::string& icon) {
  static std::map<std::string, std::string> cache;
  if (auto it = cache.find(icon); it != cache.end()) return it->second;
  bool found = false;
  try {
    std::error_code ignored;
    found = icon.starts_with('/') ? fs::exists(icon, ignored) : installed(icon);
  } catch (const fs::filesystem_error&) {
    // An unreadable directory while iterating: use the fallback rather than fail the prompt.
  }
  return cache[icon] = found ? icon : kFallbackIcon;
}

}  // namespace sitstretch::notify
