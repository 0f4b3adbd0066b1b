#include "tray/open_settings.hpp"

#include <fstream>
#include <system_error>

#include "tray/launcher.hpp"

namespace sitstretch::tray {

namespace {

// Writes defaults next to `file` and renames it into place, so a concurrent reader (the
// daemon's config watcher) never sees half a file.
std::string create_from_defaults(const std::filesystem::path& file, std::string_view defaults) {
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  if (ec) return "cannot create " + file.parent_path().string() + ": " + ec.message();
  const std::filesystem::path temporary = file.string() + ".new";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(defaults.data(), static_cast<std::streamsize>(defaults.size()));
    if (!out.flush()) return "cannot write " + temporary.string();
  }
  std::filesystem::rename(temporary, file, ec);
  if (ec) return "cannot create " + file.string() + ": " + ec.message();
  return "";
}

}  // namespace

std::string open_settings(const std::filesystem::path& file, std::string_view defaults,
                          const std::string& opener) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    if (std::string why = create_from_defaults(file, defaults); !why.empty()) return why;
  }
  return launch({opener, file.string()});
}

}  // namespace sitstretch::tray
