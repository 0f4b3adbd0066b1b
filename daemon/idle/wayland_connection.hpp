#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

// libwayland-client's types, declared here so that users of this header need not include it.
struct wl_display;
struct wl_registry;
struct wl_interface;

namespace sitstretch::idle {

// One windowless Wayland client connection driven by an Asio io_context, shared plumbing of the
// Wayland idle sources. open() lists the compositor's globals with one round trip; start() then
// watches the fd with async_wait(wait_read) and reads and dispatches events the way libwayland
// asks of an outside loop (prepare_read, read_events, dispatch_pending, flush). A compositor that
// goes away, or a protocol error, is logged once: ok() turns false, the connection stops
// watching and its owner makes no more requests. Everything runs on the loop thread.
class WaylandConnection {
 public:
  struct Global {
    std::uint32_t name;
    std::string interface;
    std::uint32_t version;
  };

  // Connects to display_name (empty: $WAYLAND_DISPLAY, as libwayland does). On failure returns
  // nullptr and sets *error to a one-line reason.
  static std::unique_ptr<WaylandConnection> open(boost::asio::io_context& io,
                                                 const std::string& display_name,
                                                 std::string* error);
  ~WaylandConnection();
  WaylandConnection(const WaylandConnection&) = delete;
  WaylandConnection& operator=(const WaylandConnection&) = delete;

  wl_display* display() const { return display_; }
  const std::string& name() const { return name_; }
  bool ok() const { return !lost_; }

  // The first global of that interface the compositor announced; nullptr if none.
  const Global* find(const std::string& interface) const;
  // Binds a global at `version` (at most what it offers); returns the new proxy.
  void* bind(const Global& global, const wl_interface* interface, std::uint32_t version);

  // Starts reading and dispatching events. Call once, after the owner made its requests.
  void start();
  // Sends buffered requests; call after requests made outside an event handler.
  void flush();

  // Runs fn later on the loop thread, unless this connection has been destroyed by then.
  void post(std::function<void()> fn);

 private:
  WaylandConnection(boost::asio::io_context& io, wl_display* display, std::string name);
  bool list_globals();
  void wait();
  void on_readable();
  void lose(const char* what);

  boost::asio::io_context& io_;
  wl_display* display_;
  std::string name_;
  wl_registry* registry_ = nullptr;
  std::vector<Global> globals_;
  boost::asio::posix::stream_descriptor descriptor_;
  std::shared_ptr<char> alive_ = std::make_shared<char>();
  bool reading_ = false;  // between prepare_read and read_events / cancel_read
  bool lost_ = false;
};

}  // namespace sitstretch::idle
