#include "compositors.hpp"

#include <pwd.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <wayland-client.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "fake-input-client-protocol.h"

namespace sitstretch::wayland::test {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

constexpr auto kStartTimeout = 30s;
constexpr const char* kTestUser = "sitstretch-test";

// Whether a client can connect to socket and finish a round trip: the compositor is ready.
bool answers(const std::string& socket) {
  wl_display* display = wl_display_connect(socket.c_str());
  if (!display) return false;
  const bool ok = wl_display_roundtrip(display) >= 0;
  wl_display_disconnect(display);
  return ok;
}

// The first socket in dir whose name starts with prefix and ends with suffix; empty if none.
std::string find_socket(const fs::path& dir, const std::string& prefix, const std::string& suffix) {
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename();
    if (entry.is_socket() && name.starts_with(prefix) && name.ends_with(suffix)) {
      return entry.path();
    }
  }
  return {};
}

// The unprivileged user sway runs as when the tests run as root; created on first use.
passwd test_user() {
  if (getpwnam(kTestUser) == nullptr) {
    const auto made = sitstretch::test::run_command(
        {"useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", kTestUser});
    if (made.exit_code != 0) throw std::runtime_error("useradd failed: " + made.err);
  }
  const passwd* user = getpwnam(kTestUser);
  if (!user) throw std::runtime_error(std::string("no user ") + kTestUser);
  return *user;
}

void registry_global(void* data, wl_registry* registry, std::uint32_t name, const char* interface,
                     std::uint32_t /*version*/) {
  if (std::strcmp(interface, org_kde_kwin_fake_input_interface.name) == 0) {
    *static_cast<void**>(data) =
        wl_registry_bind(registry, name, &org_kde_kwin_fake_input_interface, 1);
  }
}

void registry_global_remove(void*, wl_registry*, std::uint32_t) {}

const wl_registry_listener registry_listener = {registry_global, registry_global_remove};

}  // namespace

core::Ms boot_now() {
  timespec ts{};
  clock_gettime(CLOCK_BOOTTIME, &ts);
  return core::Ms(static_cast<long long>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000);
}

Compositor::Compositor() = default;
Compositor::~Compositor() = default;

void Compositor::start(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                       const std::string& name) {
  // Through a shell only to send the compositor's chatter to a log file; exec keeps the pid.
  std::vector<std::string> shell = {"sh", "-c", "cd \"$0\" && exec \"$@\" >compositor.log 2>&1",
                                    dir_.path()};
  shell.insert(shell.end(), argv.begin(), argv.end());
  process_ = std::make_unique<sitstretch::test::ChildProcess>(shell, env);
  const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
  while (socket_.empty() || !answers(socket_)) {
    if (!process_->running()) throw std::runtime_error("the compositor exited:\n" + log_tail());
    if (std::chrono::steady_clock::now() > deadline) {
      throw std::runtime_error("the compositor did not start:\n" + log_tail());
    }
    std::this_thread::sleep_for(50ms);
    if (socket_.empty()) socket_ = find_socket(dir_.path(), name, "");
  }
}

void Compositor::kill() {
  process_->kill(SIGKILL);
  process_->wait(5000);
}

std::string Compositor::log_tail() const {
  std::ifstream in(dir_.file("compositor.log"));
  std::stringstream text;
  text << in.rdbuf();
  const std::string all = text.str();
  return all.size() > 3000 ? all.substr(all.size() - 3000) : all;
}

Kwin::Kwin() {
  // Under its own name: Qt picks its platform plugin by the binary's name.
  const fs::path bin = dir().file("bin/kwin_wayland");
  fs::create_directories(bin.parent_path());
  fs::copy_file("/usr/bin/kwin_wayland", bin);
  start({bin, "--virtual", "--no-lockscreen", "--no-global-shortcuts", "--no-kactivities",
         "--socket", "wayland-kwin"},
        {"XDG_RUNTIME_DIR=" + dir().path(), "XDG_CONFIG_HOME=" + dir().path() + "/config",
         "KWIN_COMPOSE=Q", "KWIN_WAYLAND_NO_PERMISSION_CHECKS=1", "WAYLAND_DISPLAY=", "DISPLAY="},
        "wayland-kwin");
  fake_input_ = std::make_unique<KwinFakeInput>(socket());
}

