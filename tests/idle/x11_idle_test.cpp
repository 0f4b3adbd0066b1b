// What only the SYNC source and the factory promise: no wakeups while idle, fallback choice,
// and nullptr when there is no display.

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "idle/x11_idle.hpp"
#include "idle_fixture.hpp"

namespace sitstretch::idle::test {
namespace {

// A display name no X server answers to: no socket and no lock file for that number.
std::string unused_display() {
  for (int n = 4321;; ++n) {
    struct stat st;
    const std::string number = std::to_string(n);
    if (stat(("/tmp/.X11-unix/X" + number).c_str(), &st) != 0 &&
        stat(("/tmp/.X" + number + "-lock").c_str(), &st) != 0) {
      return ":" + number;
    }
  }
}

TEST_CASE("the factory picks the SYNC source when the server has IDLETIME", "[idle]") {
  IdleFixture f;
  auto source = make_x11_idle(f.io(), f.sink(), IdleFixture::clock(), 1s, f.display());
  REQUIRE(source);
  CHECK(source->name() == "x11-sync");
  CHECK(source->idle_for().has_value());
}

TEST_CASE("without a display the factory returns nullptr and the sources say why", "[idle]") {
  boost::asio::io_context io;
  const std::string display = unused_display();
  auto ignore = [](const PresenceEvent&) {};
  CHECK(make_x11_idle(io, ignore, &boot_now, 1s, display) == nullptr);

  std::string error;
  CHECK(X11SyncIdle::open(io, ignore, &boot_now, 1s, display, &error) == nullptr);
  CHECK_THAT(error, Catch::Contains(display));
}

TEST_CASE("while idle the SYNC source does not wake the loop until input returns", "[idle]") {
  IdleFixture f;
  auto source = X11SyncIdle::open(f.io(), f.sink(), IdleFixture::clock(), 300ms, f.display());
  REQUIRE(source);
  f.input();
  REQUIRE(f.run_until_events(1, 2s));
  f.run_for(50ms);
  CHECK(f.run_for(700ms) == 0);  // the server holds the alarm; we sleep
  f.input();
  REQUIRE(f.run_until_events(2, 1s));
  CHECK(f.events()[1].signal == core::Signal::active);
}

}  // namespace
}  // namespace sitstretch::idle::test
