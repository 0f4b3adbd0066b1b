#include "idle/wayland_connection.hpp"

#include <wayland-client.h>

#include <algorithm>
#include <boost/asio/post.hpp>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace sitstretch::idle {

namespace {

void on_global(void* data, wl_registry* /*registry*/, std::uint32_t name, const char* interface,
               std::uint32_t version) {
  static_cast<std::vector<WaylandConnection::Global>*>(data)->push_back({name, interface, version});
}

void on_global_remove(void* data, wl_registry* /*registry*/, std::uint32_t name) {
  auto* globals = static_cast<std::vector<WaylandConnection::Global>*>(data);
  std::erase_if(*globals, [name](const auto& global) { return global.name == name; });
}

const wl_registry_listener registry_listener = {on_global, on_global_remove};

// libwayland falls back to "wayland-0" when $WAYLAND_DISPLAY is unset; a daemon started outside
// a Wayland session must not pick up a stray compositor that way.
std::string display_from_env() {
  const char* env = std::getenv("WAYLAND_DISPLAY");
  return env ? env : "";
}

}  // namespace

std::unique_ptr<WaylandConnection> WaylandConnection::open(boost::asio::io_context& io,
                                                           const std::string& display_name,
                                                           std::string* error) {
  const std::string name = display_name.empty() ? display_from_env() : display_name;
  std::string why;
  wl_display* display = nullptr;
  if (name.empty()) {
    why = "no Wayland compositor ($WAYLAND_DISPLAY is not set)";
  } else if ((display = wl_display_connect(name.c_str())) == nullptr) {
    why = "cannot connect to Wayland compositor \"" + name + "\"";
  }
  std::unique_ptr<WaylandConnection> self;
  if (display) {
    self.reset(new WaylandConnection(io, display, name));
    if (!self->list_globals()) {
      why = "Wayland compositor \"" + name + "\" closed the connection";
      self.reset();
    }
  }
  if (!why.empty() && error) *error = why;
  return self;
}

WaylandConnection::WaylandConnection(boost::asio::io_context& io, wl_display* display,
                                     std::string name)
    : io_(io),
      display_(display),
      name_(std::move(name)),
      descriptor_(io, wl_display_get_fd(display)) {}

WaylandConnection::~WaylandConnection() {
  if (reading_) wl_display_cancel_read(display_);
  // libwayland owns the fd: release it from Asio (cancelling the wait) so that only
  // wl_display_disconnect closes it. The compositor frees a closed client's objects.
  descriptor_.release();
  if (registry_) wl_registry_destroy(registry_);
  wl_display_disconnect(display_);
}

bool WaylandConnection::list_globals() {
  registry_ = wl_display_get_registry(display_);
  wl_registry_add_listener(registry_, &registry_listener, &globals_);
  return wl_display_roundtrip(display_) >= 0;
}

const WaylandConnection::Global* WaylandConnection::find(const std::string& interface) const {
  auto it = std::find_if(globals_.begin(), globals_.end(),
                         [&](const Global& global) { return global.interface == interface; });
  return it == globals_.end() ? nullptr : &*it;
}

void* WaylandConnection::bind(const Global& global, const wl_interface* interface,
                              std::uint32_t version) {
  return wl_registry_bind(registry_, global.name, interface, std::min(version, global.version));
}

void WaylandConnection::start() {
  wait();
}

void WaylandConnection::flush() {
  if (lost_) return;
  // EAGAIN: the socket buffer is full; the next wait() flushes the rest.
  if (wl_display_flush(display_) < 0 && errno != EAGAIN) lose("sending");
}

void WaylandConnection::post(std::function<void()> fn) {
  boost::asio::post(io_, [alive = std::weak_ptr<char>(alive_), fn = std::move(fn)] {
    if (!alive.expired()) fn();
  });
}

// libwayland's protocol for an outside loop: announce the read (dispatching whatever is already
// queued first), flush our requests, then sleep until the fd is readable.
void WaylandConnection::wait() {
  while (!lost_ && wl_display_prepare_read(display_) != 0) {
    if (wl_display_dispatch_pending(display_) < 0) lose("dispatching events");
  }
  if (lost_) return;
  reading_ = true;
  flush();
  if (lost_) return;
  descriptor_.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                         [this, alive = std::weak_ptr<char>(alive_)](boost::system::error_code ec) {
                           if (alive.expired() || ec) return;
                           on_readable();
                         });
}

void WaylandConnection::on_readable() {
  reading_ = false;
  if (wl_display_read_events(display_) < 0) return lose("reading events");
  if (wl_display_dispatch_pending(display_) < 0) return lose("dispatching events");
  wait();
}

// Logs once, then falls silent: the daemon carries on without this idle source.
void WaylandConnection::lose(const char* what) {
  if (lost_) return;
  lost_ = true;
  if (reading_) wl_display_cancel_read(display_);
  reading_ = false;
  const int code = wl_display_get_error(display_);
  std::fprintf(stderr,
               "sitstretchd: lost the connection to Wayland compositor \"%s\" while %s (%s); "
               "Wayland idle detection stops\n",
               name_.c_str(), what, std::strerror(code ? code : EPIPE));
}

}  // namespace sitstretch::idle