KwinFakeInput::KwinFakeInput(const std::string& socket) {
  display_ = wl_display_connect(socket.c_str());
  if (!display_) throw std::runtime_error("cannot connect to kwin for fake input");
  wl_registry* registry = wl_display_get_registry(display_);
  wl_registry_add_listener(registry, &registry_listener, &fake_input_);
  wl_display_roundtrip(display_);
  wl_registry_destroy(registry);
  if (!fake_input_) throw std::runtime_error("kwin offers no org_kde_kwin_fake_input");
  auto* fake = static_cast<org_kde_kwin_fake_input*>(fake_input_);
  org_kde_kwin_fake_input_authenticate(fake, "sitstretch tests", "idle detection tests");
  wl_display_roundtrip(display_);
}

KwinFakeInput::~KwinFakeInput() {
  if (fake_input_) wl_proxy_destroy(static_cast<wl_proxy*>(fake_input_));
  if (display_) wl_display_disconnect(display_);
}

// Back and forth, so that the pointer never sticks at an edge; the round trip returns once
// kwin has handled the motion.
InputTime KwinFakeInput::move() {
  const core::Ms before = boot_now();
  const int step = (moves_++ % 2 == 0) ? 5 : -5;
  org_kde_kwin_fake_input_pointer_motion(static_cast<org_kde_kwin_fake_input*>(fake_input_),
                                         wl_fixed_from_int(step), wl_fixed_from_int(step));
  if (wl_display_roundtrip(display_) < 0) throw std::runtime_error("kwin fake input failed");
  return {before, boot_now()};
}

Sway::Sway() {
  dir().write("sway.conf", "xwayland disable\n");
  std::vector<std::string> argv = {"sway", "-c", dir().path() + "/sway.conf"};
  if (getuid() == 0) {
    const passwd user = test_user();
    if (chown(dir().path().c_str(), user.pw_uid, user.pw_gid) != 0) {
      throw std::runtime_error("cannot hand the runtime directory to " + std::string(kTestUser));
    }
    argv.insert(argv.begin(), {"setpriv", "--reuid=" + std::to_string(user.pw_uid),
                               "--regid=" + std::to_string(user.pw_gid), "--clear-groups",
                               "--pdeathsig", "TERM"});
  }
  start(argv,
        {"XDG_RUNTIME_DIR=" + dir().path(), "HOME=" + dir().path(), "WLR_BACKENDS=headless",
         "WLR_LIBINPUT_NO_DEVICES=1", "WLR_RENDERER=pixman", "WAYLAND_DISPLAY=", "DISPLAY="},
        "wayland-");
  const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
  while ((ipc_socket_ = find_socket(dir().path(), "sway-ipc.", ".sock")).empty()) {
    if (std::chrono::steady_clock::now() > deadline) {
      throw std::runtime_error("sway made no IPC socket:\n" + log_tail());
    }
    std::this_thread::sleep_for(50ms);
  }
}

// Moves sway's seat cursor, which sway counts as pointer activity of that seat.
InputTime Sway::input() {
  const core::Ms before = boot_now();
  const std::string step = (moves_++ % 2 == 0) ? "10" : "-10";
  const auto moved =
      sitstretch::test::run_command({"swaymsg", "--", "seat", "-", "cursor", "move", step, step},
                                    "", {"SWAYSOCK=" + ipc_socket_});
  if (moved.exit_code != 0) throw std::runtime_error("swaymsg failed: " + moved.err + moved.out);
  return {before, boot_now()};
}

}  // namespace sitstretch::wayland::test
