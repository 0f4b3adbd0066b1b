#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace sitstretch::test {

// A child process for tests: started with argv (PATH is searched) and extra environment
// entries ("NAME=value"), stopped with SIGTERM (then SIGKILL) when destroyed.
class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& argv, const std::vector<std::string>& env = {});
  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&&) = delete;
  ~ChildProcess();

  pid_t pid() const { return pid_; }
  // Reads the child's stdout up to the first newline, waiting at most timeout_ms.
  std::string read_line(int timeout_ms);
  // Sends a signal; returns false if the process is gone.
  bool kill(int signal) const;
  // Waits up to timeout_ms for the exit status (as from waitpid); -1 on timeout.
  int wait(int timeout_ms);
  bool running();

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  bool reaped_ = false;
  int status_ = 0;
};

// A private X server (Xvfb) on a free display, for the lifetime of the object.
class Xvfb {
 public:
  Xvfb();
  const std::string& display() const { return display_; }  // ":N"

 private:
  ChildProcess process_;
  std::string display_;
};

// A private D-Bus bus daemon (session configuration), for the lifetime of the object. It never
// activates a notification server installed on this machine; with machine_services false it
// activates no service at all: a test then sees only the services it runs itself.
class DbusDaemon {
 public:
  explicit DbusDaemon(bool machine_services = true);
  const std::string& address() const { return address_; }

 private:
  ChildProcess process_;
  std::string address_;
};

}  // namespace sitstretch::test
