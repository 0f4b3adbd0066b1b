#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <functional>
#include <memory>
#include <string>

// Xlib's own type names, declared here so that this header needs no X11 include (Xlib.h defines
// macros such as None, Bool and Status that clash with ordinary C++ code).
struct _XDisplay;
union _XEvent;

namespace sitstretch::idle {

// One Xlib connection driven by an Asio io_context, shared plumbing of the X11 idle sources.
// The connection's fd is watched with async_wait(wait_read); when readable, every queued event
// is handed to the handler (XPending/XNextEvent). Protocol errors and a lost server are logged,
// never fatal: after the server goes away ok() turns false, the connection stops watching and
// its owner must make no more Xlib calls. Everything runs on the loop thread.
class X11Connection {
 public:
  using EventHandler = std::function<void(_XEvent& event)>;

  // Opens display_name (empty: $DISPLAY). On failure returns nullptr and sets *error to a
  // one-line reason.
  static std::unique_ptr<X11Connection> open(boost::asio::io_context& io,
                                             const std::string& display_name, std::string* error);
  ~X11Connection();
  X11Connection(const X11Connection&) = delete;
  X11Connection& operator=(const X11Connection&) = delete;

  _XDisplay* display() const { return display_; }
  bool ok() const { return !lost_; }

  // Starts delivering events to handler. Call once, after the owner set up its requests.
  void start(EventHandler handler);

  // Sends buffered requests to the server, and schedules a drain of events that Xlib may have
  // read into its queue while waiting for a reply (the fd would not wake us for those). Call
  // after every burst of requests made outside the event handler.
  void flush();

  // Runs fn later on the loop thread, unless this connection has been destroyed by then. The
  // sources use it to call their sink from a fresh handler (see PresenceSink).
  void post(std::function<void()> fn);

  // Expires when the connection is destroyed; handlers of timers owned next to the connection
  // check it before touching their owner.
  std::weak_ptr<void> guard() const { return alive_; }

 private:
  X11Connection(boost::asio::io_context& io, _XDisplay* display);
  void wait();
  void drain();
  static void on_io_error_exit(_XDisplay* display, void* self);

  boost::asio::io_context& io_;
  _XDisplay* display_;
  boost::asio::posix::stream_descriptor descriptor_;
  EventHandler handler_;
  std::shared_ptr<char> alive_ = std::make_shared<char>();
  bool lost_ = false;
  bool drain_posted_ = false;
};

}  // namespace sitstretch::idle
