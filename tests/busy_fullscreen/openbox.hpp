#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "run_command.hpp"

struct xcb_connection_t;

namespace sitstretch::busy::test {

// A real window manager (openbox) on an X display, and an X connection of the test's own that
// makes windows for it to manage.
class Openbox {
 public:
  // Starts openbox on `display` and waits until it is done starting.
  explicit Openbox(std::string display);
  ~Openbox();
  Openbox(const Openbox&) = delete;
  Openbox& operator=(const Openbox&) = delete;

  // openbox on a private Xvfb, started once for the test executable.
  static Openbox& on_private_xvfb();

  const std::string& display() const { return display_; }

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
  bool window_is_managed(std::uint32_t window);

  std::string display_;
  sitstretch::test::TempDir dir_;
  sitstretch::test::ChildProcess openbox_;
  xcb_connection_t* connection_ = nullptr;
  std::uint32_t root_ = 0;
  std::uint32_t net_active_window_ = 0;
};

}  // namespace sitstretch::busy::test
