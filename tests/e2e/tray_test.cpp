// The tray on a real session bus: the test plays the tray host (a StatusNotifierWatcher),
// reads the item's properties and clicks its menu with gdbus, as a panel would.
#include <catch2/catch.hpp>

#include "desktop.hpp"

using namespace std::chrono_literals;
using sitstretch::test::ChildProcess;
using sitstretch::test::Desktop;
using sitstretch::test::json_number;
using sitstretch::test::json_text;

namespace {

// Menu ids of daemon/tray/tray_look.cpp.
constexpr int kStretchNow = 3, kSnooze = 4, kPause30 = 6, kResume = 9;

struct TrayHost {
  explicit TrayHost(const Desktop& d) : d(d), watcher({SITSTRETCH_FAKE_WATCHER}, d.env()) {
    REQUIRE(watcher.read_line(10000) == "ready");
  }
  // Waits for the next registration and returns the item's bus name.
  std::string registered() {
    const std::string line = watcher.read_line(10000);
    REQUIRE(line.starts_with("registered "));
    service = line.substr(11, line.find(' ', 11) - 11);
    return service;
  }
  std::string property(const std::string& name) const {
    return d
        .run({"gdbus", "call", "--session", "--dest", service, "--object-path",
              "/StatusNotifierItem", "--method", "org.freedesktop.DBus.Properties.Get",
              "org.kde.StatusNotifierItem", name})
        .out;
  }
  void click(int id) const {
    d.run({"gdbus", "call", "--session", "--dest", service, "--object-path", "/MenuBar", "--method",
           "com.canonical.dbusmenu.Event", std::to_string(id), "clicked", "<''>", "0"});
  }
  const Desktop& d;
  ChildProcess watcher;
  std::string service;
};

std::string last_event(const Desktop& d) {
  return json_text(d.records().back(), "event");
}

}  // namespace

TEST_CASE("The tray registers, shows the sitting time and its menu drives the daemon", "[e2e]") {
  Desktop d("[sitting]\ninterval = \"10s\"\n[stretch]\nguided = false\n");
  TrayHost host(d);
  d.start_daemon();
  host.registered();
  CHECK(host.property("Id").find("sitstretch") != std::string::npos);
  CHECK(host.property("ToolTip").find("Sitting 0 min") != std::string::npos);
  CHECK(host.property("Menu").find("/MenuBar") != std::string::npos);
  const auto layout =
      d.run({"gdbus", "call", "--session", "--dest", host.service, "--object-path", "/MenuBar",
             "--method", "com.canonical.dbusmenu.GetLayout", "0", "@i -1", "@as []"});
  INFO(layout.err);
  CHECK(layout.out.find("Pause for 30 minutes") != std::string::npos);

  host.click(kPause30);
  REQUIRE(d.wait_for([&] { return last_event(d) == "paused"; }, 5s));
  CHECK(json_text(d.records().back(), "until") != "");
  REQUIRE(d.wait_for(
      [&] { return host.property("ToolTip").find("Paused until") != std::string::npos; }, 5s));
  host.click(kResume);
  REQUIRE(d.wait_for([&] { return last_event(d) == "resumed"; }, 5s));

  // A prompt: the item asks for attention, and Snooze works from the menu.
  REQUIRE(d.wait_for([&] { return d.count("prompt") == 1; }, 20s));
  REQUIRE(d.wait_for(
      [&] { return host.property("Status").find("NeedsAttention") != std::string::npos; }, 5s));
  host.click(kSnooze);
  REQUIRE(d.wait_for([&] { return last_event(d) == "snoozed"; }, 5s));
  host.click(kStretchNow);
  REQUIRE(d.wait_for([&] { return last_event(d) == "accepted"; }, 5s));
  CHECK(d.records().back().find(R"("prompted":true)") != std::string::npos);
}

TEST_CASE("The tray item registers again when the panel restarts", "[e2e]") {
  Desktop d("");
  auto host = std::make_unique<TrayHost>(d);
  d.start_daemon();
  const std::string first = host->registered();
  host.reset();       // the panel goes away...
  TrayHost again(d);  // ...and comes back
  CHECK(again.registered() == first);
  CHECK(d.daemon().running());
}

TEST_CASE("Without a tray host the daemon runs as before", "[e2e]") {
  Desktop d("");
  d.start_daemon();
  CHECK(d.cli({"status"}).exit_code == 0);
  CHECK(d.cli({"pause"}).exit_code == 0);
  CHECK(d.daemon().running());
}
