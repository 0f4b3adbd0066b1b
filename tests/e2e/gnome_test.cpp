// sitstretchd in a GNOME Wayland session with no X display: idle comes from a real headless
// mutter 43 on the desktop's session bus, input from Mutter's RemoteDesktop interface.
#include <thread>

#include <catch2/catch.hpp>

#include "desktop.hpp"
#include "mutter_session.hpp"

using namespace std::chrono_literals;
using sitstretch::test::Desktop;
using sitstretch::test::json_number;
using sitstretch::test::json_text;
using sitstretch::test::MutterSession;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kWaylandOnly = "XDG_SESSION_TYPE=wayland";

// Runs `done` every 200 ms until it holds or the timeout passes; with `mutter`, input continues.
bool wait_for(const std::function<bool()>& done, std::chrono::milliseconds timeout,
              MutterSession* mutter) {
  const auto deadline = Clock::now() + timeout;
  while (Clock::now() < deadline) {
    if (done()) return true;
    if (mutter != nullptr) mutter->input();
    std::this_thread::sleep_for(200ms);
  }
  return done();
}

}  // namespace

TEST_CASE("GNOME Wayland: prompt while moving, away at the last input, back on input",
          "[e2e][gnome]") {
  Desktop d("[sitting]\ninterval = \"10s\"\nbreak_after = \"5s\"\n", true,
            {"DISPLAY=", kWaylandOnly, "WAYLAND_DISPLAY=sitstretch-mutter"});
  MutterSession mutter(d.bus_address());
  const auto started = Clock::now();
  d.start_daemon();
  const auto status = d.cli({"status"});
  CHECK(status.out.find("Idle source: mutter;") != std::string::npos);
  CHECK(json_text(d.cli({"status", "--json"}).out, "idle_source") == "mutter");

  // A user who keeps moving is prompted after the interval, and never away.
  REQUIRE(wait_for([&] { return d.count("prompt") == 1; }, 20s, &mutter));
  CHECK(Clock::now() - started >= 9s);
  CHECK(d.count("away") == 0);

  // Input stops: `away` after break_after, dated at the last input (SPEC §2).
  mutter.input();
  const auto last_input = Clock::now();
  REQUIRE(wait_for([&] { return d.count("away") == 1; }, 15s, nullptr));
  CHECK(Clock::now() - last_input >= 4500ms);
  const std::string away = d.records().back();
  REQUIRE(json_text(away, "event") == "away");
  // The bout ran from the daemon's start to the last input, not to when idleness was noticed.
  const auto bout = std::chrono::duration_cast<std::chrono::seconds>(last_input - started);
  CHECK(json_number(away, "sitting_s") >= bout.count() - 2);
  CHECK(json_number(away, "sitting_s") <= bout.count() + 1);
  CHECK(away.find(R"("prompted":true)") != std::string::npos);

  // Input again: back.
  mutter.input();
  REQUIRE(wait_for([&] { return d.count("back") == 1; }, 5s, nullptr));
  CHECK(json_number(d.records().back(), "away_s") >= 5);
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
