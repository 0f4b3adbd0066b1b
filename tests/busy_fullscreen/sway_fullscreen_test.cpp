// The sway fullscreen source against a real headless sway with one X client window in it,
// made fullscreen and left with swaymsg, as a user's key bindings would.
#include <catch2/catch.hpp>

#include "busy/fullscreen_camera.hpp"
#include "busy_fixture.hpp"
#include "sway_session.hpp"

using namespace sitstretch;
using busy::test::BusyFixture;
using busy::test::SwaySession;
using namespace std::chrono_literals;

TEST_CASE("fullscreen on sway: busy while the focused window is fullscreen",
          "[busy][fullscreen][sway]") {
  SwaySession& sway = SwaySession::shared();
  BusyFixture f;
  busy::BusyContext context = f.context();
  context.session = idle::IdleSession{"wayland", "wayland-1", ""};
  context.sway_socket = sway.ipc_socket();
  auto source = busy::make_fullscreen_busy(context);
  CHECK(source->describe() == "fullscreen: sway IPC " + sway.ipc_socket() +
                                  ", the focused window's fullscreen_mode, on window and "
                                  "workspace events");
  f.run_for(300ms);  // the first tree
  CHECK(f.run_for(200ms) == 0);
  CHECK(f.reports().empty());

  sway.swaymsg({"fullscreen", "enable"});
  REQUIRE(f.run_until([&] { return f.busy(); }));
  // Another workspace in front: free, though the window stays fullscreen on its own.
  sway.swaymsg({"workspace", "2"});
  REQUIRE(f.run_until([&] { return !f.busy(); }));
  sway.swaymsg({"workspace", "1"});
  REQUIRE(f.run_until([&] { return f.busy(); }));
  sway.swaymsg({"fullscreen", "disable"});
  REQUIRE(f.run_until([&] { return !f.busy(); }));
  CHECK(f.words() == std::vector<std::string>{"busy fullscreen", "free fullscreen",
                                              "busy fullscreen", "free fullscreen"});
  CHECK(f.log().empty());
}

TEST_CASE("fullscreen on sway: a socket that does not answer says so", "[busy][fullscreen]") {
  BusyFixture f;
  busy::BusyContext context = f.context();
  context.session = idle::IdleSession{"wayland", "wayland-1", ""};
  context.sway_socket = "/nonexistent/sway-ipc.sock";
  CHECK(busy::make_fullscreen_busy(context)->describe() ==
        "fullscreen: none (cannot connect to sway's IPC socket /nonexistent/sway-ipc.sock: No "
        "such file or directory)");
}
