#include "sway_session.hpp"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>

namespace sitstretch::busy::test {
namespace {

using namespace std::chrono_literals;
constexpr const char* kTestUser = "sitstretch-test";

std::vector<std::string> as_test_user(const std::string& dir) {
  if (getuid() != 0) return {};
  if (getpwnam(kTestUser) == nullptr) {
    sitstretch::test::run_command(
        {"useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", kTestUser});
  }
  const passwd* user = getpwnam(kTestUser);
  if (user == nullptr || chown(dir.c_str(), user->pw_uid, user->pw_gid) != 0) {
    throw std::runtime_error(std::string("cannot run sway as ") + kTestUser);
  }
  return {"setpriv",
          "--reuid=" + std::to_string(user->pw_uid),
          "--regid=" + std::to_string(user->pw_gid),
          "--clear-groups",
          "--pdeathsig",
          "TERM"};
}

sitstretch::test::ChildProcess start_sway(const sitstretch::test::TempDir& dir) {
  const std::string config = dir.write("sway.conf", "xwayland enable\n");
  chmod(dir.path().c_str(), 0755);
  std::vector<std::string> argv = as_test_user(dir.path());
  for (const char* arg : {"sway", "-c"}) argv.emplace_back(arg);
  argv.push_back(config);
  return sitstretch::test::ChildProcess(
      argv, {"XDG_RUNTIME_DIR=" + dir.path(), "HOME=" + dir.path(), "WLR_BACKENDS=headless",
             "WLR_LIBINPUT_NO_DEVICES=1", "WLR_RENDERER=pixman", "WAYLAND_DISPLAY=", "DISPLAY="});
}

template <typename Done>
bool wait_for(Done done) {
  const auto deadline = std::chrono::steady_clock::now() + 15s;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(50ms);
  }
  return true;
}

}  // namespace

SwaySession& SwaySession::shared() {
  static SwaySession session;
  return session;
}

SwaySession::SwaySession() : sway_(start_sway(dir_)) {
  const bool up = wait_for([&] {
    for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
      const std::string name = entry.path().filename();
      if (entry.is_socket() && name.starts_with("sway-ipc.")) ipc_socket_ = entry.path();
      if (entry.is_socket() && name.starts_with("wayland-")) wayland_socket_ = entry.path();
    }
    return !ipc_socket_.empty() && !wayland_socket_.empty();
  });
  if (!up) throw std::runtime_error("sway made no IPC socket");
  swaymsg({"exec", "xmessage a-window-in-front"});
  const bool shown = wait_for([&] {
    const auto tree = sitstretch::test::run_command({"swaymsg", "-t", "get_tree"}, "",
                                                    {"SWAYSOCK=" + ipc_socket_});
    return tree.out.find("\"a-window-in-front\"") != std::string::npos ||
           tree.out.find("\"xmessage\"") != std::string::npos;
  });
  if (!shown) throw std::runtime_error("xmessage did not appear in sway (Xwayland?)");
}

void SwaySession::swaymsg(const std::vector<std::string>& args) const {
  std::vector<std::string> argv{"swaymsg", "--"};
  argv.insert(argv.end(), args.begin(), args.end());
  const auto result = sitstretch::test::run_command(argv, "", {"SWAYSOCK=" + ipc_socket_});
  if (result.exit_code != 0) throw std::runtime_error("swaymsg failed: " + result.out);
}

}  // namespace sitstretch::busy::test
