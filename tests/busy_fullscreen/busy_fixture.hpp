#pragma once

// Shared pieces of the fullscreen and camera source tests: an io_context run until a condition
// holds, and a sink that records what the source reports.

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "busy/busy_source.hpp"

namespace sitstretch::busy::test {

using namespace std::chrono_literals;

class BusyFixture {
 public:
  BusyContext context() {
    BusyContext c{io_, [this](core::BusyReason r, bool busy) { reports_.emplace_back(r, busy); }};
    c.log = [this](std::string_view line) { log_.emplace_back(line); };
    return c;
  }
  boost::asio::io_context& io() { return io_; }
  const std::vector<std::pair<core::BusyReason, bool>>& reports() const { return reports_; }
  const std::vector<std::string>& log() const { return log_; }

  // The last state reported: false before any report.
  bool busy() const { return !reports_.empty() && reports_.back().second; }

  // Runs the loop until `done` holds or `timeout` passed; returns whether it held. Between
  // handlers it looks at `done` again, so conditions on the outside world (a window manager's
  // answer) are seen as soon as the loop wakes for them.
  bool run_until(const std::function<bool()>& done, std::chrono::milliseconds timeout = 5s) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
      const auto now = std::chrono::steady_clock::now();
      if (now >= deadline) return false;
      if (io_.run_one_for(std::min<std::chrono::steady_clock::duration>(deadline - now, 50ms)) ==
          0) {
        io_.restart();
      }
    }
    return true;
  }

  // Runs the loop for `duration` and returns how many handlers ran: 0 when nothing woke it.
  std::size_t run_for(std::chrono::milliseconds duration) {
    io_.restart();
    const std::size_t handlers = io_.run_for(duration);
    io_.restart();
    return handlers;
  }

  // The reports so far, as "busy"/"free" words, for assertions that read like the log.
  std::vector<std::string> words() const {
    std::vector<std::string> out;
    for (const auto& [reason, busy] : reports_) {
      out.push_back((busy ? "busy " : "free ") + std::string(core::to_string(reason)));
    }
    return out;
  }

 private:
  boost::asio::io_context io_;
  std::vector<std::pair<core::BusyReason, bool>> reports_;
  std::vector<std::string> log_;
};

}  // namespace sitstretch::busy::test
