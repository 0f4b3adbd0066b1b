#include "child_process.hpp"

#include "run_command.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
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

// The session bus configuration. With machine_services, the machine's activatable services except
// its notification servers: an installed dunst, mako or xfce4-notifyd would otherwise be started
// by the first Notify of a test that runs without a server (or before its own), and take the
// name. Without, no service at all. Written once per test process; the bus reads the directory
// again on each activation.
std::string bus_config(bool machine_services) {
  namespace fs = std::filesystem;
  static const TempDir dir;
  std::string servicedir;
  if (machine_services) {
    const fs::path services = dir.file("services");
    fs::create_directories(services);
    for (const char* source : {"/usr/local/share/dbus-1/services", "/usr/share/dbus-1/services"}) {
      std::error_code missing;
      for (const auto& entry : fs::directory_iterator(source, missing)) {
        std::ifstream in(entry.path());
        const std::string text{std::istreambuf_iterator<char>(in), {}};
        if (text.find("Name=org.freedesktop.Notifications") != std::string::npos) continue;
        std::error_code taken;  // the first directory wins, as in dbus-daemon's own order
        fs::create_symlink(entry.path(), services / entry.path().filename(), taken);
      }
    }
    servicedir = "  <servicedir>" + services.string() + "</servicedir>\n";
  }
  return dir.write(machine_services ? "session.conf" : "session-without-services.conf",
                   R"(<!DOCTYPE busconfig PUBLIC
 "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
)" + servicedir + R"(  <limit name="max_incoming_bytes">1000000000</limit>
  <limit name="max_outgoing_bytes">1000000000</limit>
  <limit name="max_message_size">1000000000</limit>
  <limit name="max_replies_per_connection">50000</limit>
  <limit name="max_match_rules_per_connection">50000</limit>
  <limit name="max_connections_per_user">100000</limit>
</busconfig>
)");
}

ChildProcess start_dbus(bool machine_services) {
  return ChildProcess({"dbus-daemon", "--config-file=" + bus_config(machine_services), "--nofork",
                       "--nopidfile", "--print-address=1"});
}

}  // namespace

Xvfb::Xvfb() : process_(start_xvfb()) {
  const std::string number = process_.read_line(10000);
  if (number.empty())
    throw std::runtime_error("Xvfb did not start (is the xvfb package installed?)");
  display_ = ":" + number;
}

DbusDaemon::DbusDaemon(bool machine_services) : process_(start_dbus(machine_services)) {
  address_ = process_.read_line(10000);
  if (address_.empty()) throw std::runtime_error("dbus-daemon did not start");
}

}  // namespace sitstretch::test
