// The fullscreen and camera busy reasons end to end with the real daemon (SPEC §2 rule 9): a
// window made fullscreen under openbox and under sway, a stand-in video device opened by the
// test; the prompt is held while busy, `busy`/`free` are logged, and the prompt comes at once
// when busy ends.
#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "desktop.hpp"
#include "openbox.hpp"
#include "sway_session.hpp"

using namespace std::chrono_literals;
using sitstretch::busy::test::Openbox;
using sitstretch::busy::test::SwaySession;
using sitstretch::test::Desktop;
using sitstretch::test::json_number;
using sitstretch::test::json_text;

namespace {

constexpr const char* kFastPrompts = "[sitting]\ninterval = \"10s\"\n";

std::string display_of(const Desktop& d) {
  for (const std::string& entry : d.env()) {
    if (entry.starts_with("DISPLAY=")) return entry.substr(8);
  }
  return "";
}

// The prompt falls due after 10 s of sitting and is held while `reason` is busy; when `end`
// ends it, the prompt comes at once, dated with the `free`.
void held_then_released(Desktop& d, const std::string& reason, const std::function<void()>& end) {
  REQUIRE(d.wait_for([&] { return !json_text(d.status(), "held_until").empty(); }, 20s));
  CHECK(json_text(d.status(), "busy") == reason);
  CHECK(d.notifications().empty());
  CHECK(d.count("prompt") == 0);
  end();
  REQUIRE(d.wait_for([&] { return d.notifications().size() == 1; }, 3s));
  CHECK(d.events() == std::vector<std::string>{"busy", "free", "prompt"});
  const auto records = d.records();
  CHECK(json_text(records[0], "reason") == reason);
  CHECK(json_text(records[1], "reason") == reason);
  CHECK(json_text(records[1], "t") == json_text(records[2], "t"));  // released by the free
  CHECK(json_number(records[2], "sitting_s") >= 10);
  CHECK(json_text(d.status(), "busy").empty());
}

}  // namespace

TEST_CASE("a fullscreen window in front holds the prompt, leaving fullscreen lets it come",
          "[e2e][busy][fullscreen]") {
  Desktop d(kFastPrompts);
  Openbox wm(display_of(d));
  const std::uint32_t player = wm.open_window();
  d.start_daemon();
  CHECK(json_text(d.status(), "busy_sources").find("fullscreen: X11 display " + wm.display()) !=
        std::string::npos);
  wm.wmctrl({"-r", Openbox::id(player), "-b", "add,fullscreen"});
  REQUIRE(d.wait_for([&] { return d.count("busy") == 1; }, 5s));
  held_then_released(d, "fullscreen", [&] {
    wm.wmctrl({"-r", Openbox::id(player), "-b", "remove,fullscreen"});
  });
}

TEST_CASE("a camera in use holds the prompt, closing it lets the prompt come",
          "[e2e][busy][camera]") {
  sitstretch::test::TempDir cameras;
  std::ofstream(cameras.file("video0")) << "";
  Desktop d(kFastPrompts, true, {"SITSTRETCH_CAMERA_DIR=" + cameras.path()});
  d.start_daemon();
  CHECK(json_text(d.status(), "busy_sources").find("camera: 1 video device(s) in ") !=
        std::string::npos);
  const int fd = ::open(cameras.file("video0").c_str(), O_RDONLY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  REQUIRE(d.wait_for([&] { return d.count("busy") == 1; }, 5s));
  held_then_released(d, "camera", [&] { ::close(fd); });
}

TEST_CASE("in a sway session, a fullscreen window holds the prompt until it leaves fullscreen",
          "[e2e][busy][fullscreen][sway]") {
  SwaySession& sway = SwaySession::shared();
  Desktop d(kFastPrompts, true,
            {"XDG_SESSION_TYPE=wayland", "WAYLAND_DISPLAY=" + sway.wayland_socket(),
             "SWAYSOCK=" + sway.ipc_socket()});
  d.start_daemon();
  CHECK(json_text(d.status(), "busy_sources").find("fullscreen: sway IPC " + sway.ipc_socket()) !=
        std::string::npos);
  sway.swaymsg({"fullscreen", "enable"});
  REQUIRE(d.wait_for([&] { return d.count("busy") == 1; }, 5s));
  held_then_released(d, "fullscreen", [&] { sway.swaymsg({"fullscreen", "disable"}); });
}
