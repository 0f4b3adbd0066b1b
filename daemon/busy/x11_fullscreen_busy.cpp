#include "busy/x11_fullscreen_busy.hpp"

#include <xcb/xcb.h>

#include <array>
#include <boost/asio/post.hpp>
#include <cstdlib>

namespace sitstretch::busy {
namespace {

// A reply that frees itself.
template <typename Reply>
using Owned = std::unique_ptr<Reply, decltype(&std::free)>;

template <typename Reply>
Owned<Reply> owned(Reply* reply) {
  return Owned<Reply>(reply, &std::free);
}

std::string display_shown(const std::string& display) {
  if (!display.empty()) return display;
  const char* env = std::getenv("DISPLAY");
  return env != nullptr ? env : "";
}

}  // namespace

std::unique_ptr<X11FullscreenBusy> X11FullscreenBusy::open(const BusyContext& context,
                                                           const std::string& display,
                                                           std::string* error) {
  const std::string shown = display_shown(display);
  if (shown.empty()) {
    if (error) *error = "no X display ($DISPLAY is not set)";
    return nullptr;
  }
  int screen_number = 0;
  xcb_connection_t* connection = xcb_connect(shown.c_str(), &screen_number);
  if (xcb_connection_has_error(connection)) {
    xcb_disconnect(connection);
    if (error) *error = "cannot open X display \"" + shown + "\"";
    return nullptr;
  }
  std::unique_ptr<X11FullscreenBusy> self(new X11FullscreenBusy(context, connection, shown));
  xcb_screen_iterator_t screens = xcb_setup_roots_iterator(xcb_get_setup(connection));
  for (int i = 0; i < screen_number && screens.rem > 0; ++i) xcb_screen_next(&screens);
  self->root_ = screens.data->root;
  if (!self->intern_atoms()) {
    if (error) *error = "X display \"" + shown + "\" did not answer";
    return nullptr;
  }
  const std::uint32_t mask = XCB_EVENT_MASK_PROPERTY_CHANGE;
  xcb_change_window_attributes(connection, self->root_, XCB_CW_EVENT_MASK, &mask);
  self->follow_active_window();
  self->wait();
  // Events that arrived during the round trips above wait in xcb's queue, not on the fd; the
  // sink is called from a handler of our own, never from inside open().
  boost::asio::post(context.io, [self = self.get(), alive = std::weak_ptr<char>(self->alive_)] {
    if (alive.expired()) return;
    self->drain();
    self->report();
  });
  return self;
}

X11FullscreenBusy::X11FullscreenBusy(const BusyContext& context, xcb_connection_t* connection,
                                     std::string name)
    : sink_(context.sink),
      log_(context.log),
      connection_(connection),
      name_(std::move(name)),
      descriptor_(context.io, xcb_get_file_descriptor(connection)) {}

X11FullscreenBusy::~X11FullscreenBusy() {
  // xcb owns the fd: release it from Asio (cancelling the wait) so that only xcb closes it. The
  // server forgets a closed connection's event selections.
  descriptor_.release();
  xcb_disconnect(connection_);
}

bool X11FullscreenBusy::intern_atoms() {
  constexpr std::array<const char*, 3> kNames{"_NET_ACTIVE_WINDOW", "_NET_WM_STATE",
                                              "_NET_WM_STATE_FULLSCREEN"};
  std::array<xcb_intern_atom_cookie_t, 3> cookies{};
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    cookies[i] =
        xcb_intern_atom(connection_, 0, std::char_traits<char>::length(kNames[i]), kNames[i]);
  }
  std::array<std::uint32_t*, 3> atoms{&net_active_window_, &net_wm_state_,
                                      &net_wm_state_fullscreen_};
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    auto reply = owned(xcb_intern_atom_reply(connection_, cookies[i], nullptr));
    if (!reply) return false;
    *atoms[i] = reply->atom;
  }
  return true;
}

std::string X11FullscreenBusy::describe() const {
  if (lost_) return "fullscreen: none (lost the connection to X display " + name_ + ")";
  return "fullscreen: X11 display " + name_ +
         ", the active window's _NET_WM_STATE_FULLSCREEN, followed with PropertyNotify" +
         (active_ == 0 ? " (no active window now)" : "");
}

