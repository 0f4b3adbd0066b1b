// mako 1.7 in a headless sway: its do-not-disturb mode is offered only by a method and never
// signalled, so the dnd source sees it on a recheck, and says that it must be asked; the daemon
// rechecks just before a prompt falls due and while it is held.
#include <catch2/catch.hpp>

#include "compositors.hpp"
#include "desktop.hpp"
#include "dnd_fixture.hpp"
#include "test_bus.hpp"

using namespace std::chrono_literals;
using sitstretch::busy::test::DndProbe;
using sitstretch::busy::test::run;

TEST_CASE("dnd asks mako's modes on a recheck, as mako signals no change", "[dnd][mako]") {
  DndProbe probe;
  sitstretch::wayland::test::Sway sway;
  sitstretch::test::ChildProcess mako({"mako"}, {"WAYLAND_DISPLAY=" + sway.socket()});
  REQUIRE(probe.wait_describe("dnd: mako"));
  CHECK(probe.describe().ends_with(
      " (do-not-disturb mode, fr.emersion.Mako ListModes asked while a prompt is held: mako "
      "signals no mode change)"));
  CHECK(probe.source().needs_recheck());

  REQUIRE(run({"makoctl", "mode", "-a", "do-not-disturb"}).exit_code == 0);
  REQUIRE(run({"makoctl", "mode"}).out.find("do-not-disturb") != std::string::npos);
  sitstretch::test::pump_for(300ms);  // mako sends nothing, so nothing is seen yet
  CHECK(probe.changes().empty());
  probe.source().recheck();
  REQUIRE(probe.wait_busy(true));

  REQUIRE(run({"makoctl", "mode", "-r", "do-not-disturb"}).exit_code == 0);
  probe.source().recheck();
  REQUIRE(probe.wait_busy(false));
  CHECK(probe.changes() == std::vector<bool>{true, false});
}

TEST_CASE("mako's do-not-disturb mode holds the prompt: the daemon asks while it is held",
          "[e2e][dnd][mako]") {
  sitstretch::wayland::test::Sway sway;
  sitstretch::test::Desktop d("[sitting]\ninterval = \"10s\"\n", false);
  std::vector<std::string> env = d.env();
  env.push_back("WAYLAND_DISPLAY=" + sway.socket());
  sitstretch::test::ChildProcess mako({"mako"}, env);
  d.start_daemon();
  auto status = [&] { return d.cli({"status", "--json"}).out; };
  auto events = [&] {
    std::vector<std::string> out;
    for (const auto& r : d.records()) out.push_back(sitstretch::test::json_text(r, "event"));
    return out;
  };
  REQUIRE(d.wait_for(
      [&] {
        return sitstretch::test::json_text(status(), "busy_sources").find("dnd: mako") !=
               std::string::npos;
      },
      10s));
  REQUIRE(d.run({"makoctl", "mode", "-a", "do-not-disturb"}).exit_code == 0);
  // Nothing tells the daemon: the recheck 2 s before the prompt falls due finds it.
  REQUIRE(d.wait_for([&] { return d.count("busy") == 1; }, 15s));
  REQUIRE(
      d.wait_for([&] { return !sitstretch::test::json_text(status(), "held_until").empty(); }, 5s));
  CHECK(d.count("prompt") == 0);

  REQUIRE(d.run({"makoctl", "mode", "-r", "do-not-disturb"}).exit_code == 0);
  // The next recheck while held (every 2 s) sees it end.
  REQUIRE(d.wait_for([&] { return d.count("prompt") == 1; }, 4s));
  CHECK(events() == std::vector<std::string>{"busy", "free", "prompt"});
}
