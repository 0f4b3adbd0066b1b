#include "control/instance_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>
#include <utility>

#include "control/runtime_dir.hpp"

namespace sitstretch::control {
namespace {

// The pid in the holder's file; empty when it cannot be read. The holder writes the file just
// after taking the lock, so an empty file is retried briefly before giving up.
std::string read_holder_pid(int fd) {
  for (int attempt = 0; attempt < 20; ++attempt) {
    char buffer[32] = {};
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    std::string text(buffer, n > 0 ? static_cast<std::size_t>(n) : 0);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    const bool numeric = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
    if (numeric) return text;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return "";
}

std::string system_error(const std::string& what, const std::filesystem::path& path) {
  return "cannot " + what + " " + path.string() + ": " + std::strerror(errno);
}

}  // namespace

std::variant<InstanceLock, std::string> InstanceLock::acquire(
    const std::filesystem::path& runtime_dir) {
  if (auto error = ensure_private_dir(runtime_dir)) return *error;
  std::filesystem::path path = pid_file_path(runtime_dir);
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return system_error("open", path);

  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int lock_errno = errno;
    std::string message;
    if (lock_errno == EWOULDBLOCK) {
      const std::string pid = read_holder_pid(fd);
      message = "sitstretchd is already running (pid " + (pid.empty() ? "unknown" : pid) + ")";
    } else {
      errno = lock_errno;
      message = system_error("lock", path);
    }
    ::close(fd);
    return message;
  }

  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) < 0) {
    std::string message = system_error("write", path);
    ::close(fd);
    return message;
  }
  return InstanceLock(fd, std::move(path));
}

InstanceLock::InstanceLock(InstanceLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)) {}

InstanceLock& InstanceLock::operator=(InstanceLock&& other) noexcept {
  if (this != &other) {
    release();
    fd_ = std::exchange(other.fd_, -1);
    path_ = std::move(other.path_);
  }
  return *this;
}

InstanceLock::~InstanceLock() {
  release();
}

void InstanceLock::release() {
  if (fd_ < 0) return;
  // Best effort: a stale pid left behind is harmless, the lock is what counts.
  [[maybe_unused]] const int truncated = ::ftruncate(fd_, 0);
  ::close(fd_);
  fd_ = -1;
}

}  // namespace sitstretch::control
