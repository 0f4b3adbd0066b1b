#pragma once

#include <xcb/xcb.h>

#include <boost/asio/io_context.hpp>
#include <memory>
#include <string>

#include "idle/presence_source.hpp"

namespace sitstretch::idle {

class X11Connection;

// Idle detection through the X SYNC extension's IDLETIME system counter (milliseconds since the
// last input on any device). The server does the timing: one alarm is armed at a time, so the
// daemon wakes only on transitions, never to poll.
//   active: alarm "IDLETIME >= threshold" fires -> report `idle` at (now - IDLETIME), the time
//           of the last input; then arm the second alarm:
//   idle:   alarm "IDLETIME <= value - 1" (value: the counter when idleness fired) fires once
//           the counter dropped, i.e. input resumed -> report `active` at now; re-arm the first.
// Comparison tests (not transitions) are used so that a condition already true when the alarm
// is armed fires at once: at start-up while already idle, and when input slipped in between.
// IDLETIME counts on the server's monotonic clock, which stops during suspend, so an `idle`
// whose input stopped before a suspend is dated late by the suspend's length; the daemon's
// sleep/wake signals account for that absence. Runs on the loop thread of its io_context.
class X11SyncIdle final : public IdleSource {
 public:
  // Connects to display_name (empty: $DISPLAY) and arms the first alarm. Returns nullptr, with
  // a one-line reason in *error, if there is no display or no SYNC extension with IDLETIME.
  static std::unique_ptr<X11SyncIdle> open(boost::asio::io_context& io, PresenceSink sink,
                                           BootClock clock, core::Ms idle_after,
                                           const std::string& display_name = {},
                                           std::string* error = nullptr);
  ~X11SyncIdle() override;

  std::string_view name() const override { return "x11-sync"; }
  void set_threshold(core::Ms idle_after) override;
  std::optional<core::Ms> idle_for() override;

 private:
  X11SyncIdle(std::unique_ptr<X11Connection> connection, PresenceSink sink, BootClock clock,
              core::Ms idle_after, unsigned int counter, int event_base);
  void arm_idle_alarm();
  void arm_active_alarm(long long below);
  void replace_alarm(unsigned int test_type, long long value);
  std::optional<long long> query_counter();
  void on_event(const xcb_generic_event_t& event);
  void on_alarm(long long counter_value);
  void emit(core::Signal signal, core::Ms at);

  std::unique_ptr<X11Connection> connection_;
  PresenceSink sink_;
  BootClock clock_;
  core::Ms threshold_;
  unsigned int counter_;    // the SYNC counter IDLETIME
  int event_base_;          // SYNC extension's first event number
  unsigned int alarm_ = 0;  // the one armed SYNC alarm; 0 while none
  bool idle_ = false;       // `idle` reported and no `active` since
};

// Picks the best X11 idle source on display_name (empty: $DISPLAY): X11SyncIdle, else
// X11ScreenSaverIdle. Returns nullptr when neither works (no display, no extension). Logs one
// line to stderr, once per process, when it falls back or fails.
std::unique_ptr<IdleSource> make_x11_idle(boost::asio::io_context& io, PresenceSink sink,
                                          BootClock clock, core::Ms idle_after,
                                          const std::string& display_name = {});

}  // namespace sitstretch::idle
