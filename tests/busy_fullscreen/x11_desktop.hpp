#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "run_command.hpp"

struct xcb_connection_t;

namespace sitstretch::busy::test {

// A private Xvfb with a real window manager (openbox) on it, started once for the test
// executable, and an X connection of the test's own that makes windows for it to manage.
class X11Desktop {
 public:
  static X11Desktop& shared();
  ~X11Desktop();

  const std::string& display() const { return xvfb_.display(); }

  // Maps a new top-level window, which openbox makes the active one; returns its id once
  // openbox has said so (_NET_ACTIVE_WINDOW).
  std::uint32_t open_window();
  void close_window(std::uint32_t window);
  // The window manager's _NET_ACTIVE_WINDOW now.
  std::uint32_t active_window();

  // wmctrl -i ARGS, as a user's hotkey or script would run it, e.g. {"-r", id(w), "-b",
  // "add,fullscreen"} or {"-a", id(w)}.
  void wmctrl(const std::vector<std::string>& args);
  static std::string id(std::uint32_t window) { return std::to_string(window); }

 private:
  X11Desktop();
  bool window_is_managed(std::uint32_t window);
  sitstretch::test::TempDir dir_;
  sitstretch::test::Xvfb xvfb_;
  sitstretch::test::ChildProcess openbox_;
  xcb_connection_t* connection_ = nullptr;
  std::uint32_t root_ = 0;
  std::uint32_t net_active_window_ = 0;
};

}  // namespace sitstretch::busy::test
