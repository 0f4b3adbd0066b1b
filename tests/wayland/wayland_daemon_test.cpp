// sitstretchd in a Wayland session with no X display, idle coming from a real headless
// compositor through the factory's automatic choice (or a forced idle.source): kwin_wayland
// (ext-idle-notify, and kde-idle when forced) and sway 1.7 (kde-idle). Input from KWin's fake
// input protocol and from swaymsg. Each test has its own compositor, desktop and daemon.
#include <catch2/catch.hpp>
#include <chrono>
#include <functional>
#include <string>
#include <thread>

#include "compositors.hpp"
#include "desktop.hpp"

namespace sitstretch::wayland::test {
namespace {

using namespace std::chrono_literals;
using sitstretch::test::Desktop;
using sitstretch::test::json_number;
using sitstretch::test::json_text;
using Clock = std::chrono::steady_clock;

// Checks `done` every 200 ms until it holds or the timeout passes; with `compositor`, the user
// keeps moving meanwhile.
bool wait_for(const std::function<bool()>& done, std::chrono::milliseconds timeout,
              Compositor* compositor) {
  const auto deadline = Clock::now() + timeout;
  while (Clock::now() < deadline) {
    if (done()) return true;
    if (compositor != nullptr) compositor->input();
    std::this_thread::sleep_for(200ms);
  }
  return done();
}

// A user who keeps moving is prompted after `interval`; input that stops gives `away` dated at
// the last input; input again gives `back`; status names the source.
void check_session(Compositor& compositor, const std::string& extra_config,
                   const std::string& source) {
  Desktop d("[sitting]\ninterval = \"10s\"\nbreak_after = \"5s\"\n" + extra_config, true,
            {"DISPLAY=", "XDG_SESSION_TYPE=wayland", "WAYLAND_DISPLAY=" + compositor.socket()});
  const auto started = Clock::now();
  d.start_daemon();
  CHECK(d.cli({"status"}).out.find("Idle source: " + source + ";") != std::string::npos);
  CHECK(json_text(d.cli({"status", "--json"}).out, "idle_source") == source);

  REQUIRE(wait_for([&] { return d.count("prompt") == 1; }, 20s, &compositor));
  CHECK(Clock::now() - started >= 9s);
  CHECK(d.count("away") == 0);

  compositor.input();
  const auto last_input = Clock::now();
  REQUIRE(wait_for([&] { return d.count("away") == 1; }, 15s, nullptr));
  CHECK(Clock::now() - last_input >= 4500ms);
  const std::string away = d.records().back();
  REQUIRE(json_text(away, "event") == "away");
  // The bout ran from the daemon's start to the last input, not to when idleness was noticed.
  const auto bout = std::chrono::duration_cast<std::chrono::seconds>(last_input - started);
  CHECK(json_number(away, "sitting_s") >= bout.count() - 2);
  CHECK(json_number(away, "sitting_s") <= bout.count() + 1);

  compositor.input();
  REQUIRE(wait_for([&] { return d.count("back") == 1; }, 5s, nullptr));
  CHECK(json_number(d.records().back(), "away_s") >= 5);
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
