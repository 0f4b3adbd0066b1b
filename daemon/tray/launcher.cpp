#include "tray/launcher.hpp"

#include <glib.h>
#include <unistd.h>

#include <system_error>

namespace sitstretch::tray {

std::string launch(const std::vector<std::string>& argv, bool discard_output) {
  if (argv.empty()) return "cannot start a program without a name";
  std::vector<gchar*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<gchar*>(arg.c_str()));
  args.push_back(nullptr);
  int flags = G_SPAWN_SEARCH_PATH;
  if (discard_output) flags |= G_SPAWN_STDOUT_TO_DEV_NULL;
  GError* error = nullptr;
  if (!g_spawn_async(nullptr, args.data(), nullptr, static_cast<GSpawnFlags>(flags), nullptr,
                     nullptr, nullptr, &error)) {
    std::string why = "cannot start " + argv.front() + ": " + error->message;
    g_error_free(error);
    return why;
  }
  return "";
}

std::string program_beside(const std::filesystem::path& self, const std::string& name) {
  if (self.empty()) return name;
  const std::filesystem::path dir = self.parent_path();
  for (const auto& candidate : {dir / name, dir.parent_path() / "cli" / name}) {
    if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return name;
}

std::filesystem::path running_program() {
  std::error_code ec;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : self;
}

std::vector<std::string> report_command(const std::filesystem::path& self) {
  return {program_beside(self, "sitstretch"), "report", "--days", "7", "--open"};
}

}  // namespace sitstretch::tray
