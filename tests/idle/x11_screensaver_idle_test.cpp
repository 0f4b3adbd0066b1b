// What only the MIT-SCREEN-SAVER fallback does: hear the server's own screen saver switch off.

#include <catch2/catch.hpp>

#include "idle/x11_screensaver_idle.hpp"
#include "idle_fixture.hpp"
#include "server_saver.hpp"

namespace sitstretch::idle::test {
namespace {

TEST_CASE("the fallback notices input at once when the server's screen saver switches off",
          "[idle]") {
  IdleFixture f;
  REQUIRE(set_server_saver(f.display(), 1));
  // Polls once a minute: only the ScreenSaverNotify event can bring `active` quickly.
  auto source = X11ScreenSaverIdle::open(f.io(), f.sink(), IdleFixture::clock(), 300ms, f.display(),
                                         nullptr, 60s);
  REQUIRE(source);
  CHECK(source->name() == "x11-screensaver");
  f.input();
  REQUIRE(f.run_until_events(1, 2s));
  REQUIRE(f.run_until([&] { return server_saver_on(f.display()); }, 3s));

  const InputTime back = f.input();
  REQUIRE(f.run_until_events(2, 2s));
  CHECK(f.events()[1].signal == core::Signal::active);
  CHECK(f.events()[1].at <= back.after + 300ms);
}

TEST_CASE("without the saver the fallback finds resumed input at its next poll", "[idle]") {
  IdleFixture f;
  auto source = X11ScreenSaverIdle::open(f.io(), f.sink(), IdleFixture::clock(), 300ms, f.display(),
                                         nullptr, 400ms);
  REQUIRE(source);
  f.input();
  REQUIRE(f.run_until_events(1, 2s));
  const InputTime back = f.input();
  REQUIRE(f.run_until_events(2, 2s));
  CHECK(f.events()[1].signal == core::Signal::active);
  CHECK(f.events()[1].at <= back.after + 400ms + 200ms);
}

}  // namespace
}  // namespace sitstretch::idle::test
