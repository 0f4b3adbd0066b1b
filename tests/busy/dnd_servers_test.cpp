// The dnd readers against the real notification servers of Debian 12, each started by its test
// on the private session bus: dunst 1.9 and xfce4-notifyd 0.7 on an Xvfb of their own, mako 1.7
// in a headless sway, and GNOME's show-banners through a real GSettings backend (keyfile) with
// the schema from gsettings-desktop-schemas, behind the tests' server under gnome-shell's name.
#include <csignal>

#include <catch2/catch.hpp>

#include "dnd_fixture.hpp"
#include "test_bus.hpp"

using sitstretch::busy::test::DndProbe;
using sitstretch::busy::test::FakeServer;
using sitstretch::busy::test::OnXvfb;
using sitstretch::busy::test::run;

TEST_CASE("dnd follows dunst's paused, set with dunstctl", "[dnd][dunst]") {
  DndProbe probe;
  OnXvfb dunst({"dunst"});
  REQUIRE(probe.wait_describe("dnd: dunst 1.9"));
  CHECK(probe.describe().ends_with(" (paused, org.dunstproject.cmd0 PropertiesChanged)"));
  CHECK(probe.changes().empty());

  REQUIRE(run({"dunstctl", "set-paused", "true"}).exit_code == 0);
  REQUIRE(probe.wait_busy(true));
  REQUIRE(run({"dunstctl", "set-paused", "false"}).exit_code == 0);
  REQUIRE(probe.wait_busy(false));
  CHECK(!probe.source().needs_recheck());

  // The old way, SIGUSR1, pauses without a signal: only a recheck sees it.
  REQUIRE(dunst.process().kill(SIGUSR1));
  REQUIRE(run({"dunstctl", "is-paused"}).out == "true\n");
  CHECK(!probe.busy());
  probe.source().recheck();
  REQUIRE(probe.wait_busy(true));
  CHECK(probe.changes() == std::vector<bool>{true, false, true});
}

TEST_CASE("dnd follows xfce4-notifyd's /do-not-disturb in xfconf", "[dnd][xfce]") {
  DndProbe probe;
  OnXvfb notifyd({XFCE4_NOTIFYD});
  REQUIRE(probe.wait_describe("dnd: Xfce Notify Daemon 0.7"));
  CHECK(probe.describe().ends_with(
      " (/do-not-disturb, xfconf channel xfce4-notifyd, org.xfce.Xfconf PropertyChanged)"));

  const std::vector<std::string> set{"xfconf-query", "-c", "xfce4-notifyd", "-p", "/do-not-disturb",
                                     "-n",           "-t", "bool",          "-s"};
  auto with = [](std::vector<std::string> argv, const char* value) {
    argv.emplace_back(value);
    return argv;
  };
  REQUIRE(run(with(set, "true")).exit_code == 0);
  REQUIRE(probe.wait_busy(true));
  REQUIRE(run(with(set, "false")).exit_code == 0);
  REQUIRE(probe.wait_busy(false));
  REQUIRE(run(with(set, "true")).exit_code == 0);
  REQUIRE(probe.wait_busy(true));
  // A reset removes the property: do-not-disturb is off again.
  REQUIRE(run({"xfconf-query", "-c", "xfce4-notifyd", "-p", "/do-not-disturb", "-r"}).exit_code ==
          0);
  REQUIRE(probe.wait_busy(false));
  CHECK(probe.changes() == std::vector<bool>{true, false, true, false});
}

TEST_CASE("dnd follows GNOME's show-banners GSetting", "[dnd][gnome]") {
  DndProbe probe;
  FakeServer shell("gnome-shell");
  REQUIRE(probe.wait_describe("dnd: gnome-shell 1"));
  CHECK(probe.describe() ==
        "dnd: gnome-shell 1 (show-banners, org.gnome.desktop.notifications GSettings changed)");
  CHECK(probe.changes().empty());

  const std::vector<std::string> set{"gsettings", "set", "org.gnome.desktop.notifications",
                                     "show-banners"};
  auto with = [](std::vector<std::string> argv, const char* value) {
    argv.emplace_back(value);
    return argv;
  };
  REQUIRE(run(with(set, "false")).exit_code == 0);
  REQUIRE(probe.wait_busy(true));
  REQUIRE(run(with(set, "true")).exit_code == 0);
  REQUIRE(probe.wait_busy(false));
  CHECK(probe.changes() == std::vector<bool>{true, false});
}
