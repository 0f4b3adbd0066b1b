#include "control/runtime_dir.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace sitstretch::control {

RuntimeDir runtime_dir(const std::function<const char*(const char*)>& getenv) {
  const char* value = getenv("XDG_RUNTIME_DIR");
  const std::filesystem::path base = value != nullptr ? value : "";
  if (!base.empty() && base.is_absolute()) return {base / "sitstretch", ""};

  std::filesystem::path fallback = "/tmp/sitstretch-" + std::to_string(::geteuid());
  std::string why = base.empty() ? "XDG_RUNTIME_DIR is unset"
                                 : "XDG_RUNTIME_DIR is not absolute ('" + base.string() + "')";
  return {fallback, why + "; using " + fallback.string()};
}

RuntimeDir runtime_dir() {
  return runtime_dir([](const char* name) { return std::getenv(name); });
}

std::optional<std::string> ensure_private_dir(const std::filesystem::path& dir) {
  const std::string name = dir.string();
  // mkdir() first: no window in which the directory exists with a wider mode (umask only
  // narrows 0700), and EEXIST sends us to inspect whatever is already there.
  if (::mkdir(name.c_str(), 0700) != 0 && errno != EEXIST) {
    return "cannot create " + name + ": " + std::strerror(errno);
  }
  struct stat info {};
  // lstat: a symlink planted in a shared /tmp must not redirect us elsewhere.
  if (::lstat(name.c_str(), &info) != 0) {
    return "cannot inspect " + name + ": " + std::strerror(errno);
  }
  if (!S_ISDIR(info.st_mode)) return name + " exists and is not a directory";
  if (info.st_uid != ::geteuid()) {
    return name + " is owned by uid " + std::to_string(info.st_uid) + ", not by us (uid " +
           std::to_string(::geteuid()) + ")";
  }
  if ((info.st_mode & 07777) != 0700) {
    if (::chmod(name.c_str(), 0700) != 0) {
      return "cannot set mode 0700 on " + name + ": " + std::strerror(errno);
    }
    std::fprintf(stderr, "sitstretchd: %s had mode %04o; set it to 0700\n", name.c_str(),
                 static_cast<unsigned>(info.st_mode & 07777));
  }
  return std::nullopt;
}

}  // namespace sitstretch::control
