#include "idle/x11_connection.hpp"

#include <boost/asio/post.hpp>
#include <cstdio>
#include <cstdlib>

namespace sitstretch::idle {

namespace {

// A protocol error arrives as an event of type 0. It is logged once per process and otherwise
// ignored, as an idle source must never take the daemon down.
void log_x_error(const xcb_generic_error_t& error) {
  static bool logged = false;
  if (logged) return;
  logged = true;
  std::fprintf(stderr, "sitstretchd: X error %d ignored (request %d.%d); further ones silent\n",
               error.error_code, error.major_code, error.minor_code);
}

xcb_window_t root_of(xcb_connection_t* connection, int screen) {
  xcb_screen_iterator_t it = xcb_setup_roots_iterator(xcb_get_setup(connection));
  for (; it.rem > 0 && screen > 0; --screen) xcb_screen_next(&it);
  return it.rem > 0 ? it.data->root : XCB_NONE;
}

}  // namespace

std::unique_ptr<X11Connection> X11Connection::open(boost::asio::io_context& io,
                                                   const std::string& display_name,
                                                   std::string* error) {
  const char* env = std::getenv("DISPLAY");
  const std::string shown = !display_name.empty() ? display_name : env ? env : "";
  int screen = 0;
  xcb_connection_t* connection =
      xcb_connect(display_name.empty() ? nullptr : display_name.c_str(), &screen);
  const xcb_window_t root =
      xcb_connection_has_error(connection) ? XCB_NONE : root_of(connection, screen);
  if (root == XCB_NONE) {
    xcb_disconnect(connection);
    if (error) {
      *error = shown.empty() ? "no X display ($DISPLAY is not set)"
                             : "cannot open X display \"" + shown + "\"";
    }
    return nullptr;
  }
  return std::unique_ptr<X11Connection>(new X11Connection(io, connection, root, shown));
}

X11Connection::X11Connection(boost::asio::io_context& io, xcb_connection_t* connection,
                             xcb_window_t root, std::string shown_name)
    : io_(io),
      connection_(connection),
      root_(root),
      shown_name_(std::move(shown_name)),
      descriptor_(io, xcb_get_file_descriptor(connection)) {}

X11Connection::~X11Connection() {
  // xcb owns the fd: release it from Asio (cancelling the wait) so that only xcb_disconnect
  // closes it. The server frees the alarms and selections of a closed connection.
  descriptor_.release();
  xcb_disconnect(connection_);
}

bool X11Connection::ok() {
  if (!lost_ && xcb_connection_has_error(connection_) != 0) {
    lost_ = true;
    std::fprintf(stderr,
                 "sitstretchd: lost the connection to X display %s; X idle detection stops\n",
                 shown_name_.c_str());
  }
  return !lost_;
}

void X11Connection::start(EventHandler handler) {
  handler_ = std::move(handler);
  flush();
  wait();
}

void X11Connection::flush() {
  if (!ok()) return;
  xcb_flush(connection_);
  if (drain_posted_) return;
  drain_posted_ = true;
  post([this] {
    drain_posted_ = false;
    drain();
  });
}

void X11Connection::post(std::function<void()> fn) {
  boost::asio::post(io_, [alive = std::weak_ptr<char>(alive_), fn = std::move(fn)] {
    if (!alive.expired()) fn();
  });
}

void X11Connection::wait() {
  if (!ok()) return;
  descriptor_.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                         [this, alive = std::weak_ptr<char>(alive_)](boost::system::error_code ec) {
                           if (alive.expired() || ec) return;
                           drain();
                           wait();
                         });
}

// Hands every event already received to the handler. The handler may make requests and round
// trips, which can queue further events; xcb_poll_for_event sees those too.
void X11Connection::drain() {
  while (ok() && handler_) {
    std::unique_ptr<xcb_generic_event_t, decltype(&std::free)> event(
        xcb_poll_for_event(connection_), &std::free);
    if (!event) return;
    if (event->response_type == 0) {
      log_x_error(*reinterpret_cast<const xcb_generic_error_t*>(event.get()));
    } else {
      handler_(*event);
    }
  }
}

}  // namespace sitstretch::idle
