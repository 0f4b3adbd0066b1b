#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <functional>

#include "core/time.hpp"

namespace sitstretch::app {

// A one-shot timer on CLOCK_BOOTTIME, through a timerfd that Asio waits on. Asio's own timers
// run on CLOCK_MONOTONIC, which stops during suspend: a prompt due during a suspend would come
// late by the length of the suspend. Runs on the loop thread.
class BootTimer {
 public:
  explicit BootTimer(boost::asio::io_context& io);
  ~BootTimer();
  BootTimer(const BootTimer&) = delete;
  BootTimer& operator=(const BootTimer&) = delete;

  // Calls on_fire once at boot-time instant `at` (at once if it has passed); replaces any
  // earlier arming.
  void arm(core::Ms at, std::function<void()> on_fire);
  void disarm();

 private:
  void wait();

  boost::asio::posix::stream_descriptor fd_;
  std::function<void()> on_fire_;
  bool waiting_ = false;
};

}  // namespace sitstretch::app
