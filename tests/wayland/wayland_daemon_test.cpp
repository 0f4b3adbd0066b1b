// sitstretchd in a Wayland session with no X display, idle coming from a real headless
// compositor through the factory's automatic choice (or a forced idle.source): kwin_wayland
// (ext-idle-notify, and kde-idle when forced) and sway 1.7 (kde-idle). Input from KWin's fake
// input protocol and from swaymsg. Each test has its own compositor, desktop and daemon.
#include <catch2/catch.hpp>
#include <string>

#include "compositors.hpp"
#include "desktop.hpp"
#include "idle_scenario.hpp"

namespace sitstretch::wayland::test {
namespace {

using sitstretch::test::Desktop;

// The shared scenario (tests/e2e/idle_scenario.hpp) in a Wayland session on `compositor`.
void check_session(Compositor& compositor, const std::string& extra_config,
                   const std::string& source) {
  Desktop d("[sitting]\ninterval = \"10s\"\nbreak_after = \"5s\"\n" + extra_config, true,
            {"DISPLAY=", "XDG_SESSION_TYPE=wayland", "WAYLAND_DISPLAY=" + compositor.socket()});
  sitstretch::test::check_prompt_away_back(d, compositor, source);
}

TEST_CASE("KDE Wayland (kwin): ext-idle-notify is picked; prompt, away, back", "[e2e][wayland]") {
  Kwin kwin;
  check_session(kwin, "", "ext-idle-notify");
}

TEST_CASE("KDE Wayland (kwin) with idle.source kde-idle: prompt, away, back", "[e2e][wayland]") {
  Kwin kwin;
  check_session(kwin, "[idle]\nsource = \"kde-idle\"\n", "kde-idle");
}

TEST_CASE("sway 1.7: kde-idle is picked; prompt, away, back", "[e2e][wayland]") {
  Sway sway;
  check_session(sway, "", "kde-idle");
}

}  // namespace
}  // namespace sitstretch::wayland::test
