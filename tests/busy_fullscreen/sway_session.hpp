#pragma once

#include <string>
#include <vector>

#include "child_process.hpp"
#include "run_command.hpp"

namespace sitstretch::busy::test {

// A real headless sway 1.7 with Xwayland, and one X client window (xmessage) focused in it,
// started once for the test executable. Sway refuses to run as root, so as root it runs as an
// unprivileged user (as in tests/wayland).
class SwaySession {
 public:
  static SwaySession& shared();

  const std::string& ipc_socket() const { return ipc_socket_; }
  // The Wayland socket as an absolute path, which $WAYLAND_DISPLAY accepts.
  const std::string& wayland_socket() const { return wayland_socket_; }
  // swaymsg ARGS, as a user's key binding would run it, e.g. {"fullscreen", "enable"}.
  void swaymsg(const std::vector<std::string>& args) const;

 private:
  SwaySession();
  sitstretch::test::TempDir dir_;
  sitstretch::test::ChildProcess sway_;
  std::string ipc_socket_;
  std::string wayland_socket_;
};

}  // namespace sitstretch::busy::test
