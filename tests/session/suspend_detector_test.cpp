#include <catch2/catch.hpp>

#include "session/clocks.hpp"
#include "session/suspend_detector.hpp"

using namespace std::chrono_literals;
using sitstretch::core::Ms;
using sitstretch::session::SleepSpan;
using sitstretch::session::SuspendDetector;

namespace {

// The two clocks of a machine: boottime runs always, monotonic stops while suspended.
struct Machine {
  Ms boottime{100'000};
  Ms monotonic{40'000};
  void run(Ms d) {
    boottime += d;
    monotonic += d;
  }
  void suspend(Ms d) { boottime += d; }
  std::optional<SleepSpan> observe(SuspendDetector& detector) const {
    return detector.observe(boottime, monotonic);
  }
};

}  // namespace

TEST_CASE("running without a suspend reports nothing", "[suspend]") {
  SuspendDetector detector;
  Machine m;
  CHECK_FALSE(m.observe(detector));  // baseline only
  for (int i = 0; i < 5; ++i) {
    m.run(1h);
    CHECK_FALSE(m.observe(detector));
  }
}

TEST_CASE("reading jitter and a suspend shorter than the threshold are ignored", "[suspend]") {
  SuspendDetector detector;
  Machine m;
  m.observe(detector);
  m.run(10s);
  CHECK_FALSE(detector.observe(m.boottime + 1ms, m.monotonic));  // boottime read a bit later
  m.run(10s);
  CHECK_FALSE(detector.observe(m.boottime, m.monotonic + 1ms));  // and then the other way
  m.run(10s);
  CHECK_FALSE(m.observe(detector));

  m.suspend(2s);  // exactly the threshold
  CHECK_FALSE(m.observe(detector));
  m.run(1min);
  CHECK_FALSE(m.observe(detector));  // the short suspend is not carried over either
}

TEST_CASE("a ten-minute suspend is reported with the time it began and ended", "[suspend]") {
  SuspendDetector detector;
  Machine m;
  m.observe(detector);
  m.run(5min);
  const Ms suspended_at = m.boottime;
  m.suspend(10min);
  const auto span = m.observe(detector);  // the loop wakes right at resume
  REQUIRE(span);
  CHECK(*span == SleepSpan{suspended_at, suspended_at + 10min});
  m.run(1min);
  CHECK_FALSE(m.observe(detector));  // reported once
}

TEST_CASE("a suspend noticed late still spans only the time asleep", "[suspend]") {
  SuspendDetector detector;
  Machine m;
  m.observe(detector);
  m.run(1min);
  m.suspend(10min);
  m.run(30s);  // nothing woke the loop for half a minute after resume
  const auto span = m.observe(detector);
  REQUIRE(span);
  CHECK(span->woke_at == m.boottime);
  CHECK(span->woke_at - span->slept_at == 10min);
  CHECK(span->slept_at >= Ms(100'000) + 1min);  // never before the suspend began
}

TEST_CASE("consecutive suspends are reported one by one", "[suspend]") {
  SuspendDetector detector;
  Machine m;
  m.observe(detector);
  m.suspend(3s);
  auto first = m.observe(detector);
  REQUIRE(first);
  CHECK(first->woke_at - first->slept_at == 3s);
  m.run(1s);
  m.suspend(2h);
  auto second = m.observe(detector);
  REQUIRE(second);
  CHECK(*second == SleepSpan{m.boottime - 2h, m.boottime});
  CHECK(second->slept_at > first->woke_at);
}

TEST_CASE("a suspend logind reported is not reported again", "[suspend]") {
  SuspendDetector detector;
  Machine m;
  m.observe(detector);
  m.run(1min);

  SECTION("the loop observes before the wake signal arrives") {
    detector.note_sleep_reported();
    m.suspend(10min);
    CHECK_FALSE(m.observe(detector));
    detector.note_wake_reported(m.boottime, m.monotonic);
  }
  SECTION("the wake signal arrives first") {
    detector.note_sleep_reported();
    m.suspend(10min);
    detector.note_wake_reported(m.boottime, m.monotonic);
    CHECK_FALSE(m.observe(detector));
  }
  m.run(1min);
  CHECK_FALSE(m.observe(detector));
  // A later suspend that logind misses is reported again.
  m.suspend(1h);
  const auto span = m.observe(detector);
  REQUIRE(span);
  CHECK(span->woke_at - span->slept_at == 1h);
}

TEST_CASE("the real clocks agree that nothing was suspended just now", "[suspend]") {
  SuspendDetector detector;
  const Ms boot = sitstretch::session::boottime_now();
  const Ms mono = sitstretch::session::monotonic_now();
  CHECK(boot >= mono);
  CHECK(mono > Ms(0));
  CHECK_FALSE(detector.observe(boot, mono));
  CHECK_FALSE(
      detector.observe(sitstretch::session::boottime_now(), sitstretch::session::monotonic_now()));
  CHECK(sitstretch::session::boottime_now() >= boot);
}
