// The X11 fullscreen source against a real window manager (openbox) on a private Xvfb, with
// windows made fullscreen and activated by wmctrl, as a user's player or hotkey would.
#include <catch2/catch.hpp>

#include "busy/fullscreen_camera.hpp"
#include "busy_fixture.hpp"
#include "openbox.hpp"

using namespace sitstretch;
using busy::test::BusyFixture;
using namespace std::chrono_literals;
using busy::test::Openbox;

namespace {

std::unique_ptr<busy::BusySource> fullscreen(BusyFixture& f, const std::string& display) {
  busy::BusyContext context = f.context();
  context.session = idle::IdleSession{"x11", "", display};
  return busy::make_fullscreen_busy(context);
}

}  // namespace

TEST_CASE("fullscreen on X11: busy while the active window is fullscreen", "[busy][fullscreen]") {
  Openbox& d = Openbox::on_private_xvfb();
  const std::uint32_t player = d.open_window();
  BusyFixture f;
  auto source = fullscreen(f, d.display());
  CHECK(source->reason() == core::BusyReason::fullscreen);
  CHECK(source->describe() == "fullscreen: X11 display " + d.display() +
                                  ", the active window's _NET_WM_STATE_FULLSCREEN, followed "
                                  "with PropertyNotify");
  f.run_for(100ms);  // the source's first look
  CHECK(f.run_for(200ms) == 0);
  CHECK(f.reports().empty());

  d.wmctrl({"-r", Openbox::id(player), "-b", "add,fullscreen"});
  REQUIRE(f.run_until([&] { return f.busy(); }));

  // Another window in front: free, though the player stays fullscreen behind it.
  const std::uint32_t editor = d.open_window();
  REQUIRE(f.run_until([&] { return !f.busy(); }));
  d.wmctrl({"-a", Openbox::id(player)});
  REQUIRE(f.run_until([&] { return f.busy(); }));

  // Leaving fullscreen ends it; so does closing a fullscreen window in front.
  d.wmctrl({"-r", Openbox::id(player), "-b", "remove,fullscreen"});
  REQUIRE(f.run_until([&] { return !f.busy(); }));
  d.wmctrl({"-r", Openbox::id(player), "-b", "add,fullscreen"});
  REQUIRE(f.run_until([&] { return f.busy(); }));
  d.close_window(player);
  REQUIRE(f.run_until([&] { return !f.busy() && d.active_window() != player; }));
  CHECK(f.words() == std::vector<std::string>{"busy fullscreen", "free fullscreen",
                                              "busy fullscreen", "free fullscreen",
                                              "busy fullscreen", "free fullscreen"});
  d.close_window(editor);
  CHECK(f.log().empty());
}

TEST_CASE("fullscreen on X11: a window already fullscreen at start is busy at once",
          "[busy][fullscreen]") {
  Openbox& d = Openbox::on_private_xvfb();
  const std::uint32_t player = d.open_window();
  d.wmctrl({"-r", Openbox::id(player), "-b", "add,fullscreen"});
  BusyFixture f;
  auto source = fullscreen(f, d.display());
  REQUIRE(f.run_until([&] { return f.busy(); }));
  // A change to the active window that is not its state (its title) changes nothing.
  d.wmctrl({"-r", Openbox::id(player), "-T", "a film"});
  CHECK(f.run_for(300ms) > 0);  // woken by the title's PropertyNotify
  CHECK(f.words() == std::vector<std::string>{"busy fullscreen"});
  d.close_window(player);
  REQUIRE(f.run_until([&] { return !f.busy(); }));
}

TEST_CASE("fullscreen: none in a Wayland session, and none without an X display, says why",
          "[busy][fullscreen]") {
  BusyFixture f;
  busy::BusyContext context = f.context();
  context.session = idle::IdleSession{"wayland", "wayland-1", ":0"};
  context.sway_socket = "";
  CHECK(busy::make_fullscreen_busy(context)->describe() ==
        "fullscreen: none (a Wayland session (XDG_SESSION_TYPE=wayland) other than sway: the "
        "wlroots foreign-toplevel source is not built (Debian 12 packages no wlr-protocols), and "
        "GNOME and KDE tell no client which window is fullscreen)");
  context.session = idle::IdleSession{"x11", "", ":999"};
  CHECK(busy::make_fullscreen_busy(context)->describe() ==
        "fullscreen: none (cannot open X display \":999\")");
  CHECK(f.run_for(100ms) == 0);
  CHECK(f.reports().empty());
}
