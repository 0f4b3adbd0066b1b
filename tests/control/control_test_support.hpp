#pragma once

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <future>
#include <string>

#include <boost/asio/io_context.hpp>
#include <catch2/catch.hpp>

namespace sitstretch::control::test {

using namespace std::chrono_literals;

// A fresh private directory under /tmp (mkdtemp: mode 0700), removed at scope exit. Stands in
// for $XDG_RUNTIME_DIR; the daemon's own directory is runtime() inside it.
class TempRuntimeDir {
 public:
  TempRuntimeDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "sitstretch-ctl-XXXXXX");
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    base_ = pattern;
  }
  ~TempRuntimeDir() {
    std::error_code ignored;
    std::filesystem::remove_all(base_, ignored);
  }
  TempRuntimeDir(const TempRuntimeDir&) = delete;
  TempRuntimeDir& operator=(const TempRuntimeDir&) = delete;

  const std::filesystem::path& base() const { return base_; }
  std::filesystem::path runtime() const { return base_ / "sitstretch"; }
  std::filesystem::path socket() const { return runtime() / "control.sock"; }

 private:
  std::filesystem::path base_;
};

// Runs io on this thread until ready() holds; fails the test after limit.
inline void run_until(boost::asio::io_context& io, const std::function<bool()>& ready,
                      std::chrono::milliseconds limit = 5s) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (!ready()) {
    REQUIRE(std::chrono::steady_clock::now() < end);
    if (io.stopped()) io.restart();
    io.run_for(2ms);
  }
}

// Runs io until the future (a client on another thread) has its value, and returns it.
template <typename T>
T run_until_ready(boost::asio::io_context& io, std::future<T>& future,
                  std::chrono::milliseconds limit = 5s) {
  run_until(
      io, [&] { return future.wait_for(0s) == std::future_status::ready; }, limit);
  return future.get();
}

inline unsigned permissions(const std::filesystem::path& path) {
  struct stat info {};
  REQUIRE(::lstat(path.c_str(), &info) == 0);
  return info.st_mode & 07777;
}

// A forked copy of the test process running body, which reports one line back through a pipe.
// The child never returns into Catch: it _exit()s after body, or with stay_alive waits to be
// killed (to keep holding whatever body took).
class ForkedChild {
 public:
  explicit ForkedChild(const std::function<std::string()>& body, bool stay_alive = false) {
    int fds[2];
    REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      ::close(fds[0]);
      std::string line;
      try {
        line = body() + "\n";
      } catch (...) {
        line = "exception in child\n";
      }
      [[maybe_unused]] ssize_t written = ::write(fds[1], line.data(), line.size());
      while (stay_alive) ::pause();
      ::_exit(0);
    }
    ::close(fds[1]);
    read_fd_ = fds[0];
  }
  ~ForkedChild() {
    if (!reaped_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    ::close(read_fd_);
  }
  ForkedChild(const ForkedChild&) = delete;
  ForkedChild& operator=(const ForkedChild&) = delete;

  pid_t pid() const { return pid_; }

  // The child's line, once it has written one (or "" at EOF); waits at most limit. step runs
  // between polls so a server in this process keeps serving.
  std::string read_line(std::chrono::milliseconds limit = 5s,
                        const std::function<void()>& step = {}) {
    std::string line;
    const auto end = std::chrono::steady_clock::now() + limit;
    while (line.find('\n') == std::string::npos) {
      REQUIRE(std::chrono::steady_clock::now() < end);
      if (step) step();
      pollfd entry{read_fd_, POLLIN, 0};
      if (::poll(&entry, 1, step ? 0 : 10) <= 0) continue;
      char c;
      if (::read(read_fd_, &c, 1) != 1) break;
      line += c;
    }
    if (!line.empty() && line.back() == '\n') line.pop_back();
    return line;
  }

  void kill_and_reap() {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    reaped_ = true;
  }

 private:
  pid_t pid_ = -1;
  int read_fd_ = -1;
  bool reaped_ = false;
};

}  // namespace sitstretch::control::test
