#include "child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace sitstretch::test {

ChildProcess::ChildProcess(const std::vector<std::string>& argv,
                           const std::vector<std::string>& env) {
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> environment;
  for (char** e = environ; *e; ++e) environment.emplace_back(*e);
  for (const std::string& entry : env) {
    const std::string name = entry.substr(0, entry.find('=') + 1);
    std::erase_if(environment, [&](const std::string& e) { return e.starts_with(name); });
    environment.push_back(entry);
  }
  std::vector<char*> args, envp;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  for (const auto& e : environment) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);

  // Unflushed output would otherwise be written again by the child.
  std::fflush(nullptr);
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    setpgid(0, 0);
    // A test that crashes must not leave its X server or bus daemon behind.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    execvpe(args[0], args.data(), envp.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  stdout_fd_ = pipe_fds[0];
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(other.pid_),
      stdout_fd_(other.stdout_fd_),
      reaped_(other.reaped_),
      status_(other.status_) {
  other.pid_ = -1;
  other.stdout_fd_ = -1;
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0 && running()) {
    kill(SIGTERM);
    if (wait(2000) == -1) {
      kill(SIGKILL);
      wait(2000);
    }
  }
  if (stdout_fd_ >= 0) close(stdout_fd_);
}

std::string ChildProcess::read_line(int timeout_ms) {
  std::string line;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  char c;
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd p{stdout_fd_, POLLIN, 0};
    if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) return line;
    if (read(stdout_fd_, &c, 1) != 1 || c == '\n') return line;
    line += c;
  }
}

bool ChildProcess::kill(int signal) const {
  return pid_ > 0 && ::kill(pid_, signal) == 0;
}

int ChildProcess::wait(int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (!reaped_) {
    pid_t r = waitpid(pid_, &status_, WNOHANG);
    if (r == pid_ || r < 0) {
      reaped_ = true;
      break;
    }
    if (std::chrono::steady_clock::now() >= deadline) return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return status_;
}

bool ChildProcess::running() {
  return !reaped_ && wait(0) == -1;
}

namespace {

// Xvfb writes the display number it chose to the file descriptor given with -displayfd.
ChildProcess start_xvfb() {
  return ChildProcess(
      {"Xvfb", "-displayfd", "1", "-screen", "0", "640x480x24", "-nolisten", "tcp", "-noreset"});
}

// The session bus's configuration without its service directories.
constexpr const char* kBusWithoutServices = R"(<!DOCTYPE busconfig PUBLIC
 "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
)";

ChildProcess start_dbus(const std::string& config_file) {
  const std::string config = config_file.empty() ? "--session" : "--config-file=" + config_file;
  return ChildProcess({"dbus-daemon", config, "--nofork", "--nopidfile", "--print-address=1"});
}

// The configuration file for a bus without services; removed once the bus has read it.
std::string bus_config_file(bool machine_services) {
  if (machine_services) return "";
  char path[] = "/tmp/sitstretch-bus-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) throw std::runtime_error("mkstemp failed");
  const std::string text = kBusWithoutServices;
  const bool written = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  close(fd);
  if (!written) throw std::runtime_error("cannot write the bus configuration");
  return path;
}

}  // namespace

Xvfb::Xvfb() : process_(start_xvfb()) {
  const std::string number = process_.read_line(10000);
  if (number.empty())
    throw std::runtime_error("Xvfb did not start (is the xvfb package installed?)");
  display_ = ":" + number;
}

DbusDaemon::DbusDaemon(bool machine_services)
    : config_file_(bus_config_file(machine_services)), process_(start_dbus(config_file_)) {
  address_ = process_.read_line(10000);
  if (!config_file_.empty()) unlink(config_file_.c_str());
  if (address_.empty()) throw std::runtime_error("dbus-daemon did not start");
}

}  // namespace sitstretch::test
