#pragma once

// Real headless Wayland compositors for the Wayland idle tests, each started in a private
// runtime directory, with a way to make real input in it:
//   kwin_wayland 5.27 (ext_idle_notifier_v1 version 1 and org_kde_kwin_idle), input through the
//     org_kde_kwin_fake_input protocol;
//   sway 1.7 (org_kde_kwin_idle only), input through `swaymsg seat - cursor move`. Sway refuses
//     to run as root, so as root it runs as an unprivileged user created for the tests.

#include <memory>
#include <string>

#include "child_process.hpp"
#include "core/time.hpp"
#include "run_command.hpp"

struct wl_display;

namespace sitstretch::wayland::test {

// When an input happened, bracketed by the boot clock before and after it was made.
struct InputTime {
  core::Ms before;
  core::Ms after;
};

core::Ms boot_now();

class Compositor {
 public:
  virtual ~Compositor();
  // The compositor's socket as an absolute path, which wl_display_connect accepts.
  const std::string& socket() const { return socket_; }
  // Makes one real pointer input that the compositor counts as user activity.
  virtual InputTime input() = 0;
  // Stops the compositor under its clients' feet.
  void kill();
  // The tail of the compositor's log, for failure messages.
  std::string log_tail() const;

 protected:
  Compositor();
  // Starts argv (in the runtime directory) and waits until its socket `name` answers.
  void start(const std::vector<std::string>& argv, const std::vector<std::string>& env,
             const std::string& name);
  const sitstretch::test::TempDir& dir() const { return dir_; }

 private:
  sitstretch::test::TempDir dir_;
  std::unique_ptr<sitstretch::test::ChildProcess> process_;
  std::string socket_;
};

// A client of KWin's org_kde_kwin_fake_input protocol, which KWin treats as real input.
class KwinFakeInput {
 public:
  explicit KwinFakeInput(const std::string& socket);
  ~KwinFakeInput();
  KwinFakeInput(const KwinFakeInput&) = delete;
  KwinFakeInput& operator=(const KwinFakeInput&) = delete;
  // A relative pointer motion; returns once KWin has handled it.
  InputTime move();

 private:
  wl_display* display_ = nullptr;
  void* fake_input_ = nullptr;  // org_kde_kwin_fake_input
  int moves_ = 0;
};

// kwin_wayland --virtual, copied out of /usr/bin: the installed binary carries a file capability
// that a container's root may not be allowed to grant ("Operation not permitted").
class Kwin final : public Compositor {
 public:
  Kwin();
  InputTime input() override { return fake_input_->move(); }

 private:
  std::unique_ptr<KwinFakeInput> fake_input_;
};

// sway with the headless wlroots backend and an empty configuration (no Xwayland).
class Sway final : public Compositor {
 public:
  Sway();
  InputTime input() override;

 private:
  std::string ipc_socket_;
  int moves_ = 0;
};

}  // namespace sitstretch::wayland::test
