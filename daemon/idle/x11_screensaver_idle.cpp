#include "idle/x11_screensaver_idle.hpp"

#include <xcb/screensaver.h>

#include <algorithm>
#include <cstdlib>

#include "idle/x11_connection.hpp"

namespace sitstretch::idle {

namespace {

core::Ms sane(core::Ms duration) {
  return std::max(duration, core::Ms(1));
}

// Two readings of "when was the last input" (our clock minus the server's idle time) differ by
// a round trip's worth; anything within this is the same input.
constexpr core::Ms kSameInput{50};

}  // namespace

std::unique_ptr<X11ScreenSaverIdle> X11ScreenSaverIdle::open(
    boost::asio::io_context& io, PresenceSink sink, BootClock clock, core::Ms idle_after,
    const std::string& display_name, std::string* error, core::Ms poll_while_idle) {
  std::string why;
  auto connection = X11Connection::open(io, display_name, &why);
  const xcb_query_extension_reply_t* extension =
      connection ? xcb_get_extension_data(connection->get(), &xcb_screensaver_id) : nullptr;
  if (connection && (!extension || !extension->present)) {
    why = "the X server has no MIT-SCREEN-SAVER extension";
  }
  if (!why.empty()) {
    if (error) *error = why;
    return nullptr;
  }
  const int event_base = extension->first_event;
  xcb_screensaver_select_input(connection->get(), connection->root(),
                               XCB_SCREENSAVER_EVENT_NOTIFY_MASK);
  std::unique_ptr<X11ScreenSaverIdle> self(
      new X11ScreenSaverIdle(io, std::move(connection), std::move(sink), std::move(clock),
                             idle_after, poll_while_idle, event_base));
  self->connection_->start(
      [raw = self.get()](const xcb_generic_event_t& event) { raw->on_event(event); });
  self->check();
  return self;
}

X11ScreenSaverIdle::X11ScreenSaverIdle(boost::asio::io_context& io,
                                       std::unique_ptr<X11Connection> connection, PresenceSink sink,
                                       BootClock clock, core::Ms idle_after,
                                       core::Ms poll_while_idle, int event_base)
    : connection_(std::move(connection)),
      sink_(std::move(sink)),
      clock_(std::move(clock)),
      threshold_(sane(idle_after)),
      poll_while_idle_(sane(poll_while_idle)),
      event_base_(event_base),
      timer_(io) {}

X11ScreenSaverIdle::~X11ScreenSaverIdle() = default;

void X11ScreenSaverIdle::set_threshold(core::Ms idle_after) {
  threshold_ = sane(idle_after);
  if (!idle_) check();  // while idle, the new value applies after `active`
}

std::optional<core::Ms> X11ScreenSaverIdle::idle_for() {
  auto idle = query();
  connection_->flush();  // the round trip may have queued screen saver events
  return idle;
}

std::optional<core::Ms> X11ScreenSaverIdle::query() {
  if (!connection_->ok()) return std::nullopt;
  xcb_connection_t* c = connection_->get();
  std::unique_ptr<xcb_screensaver_query_info_reply_t, decltype(&std::free)> info(
      xcb_screensaver_query_info_reply(c, xcb_screensaver_query_info(c, connection_->root()),
                                       nullptr),
      &std::free);
  if (!info || !connection_->ok()) return std::nullopt;
  return core::Ms(info->ms_since_user_input);
}

// The one place the state changes: reads the idle time, reports what changed and arms the
// timer for the next moment anything can change. Runs on the loop thread.
void X11ScreenSaverIdle::check() {
  const std::optional<core::Ms> idle = query();
  if (!idle) {
    timer_.cancel();  // the display is gone; nothing more to learn
    return;
  }
  const auto last_input = std::chrono::steady_clock::now() - *idle;
  if (idle_) {
    if (last_input <= last_input_ + kSameInput) {
      arm(poll_while_idle_);
      connection_->flush();
      return;
    }
    idle_ = false;
    emit(core::Signal::active, clock_());
  }
  if (*idle >= threshold_) {
    idle_ = true;
    last_input_ = last_input;
    emit(core::Signal::idle, clock_() - *idle);
    arm(poll_while_idle_);
  } else {
    arm(threshold_ - *idle);
  }
  connection_->flush();
}

void X11ScreenSaverIdle::arm(core::Ms delay) {
  timer_.expires_after(delay);  // cancels the previous wait, if any
  timer_.async_wait([this, alive = connection_->guard()](boost::system::error_code ec) {
    if (alive.expired() || ec) return;
    check();
  });
}

// The server's own screen saver switched on or off. Off while we are idle usually means input
// came back: re-check at once instead of at the next poll.
void X11ScreenSaverIdle::on_event(const xcb_generic_event_t& event) {
  if ((event.response_type & 0x7f) != event_base_ + XCB_SCREENSAVER_NOTIFY) return;
  if (idle_) check();
}

void X11ScreenSaverIdle::emit(core::Signal signal, core::Ms at) {
  connection_->post([this, event = PresenceEvent{signal, at}] { sink_(event); });
}

}  // namespace sitstretch::idle
