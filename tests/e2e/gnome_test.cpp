// sitstretchd in a GNOME Wayland session with no X display: idle comes from a real headless
// mutter 43 on the desktop's session bus, input from Mutter's RemoteDesktop interface.
#include <catch2/catch.hpp>

#include "desktop.hpp"
#include "idle_scenario.hpp"
#include "mutter_session.hpp"

using sitstretch::test::Desktop;
using sitstretch::test::MutterSession;

namespace {

constexpr const char* kWaylandOnly = "XDG_SESSION_TYPE=wayland";

}  // namespace

TEST_CASE("GNOME Wayland: prompt while moving, away at the last input, back on input",
          "[e2e][gnome]") {
  Desktop d("[sitting]\ninterval = \"10s\"\nbreak_after = \"5s\"\n", true,
            {"DISPLAY=", kWaylandOnly, "WAYLAND_DISPLAY=sitstretch-mutter"});
  MutterSession mutter(d.bus_address());
  sitstretch::test::check_prompt_away_back(d, mutter, "mutter");
}

TEST_CASE("A forced idle source that is missing stops the daemon with status 2", "[e2e][gnome]") {
  Desktop d("[idle]\nsource = \"mutter\"\n", false, {"DISPLAY=", kWaylandOnly});
  auto forced = d.run({"timeout", "10", SITSTRETCH_DAEMON, "--config", d.config_path()});
  CHECK(forced.exit_code == 2);
  CHECK(forced.err.starts_with(
      "sitstretchd: idle source mutter is not available: org.gnome.Mutter.IdleMonitor is not on "
      "the session bus ("));
  CHECK(forced.err.find('\n') == forced.err.size() - 1);  // one line

  SECTION("--idle-source overrides the file") {
    auto option = d.run({"timeout", "10", SITSTRETCH_DAEMON, "--config", d.config_path(),
                         "--idle-source", "x11-sync"});
    CHECK(option.exit_code == 2);
    CHECK(option.err.starts_with("sitstretchd: idle source x11-sync is not available: "));
  }
  SECTION("an unknown name is a usage error") {
    auto unknown = d.run({SITSTRETCH_DAEMON, "--idle-source", "gnome"});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err == "sitstretchd: unknown idle source gnome; see sitstretchd --help\n");
  }
}
