#pragma once

#include <boost/asio/io_context.hpp>
#include <functional>
#include <string>

#include "core/busy.hpp"
#include "idle/idle_factory.hpp"
#include "session/log_sink.hpp"

namespace sitstretch::busy {

// A busy reason starts (true) or ends (false). Called on the loop thread, from a handler of the
// source's own (never from inside a call into it), and only on a change.
using BusySink = std::function<void(core::BusyReason reason, bool busy)>;

// One thing on the desktop that says the user must not be disturbed (SPEC §2 rule 9): the
// notification server's do-not-disturb, a fullscreen window in front, a camera in use. Each
// reports one reason through the sink it was made with, event-driven: a source wakes the daemon
// only when its outside system changes. Like the idle sources, a source never throws; when its
// outside system fails or goes away it logs one line and reports the reason ended.
class BusySource {
 public:
  virtual ~BusySource() = default;

  virtual core::BusyReason reason() const = 0;

  // One line for status and doctor: what is followed and how, e.g. "dnd: dunst (paused, via
  // org.dunstproject.cmd0)", or why nothing can be, e.g. "fullscreen: none (GNOME on Wayland
  // tells no client which window is fullscreen)".
  virtual std::string describe() const = 0;

  // For a source whose outside system signals no changes: ask it again now. The daemon calls
  // this only while a prompt is held or about to fall due, never on a timer while nothing is
  // held; sources that follow signals ignore it.
  virtual void recheck() {}

  // Whether this source can learn of a change only by recheck(): the daemon then rechecks while
  // a prompt is held and once just before one falls due.
  virtual bool needs_recheck() const { return false; }
};

std::string default_camera_dir();   // camera_busy.cpp
std::string default_sway_socket();  // $SWAYSOCK; sway_fullscreen_busy.cpp

// What every source is made with.
struct BusyContext {
  boost::asio::io_context& io;
  BusySink sink;
  session::LogSink log = session::log_to_stderr;
  // The desktop session the fullscreen sources read: the X display (--display) and whether this
  // is a Wayland session, where X11 sees only Xwayland's windows. The daemon passes its own.
  idle::IdleSession session = idle::IdleSession::from_process("");
  // Where video devices appear: $SITSTRETCH_CAMERA_DIR if set (tests and benchmarks point it at
  // stand-in device files), else /dev (camera_busy.cpp).
  std::string camera_dir = default_camera_dir();
  // sway's IPC socket, for the fullscreen source in a sway session.
  std::string sway_socket = default_sway_socket();
};

}  // namespace sitstretch::busy
