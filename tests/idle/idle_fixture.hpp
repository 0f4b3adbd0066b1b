#pragma once

// Shared pieces of the idle tests: a private Xvfb, an io_context run with timeouts, the boot
// clock, a recording sink, and real input through xdotool (XTEST) on the private display.

#include <time.h>

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "child_process.hpp"
#include "idle/presence_source.hpp"

namespace sitstretch::idle::test {

using namespace std::chrono_literals;
using core::Ms;

inline Ms boot_now() {
  timespec ts{};
  clock_gettime(CLOCK_BOOTTIME, &ts);
  return Ms(static_cast<long long>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000);
}

// When an input happened, bracketed by the boot clock before and after xdotool ran.
struct InputTime {
  Ms before;
  Ms after;
};

class IdleFixture {
 public:
  IdleFixture() : xvfb_(std::make_unique<sitstretch::test::Xvfb>()), display_(xvfb_->display()) {}

  const std::string& display() const { return display_; }
  boost::asio::io_context& io() { return io_; }
  std::vector<PresenceEvent>& events() { return events_; }

  PresenceSink sink() {
    return [this](const PresenceEvent& event) { events_.push_back(event); };
  }
  static BootClock clock() { return &boot_now; }

  // Moves the pointer on the private display, back and forth so it never sticks at an edge.
  InputTime input() {
    const Ms before = boot_now();
    const char* step = (moves_++ % 2 == 0) ? "5 5" : "-5 -5";
    const std::string command =
        "DISPLAY=" + display_ + " xdotool mousemove_relative -- " + step + " >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("xdotool failed");
    return {before, boot_now()};
  }

  // Runs the loop until `count` events arrived or `timeout` passed; returns whether they did.
  bool run_until_events(std::size_t count, Ms timeout) {
    return run_until([&] { return events_.size() >= count; }, timeout);
  }

  bool run_until(const std::function<bool()>& done, Ms timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
      const auto now = std::chrono::steady_clock::now();
      if (now >= deadline) return false;
      if (io_.run_one_for(deadline - now) == 0 && io_.stopped()) {
        io_.restart();  // out of work (e.g. the display went away): just let time pass
        std::this_thread::sleep_for(5ms);
      }
    }
    return true;
  }

  // Runs the loop for `duration`; returns how many handlers ran (wakeups of the daemon).
  std::size_t run_for(Ms duration) {
    const std::size_t handlers = io_.run_for(duration);
    if (io_.stopped()) io_.restart();
    return handlers;
  }

  // Stops the X server under the source's feet.
  void kill_x_server() { xvfb_.reset(); }

 private:
  std::unique_ptr<sitstretch::test::Xvfb> xvfb_;
  std::string display_;
  boost::asio::io_context io_;
  std::vector<PresenceEvent> events_;
  int moves_ = 0;
};

}  // namespace sitstretch::idle::test