// Reads _NET_ACTIVE_WINDOW and moves our PropertyNotify selection to that window, so that only
// the window in front can wake the daemon. The selection comes before the read of its state, so
// that no change in between goes unseen.
void X11FullscreenBusy::follow_active_window() {
  auto reply = owned(xcb_get_property_reply(
      connection_,
      xcb_get_property(connection_, 0, root_, net_active_window_, XCB_ATOM_WINDOW, 0, 1), nullptr));
  std::uint32_t active = 0;
  if (reply && reply->format == 32 && xcb_get_property_value_length(reply.get()) >= 4) {
    active = *static_cast<std::uint32_t*>(xcb_get_property_value(reply.get()));
  }
  if (active != active_) {
    const std::uint32_t none = XCB_EVENT_MASK_NO_EVENT;
    // Structure too: a window manager may leave _NET_ACTIVE_WINDOW naming a window that was
    // closed (openbox does, when it was the last one), and only its unmapping tells.
    const std::uint32_t property = XCB_EVENT_MASK_PROPERTY_CHANGE | XCB_EVENT_MASK_STRUCTURE_NOTIFY;
    // A window already destroyed answers with a BadWindow error event, which drain() ignores.
    if (active_ != 0 && active_ != root_) {
      xcb_change_window_attributes(connection_, active_, XCB_CW_EVENT_MASK, &none);
    }
    if (active != 0 && active != root_) {
      xcb_change_window_attributes(connection_, active, XCB_CW_EVENT_MASK, &property);
    }
    active_ = active;
  }
  fullscreen_ = active_is_fullscreen();
}

bool X11FullscreenBusy::active_is_fullscreen() {
  if (active_ == 0) return false;
  auto reply = owned(xcb_get_property_reply(
      connection_, xcb_get_property(connection_, 0, active_, net_wm_state_, XCB_ATOM_ATOM, 0, 64),
      nullptr));
  if (!reply || reply->format != 32) return false;
  const auto* atoms = static_cast<const std::uint32_t*>(xcb_get_property_value(reply.get()));
  const int count = xcb_get_property_value_length(reply.get()) / 4;
  for (int i = 0; i < count; ++i) {
    if (atoms[i] == net_wm_state_fullscreen_) return true;
  }
  return false;
}

void X11FullscreenBusy::wait() {
  descriptor_.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                         [this, alive = std::weak_ptr<char>(alive_)](boost::system::error_code ec) {
                           if (alive.expired() || ec) return;
                           drain();
                           report();
                           if (!lost_) wait();
                         });
}

// Handles every event received, including those the handlers' own round trips queue.
void X11FullscreenBusy::drain() {
  while (!lost_) {
    auto event = owned(xcb_poll_for_event(connection_));
    if (!event) break;
    const int type = event->response_type & 0x7f;
    if (type == XCB_PROPERTY_NOTIFY) {
      const auto* notify = reinterpret_cast<const xcb_property_notify_event_t*>(event.get());
      on_property_change(notify->window, notify->atom);
    } else if (type == XCB_UNMAP_NOTIFY) {
      const auto* unmap = reinterpret_cast<const xcb_unmap_notify_event_t*>(event.get());
      if (unmap->window == active_) fullscreen_ = false;  // closed or minimised: not in front
    } else if (type == XCB_MAP_NOTIFY) {
      const auto* map = reinterpret_cast<const xcb_map_notify_event_t*>(event.get());
      if (map->window == active_) fullscreen_ = active_is_fullscreen();
    }
    // Others are ignored: errors (a window destroyed before our selection reached it), and the
    // active window's ConfigureNotify when it moves.
  }
  xcb_flush(connection_);  // the selection moved to a new active window
  if (!lost_ && xcb_connection_has_error(connection_)) {
    lost_ = true;
    fullscreen_ = false;
    log_("lost the connection to X display " + name_ + "; fullscreen windows go unseen");
  }
}

void X11FullscreenBusy::on_property_change(std::uint32_t window, std::uint32_t atom) {
  if (window == root_ && atom == net_active_window_) {
    follow_active_window();
  } else if (window == active_ && atom == net_wm_state_) {
    fullscreen_ = active_is_fullscreen();
  }
}

void X11FullscreenBusy::report() {
  if (fullscreen_ == reported_) return;
  reported_ = fullscreen_;
  sink_(core::BusyReason::fullscreen, fullscreen_);
}

}  // namespace sitstretch::busy
