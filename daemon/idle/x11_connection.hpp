#pragma once

#include <xcb/xcb.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <functional>
#include <memory>
#include <string>

namespace sitstretch::idle {

// One xcb connection driven by an Asio io_context, shared plumbing of the X11 idle sources.
// The connection's fd is watched with async_wait(wait_read); when readable, every queued event
// is handed to the handler (xcb_poll_for_event). Protocol errors and a lost server are logged,
// never fatal: after the server goes away ok() turns false, the connection stops watching and
// its owner must make no more requests. Everything runs on the loop thread.
// xcb rather than Xlib: the sources need a handful of requests, and libxcb is a tenth of
// libX11's size in the daemon's memory.
class X11Connection {
 public:
  using EventHandler = std::function<void(const xcb_generic_event_t& event)>;

  // Opens display_name (empty: $DISPLAY). On failure returns nullptr and sets *error to a
  // one-line reason.
  static std::unique_ptr<X11Connection> open(boost::asio::io_context& io,
                                             const std::string& display_name, std::string* error);
  ~X11Connection();
  X11Connection(const X11Connection&) = delete;
  X11Connection& operator=(const X11Connection&) = delete;

  xcb_connection_t* get() const { return connection_; }
  // The root window of the display's default screen.
  xcb_window_t root() const { return root_; }
  // False once the server is gone (logged once, when first noticed).
  bool ok();

  // Starts delivering events to handler. Call once, after the owner set up its requests.
  void start(EventHandler handler);

  // Sends buffered requests to the server, and schedules a drain of events that xcb may have
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
  X11Connection(boost::asio::io_context& io, xcb_connection_t* connection, xcb_window_t root,
                std::string shown_name);
  void wait();
  void drain();

  boost::asio::io_context& io_;
  xcb_connection_t* connection_;
  xcb_window_t root_;
  std::string shown_name_;  // the display as the user named it, for the log
  boost::asio::posix::stream_descriptor descriptor_;
  EventHandler handler_;
  std::shared_ptr<char> alive_ = std::make_shared<char>();
  bool lost_ = false;
  bool drain_posted_ = false;
};

}  // namespace sitstretch::idle
