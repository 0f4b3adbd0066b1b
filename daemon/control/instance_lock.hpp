#pragma once

#include <filesystem>
#include <string>
#include <variant>

namespace sitstretch::control {

// One daemon per user (SPEC §6): an exclusive flock() on RUNTIME_DIR/sitstretchd.pid, held for
// the lifetime of the object, with our pid written in the file for the message a second daemon
// prints. The kernel drops the lock when the process dies, so a crash leaves no stale lock.
class InstanceLock {
 public:
  // Creates runtime_dir (0700) if needed and takes the lock. Returns the lock, or a one-line
  // reason: "sitstretchd is already running (pid N)" when another process holds it, else the
  // system error. Never throws. Call on the daemon's main thread before anything else starts.
  static std::variant<InstanceLock, std::string> acquire(const std::filesystem::path& runtime_dir);

  InstanceLock(InstanceLock&& other) noexcept;
  InstanceLock& operator=(InstanceLock&& other) noexcept;
  InstanceLock(const InstanceLock&) = delete;
  InstanceLock& operator=(const InstanceLock&) = delete;
  // Empties the pid file and releases the lock. The file itself stays: unlinking a lock file
  // lets a process that opened the old inode and one that creates a new file both "hold" it.
  ~InstanceLock();

  const std::filesystem::path& path() const { return path_; }

 private:
  InstanceLock(int fd, std::filesystem::path path) : fd_(fd), path_(std::move(path)) {}
  void release();

  int fd_ = -1;
  std::filesystem::path path_;
};

}  // namespace sitstretch::control
