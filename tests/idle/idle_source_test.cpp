// Scenarios every X11 idle source must pass, run against both: the SYNC source and the
// MIT-SCREEN-SAVER fallback (with a short poll so that `active` comes quickly).

#include <catch2/catch.hpp>

#include "idle/x11_idle.hpp"
#include "idle/x11_screensaver_idle.hpp"
#include "idle_fixture.hpp"

namespace sitstretch::idle::test {
namespace {

using core::Signal;

struct SyncSource {
  static std::unique_ptr<IdleSource> open(IdleFixture& f, Ms threshold) {
    return X11SyncIdle::open(f.io(), f.sink(), IdleFixture::clock(), threshold, f.display());
  }
  static constexpr Ms kActiveLatency = 300ms;  // alarm round trip, generous for sanitizers
};

struct ScreenSaverSource {
  static std::unique_ptr<IdleSource> open(IdleFixture& f, Ms threshold) {
    return X11ScreenSaverIdle::open(f.io(), f.sink(), IdleFixture::clock(), threshold, f.display(),
                                    nullptr, 100ms);
  }
  static constexpr Ms kActiveLatency = 100ms + 300ms;  // one poll interval more
};

// Idle must never come before the threshold has passed since the input (less clock rounding),
// and should come soon after.
constexpr Ms kEarly = 30ms;
constexpr Ms kLate = 400ms;
// `at` is compared with the boot clock around the xdotool run that made the input.
constexpr Ms kSlack = 30ms;

void check_idle_dated(const PresenceEvent& event, const InputTime& input) {
  CHECK(event.signal == Signal::idle);
  CHECK(event.at >= input.before - kSlack);
  CHECK(event.at <= input.after + kSlack);
}

TEMPLATE_TEST_CASE("idle follows the threshold dated at the last input and input brings active",
                   "[idle]", SyncSource, ScreenSaverSource) {
  IdleFixture f;
  const InputTime typed = f.input();
  auto source = TestType::open(f, 500ms);
  REQUIRE(source);

  REQUIRE(f.run_until_events(1, 3s));
  const Ms noticed = boot_now();
  check_idle_dated(f.events()[0], typed);
  CHECK(noticed >= typed.before + 500ms - kEarly);
  CHECK(noticed <= typed.after + 500ms + kLate);

  const InputTime back = f.input();
  REQUIRE(f.run_until_events(2, 2s));
  CHECK(f.events()[1].signal == Signal::active);
  CHECK(f.events()[1].at >= back.before);
  CHECK(f.events()[1].at <= back.after + TestType::kActiveLatency);
}

TEMPLATE_TEST_CASE("idle and active alternate over repeated cycles", "[idle]", SyncSource,
                   ScreenSaverSource) {
  IdleFixture f;
  InputTime typed = f.input();
  auto source = TestType::open(f, 300ms);
  REQUIRE(source);

  for (std::size_t cycle = 0; cycle < 3; ++cycle) {
    INFO("cycle " << cycle);
    REQUIRE(f.run_until_events(2 * cycle + 1, 2s));
    check_idle_dated(f.events()[2 * cycle], typed);
    CHECK(boot_now() >= typed.before + 300ms - kEarly);
    typed = f.input();
    REQUIRE(f.run_until_events(2 * cycle + 2, 2s));
    CHECK(f.events()[2 * cycle + 1].signal == Signal::active);
  }
  // Input just came back: nothing more until the threshold passes again.
  f.run_for(150ms);
  CHECK(f.events().size() == 6);
}

TEMPLATE_TEST_CASE("a lowered threshold applies at once and a raised one delays idle", "[idle]",
                   SyncSource, ScreenSaverSource) {
  IdleFixture f;
  InputTime typed = f.input();
  auto source = TestType::open(f, 30s);
  REQUIRE(source);
  f.run_for(300ms);
  CHECK(f.events().empty());

  source->set_threshold(500ms);
  REQUIRE(f.run_until_events(1, 2s));
  check_idle_dated(f.events()[0], typed);
  CHECK(boot_now() >= typed.before + 500ms - kEarly);
  CHECK(boot_now() <= typed.after + 500ms + kLate);

  typed = f.input();
  REQUIRE(f.run_until_events(2, 2s));
  CHECK(f.events()[1].signal == Signal::active);
  source->set_threshold(800ms);
  REQUIRE(f.run_until_events(3, 3s));
  check_idle_dated(f.events()[2], typed);
  CHECK(boot_now() >= typed.before + 800ms - kEarly);
}

TEMPLATE_TEST_CASE("a user already idle at start is reported idle at once", "[idle]", SyncSource,
                   ScreenSaverSource) {
  IdleFixture f;
  const InputTime typed = f.input();
  std::this_thread::sleep_for(600ms);
  const Ms opened = boot_now();
  auto source = TestType::open(f, 300ms);
  REQUIRE(source);
  REQUIRE(f.run_until_events(1, 1s));
  check_idle_dated(f.events()[0], typed);
  CHECK(boot_now() - opened < 300ms);
}

TEMPLATE_TEST_CASE("idle_for tells how long input has stopped", "[idle]", SyncSource,
                   ScreenSaverSource) {
  IdleFixture f;
  auto source = TestType::open(f, 30s);
  REQUIRE(source);
  const InputTime typed = f.input();
  std::this_thread::sleep_for(300ms);
  const Ms asked = boot_now();
  const std::optional<Ms> idle = source->idle_for();
  REQUIRE(idle);
  CHECK(*idle >= asked - typed.after - kSlack);
  CHECK(*idle <= boot_now() - typed.before + kSlack);
}

TEMPLATE_TEST_CASE("while input goes on nothing is reported and nothing wakes the loop", "[idle]",
                   SyncSource, ScreenSaverSource) {
  IdleFixture f;
  auto source = TestType::open(f, 30s);
  REQUIRE(source);
  f.run_for(100ms);  // settle the start-up drain
  for (int i = 0; i < 2; ++i) {
    f.input();
    f.run_for(150ms);
  }
  CHECK(f.events().empty());
  CHECK(f.run_for(400ms) == 0);  // no timer, no poll: zero handlers ran
}

TEMPLATE_TEST_CASE("a lost X server is survived and reported as unknown idle time", "[idle]",
                   SyncSource, ScreenSaverSource) {
  IdleFixture f;
  auto source = TestType::open(f, 500ms);
  REQUIRE(source);
  f.run_for(100ms);
  f.kill_x_server();
  f.run_for(500ms);  // the loop notices the closed connection and stops watching it
  CHECK(source->idle_for() == std::nullopt);
  source->set_threshold(300ms);  // harmless now
  f.run_for(100ms);
  CHECK(f.events().empty());
}

}  // namespace
}  // namespace sitstretch::idle::test
