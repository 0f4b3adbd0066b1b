#pragma once

#include <xcb/xcb.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <memory>
#include <string>

#include "idle/presence_source.hpp"

namespace sitstretch::idle {

class X11Connection;

// Fallback idle detection through the MIT-SCREEN-SAVER extension (XScreenSaverQueryInfo's
// `idle`: milliseconds since the last input), for X servers without SYNC's IDLETIME. The
// extension has no alarms, so this source keeps ONE timer:
//   active: armed for the exact moment idle time would reach the threshold; on expiry it
//           queries again (input may have come meanwhile) and either reports `idle` at
//           (now - idle time) or re-arms for the remainder. No wakeups while the user types.
//   idle:   resumed input must be noticed, and the server only tells us through
//           ScreenSaverNotify when its own screen saver switches off (selected, used when it
//           comes). Otherwise the timer re-queries every `poll_while_idle`: one wakeup and one
//           X round trip per interval (default 1 s) only while the user is away, and `active`
//           is reported up to that late.
// Runs on the loop thread of the io_context it was opened with.
class X11ScreenSaverIdle final : public IdleSource {
 public:
  static constexpr core::Ms kDefaultPollWhileIdle{1000};

  // Connects to display_name (empty: $DISPLAY) and starts watching. Returns nullptr, with a
  // one-line reason in *error, if there is no display or no MIT-SCREEN-SAVER extension.
  static std::unique_ptr<X11ScreenSaverIdle> open(boost::asio::io_context& io, PresenceSink sink,
                                                  BootClock clock, core::Ms idle_after,
                                                  const std::string& display_name = {},
                                                  std::string* error = nullptr,
                                                  core::Ms poll_while_idle = kDefaultPollWhileIdle);
  ~X11ScreenSaverIdle() override;

  std::string_view name() const override { return "x11-screensaver"; }
  void set_threshold(core::Ms idle_after) override;
  std::optional<core::Ms> idle_for() override;

 private:
  X11ScreenSaverIdle(boost::asio::io_context& io, std::unique_ptr<X11Connection> connection,
                     PresenceSink sink, BootClock clock, core::Ms idle_after,
                     core::Ms poll_while_idle, int event_base);
  std::optional<core::Ms> query();
  void check();
  void arm(core::Ms delay);
  void on_event(const xcb_generic_event_t& event);
  void emit(core::Signal signal, core::Ms at);

  std::unique_ptr<X11Connection> connection_;
  PresenceSink sink_;
  BootClock clock_;
  core::Ms threshold_;
  core::Ms poll_while_idle_;
  int event_base_;  // MIT-SCREEN-SAVER's first event number
  boost::asio::steady_timer timer_;
  bool idle_ = false;  // `idle` reported and no `active` since
  // While idle: when the last input happened, on the steady clock (CLOCK_MONOTONIC, which the X
  // server's idle time also counts in, so a suspend does not look like input). A later value
  // at the next query means input came meanwhile.
  std::chrono::steady_clock::time_point last_input_;
};

}  // namespace sitstretch::idle
