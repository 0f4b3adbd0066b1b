#include "idle/x11_connection.hpp"

#include <X11/Xlib.h>

#include <boost/asio/post.hpp>
#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace sitstretch::idle {

namespace {

// Xlib's default error handler exits the process on any protocol error; ours logs the first one
// and carries on, as an idle source must never take the daemon down. Process-wide by Xlib's
// design; the daemon's only Xlib user is this layer.
int log_x_error(Display* display, XErrorEvent* error) {
  static bool logged = false;
  if (!logged) {
    logged = true;
    char text[160] = "";
    XGetErrorText(display, error->error_code, text, sizeof text);
    std::fprintf(stderr, "sitstretchd: X error ignored: %s (request %d.%d); further ones silent\n",
                 text, error->request_code, error->minor_code);
  }
  return 0;
}

// Replaces Xlib's multi-line "XIO: fatal IO error" message. Since libX11 1.7 returning from
// here is allowed: the per-display exit handler (on_io_error_exit) runs next instead of exit().
int log_x_io_error(Display* display) {
  std::fprintf(stderr, "sitstretchd: lost the connection to X display %s; X idle detection stops\n",
               DisplayString(display));
  return 0;
}

void install_error_handlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    XSetErrorHandler(log_x_error);
    XSetIOErrorHandler(log_x_io_error);
  });
}

}  // namespace

std::unique_ptr<X11Connection> X11Connection::open(boost::asio::io_context& io,
                                                   const std::string& display_name,
                                                   std::string* error) {
  install_error_handlers();
  Display* display = XOpenDisplay(display_name.empty() ? nullptr : display_name.c_str());
  if (display == nullptr) {
    const char* env = std::getenv("DISPLAY");
    const std::string shown = !display_name.empty() ? display_name : env ? env : "";
    if (error) {
      *error = shown.empty() ? "no X display ($DISPLAY is not set)"
                             : "cannot open X display \"" + shown + "\"";
    }
    return nullptr;
  }
  return std::unique_ptr<X11Connection>(new X11Connection(io, display));
}

X11Connection::X11Connection(boost::asio::io_context& io, Display* display)
    : io_(io), display_(display), descriptor_(io, ConnectionNumber(display)) {
  XSetIOErrorExitHandler(display_, &X11Connection::on_io_error_exit, this);
}

X11Connection::~X11Connection() {
  // Xlib owns the fd: release it from Asio (cancelling the wait) so that only XCloseDisplay
  // closes it. The server frees the alarms and selections of a closed connection.
  descriptor_.release();
  XCloseDisplay(display_);
}

// Runs inside whichever Xlib call noticed the broken connection, on the loop thread.
void X11Connection::on_io_error_exit(Display* /*display*/, void* self) {
  static_cast<X11Connection*>(self)->lost_ = true;
}

void X11Connection::start(EventHandler handler) {
  handler_ = std::move(handler);
  flush();
  wait();
}

void X11Connection::flush() {
  if (lost_) return;
  XFlush(display_);
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
  if (lost_) return;
  descriptor_.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                         [this, alive = std::weak_ptr<char>(alive_)](boost::system::error_code ec) {
                           if (alive.expired() || ec) return;
                           drain();
                           wait();
                         });
}

// Hands every event already received to the handler. The handler may make requests and round
// trips, which can queue further events; XPending sees those too.
void X11Connection::drain() {
  while (!lost_ && handler_ && XPending(display_) > 0) {
    XEvent event;
    XNextEvent(display_, &event);
    handler_(event);
  }
}

}  // namespace sitstretch::idle
