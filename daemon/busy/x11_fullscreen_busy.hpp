#pragma once

#include <boost/asio/posix/stream_descriptor.hpp>
#include <cstdint>
#include <memory>
#include <string>

#include "busy/busy_source.hpp"

struct xcb_connection_t;

namespace sitstretch::busy {

// The `fullscreen` reason on X11: busy while the active window (the window manager's
// _NET_ACTIVE_WINDOW on the root) has _NET_WM_STATE_FULLSCREEN in its _NET_WM_STATE. Both are
// followed with PropertyNotify, on the root and on the active window (selected anew whenever the
// active window changes; its unmapping too), on an xcb connection of its own whose fd waits in the
// Asio loop: no polling. A lost X server is logged once and ends busy.
class X11FullscreenBusy final : public BusySource {
 public:
  // display: empty for $DISPLAY. nullptr with *error set when the display cannot be opened.
  static std::unique_ptr<X11FullscreenBusy> open(const BusyContext& context,
                                                 const std::string& display, std::string* error);
  ~X11FullscreenBusy() override;
  X11FullscreenBusy(const X11FullscreenBusy&) = delete;
  X11FullscreenBusy& operator=(const X11FullscreenBusy&) = delete;

  core::BusyReason reason() const override { return core::BusyReason::fullscreen; }
  std::string describe() const override;

 private:
  X11FullscreenBusy(const BusyContext& context, xcb_connection_t* connection, std::string name);
  bool intern_atoms();
  void follow_active_window();
  bool active_is_fullscreen();
  void wait();
  void drain();
  void on_property_change(std::uint32_t window, std::uint32_t atom);
  void report();

  BusySink sink_;
  session::LogSink log_;
  xcb_connection_t* connection_;
  std::string name_;  // the display, for describe() and the log
  std::uint32_t root_ = 0;
  std::uint32_t net_active_window_ = 0;
  std::uint32_t net_wm_state_ = 0;
  std::uint32_t net_wm_state_fullscreen_ = 0;
  std::uint32_t active_ = 0;  // the active window; 0 when none
  bool fullscreen_ = false;
  bool reported_ = false;
  bool lost_ = false;
  boost::asio::posix::stream_descriptor descriptor_;
  std::shared_ptr<char> alive_ = std::make_shared<char>();
};

}  // namespace sitstretch::busy
