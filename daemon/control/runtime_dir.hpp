#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

// Where the daemon's runtime files live (SPEC §6): $XDG_RUNTIME_DIR/sitstretch/, a directory
// only its user can enter. Shared by the daemon and the `sitstretch` client.
namespace sitstretch::control {

struct RuntimeDir {
  std::filesystem::path path;
  // Non-empty when XDG_RUNTIME_DIR was unset or unusable and a fallback was chosen; one line
  // for the caller to log.
  std::string note;
};

// $XDG_RUNTIME_DIR/sitstretch, or /tmp/sitstretch-UID when XDG_RUNTIME_DIR is unset, empty or
// not absolute (the XDG base directory spec says to ignore relative paths). getenv looks up one
// environment variable and returns nullptr when unset; the no-argument form uses the process
// environment. Only computes the path: ensure_private_dir() creates it.
RuntimeDir runtime_dir(const std::function<const char*(const char*)>& getenv);
RuntimeDir runtime_dir();

// Makes sure dir is a directory owned by this user with mode 0700: creates it (its parent must
// exist) or tightens its mode when it is ours. Returns nullopt on success, else a one-line reason:
// not a directory (a symlink is refused too), owned by another user, or a system error.
std::optional<std::string> ensure_private_dir(const std::filesystem::path& dir);

// The control socket and the pid/lock file inside the runtime directory.
inline std::filesystem::path control_socket_path(const std::filesystem::path& runtime_dir) {
  return runtime_dir / "control.sock";
}
inline std::filesystem::path pid_file_path(const std::filesystem::path& runtime_dir) {
  return runtime_dir / "sitstretchd.pid";
}

}  // namespace sitstretch::control
