#include <catch2/catch.hpp>

#include <memory>

#include "tray_fixture.hpp"

using namespace std::chrono_literals;
using sitstretch::test::FakeTrayHost;
using sitstretch::test::pump_for;
using sitstretch::test::pump_until;
using sitstretch::test::RecordingTray;
using sitstretch::test::use_private_session_bus;

TEST_CASE("a restarted watcher gets the item registered again", "[tray][watcher]") {
  const std::string& bus = use_private_session_bus();
  auto host = std::make_unique<FakeTrayHost>(bus);
  RecordingTray tray;
  REQUIRE(pump_until([&] { return tray.item.registered(); }));

  host.reset();  // the panel exits
  REQUIRE(pump_until([&] { return !tray.item.registered(); }));
  host = std::make_unique<FakeTrayHost>(bus);  // and comes back
  REQUIRE(pump_until([&] { return tray.item.registered(); }));
  REQUIRE(host->registrations.size() == 1);
  CHECK(host->registrations[0].service == tray.item.bus_name());
  CHECK(tray.logs.size() <= 1);  // at most one line about the missing watcher
}

TEST_CASE("without a watcher the item logs once, then registers when one appears",
          "[tray][watcher]") {
  const std::string& bus = use_private_session_bus();
  FakeTrayHost observer(bus, /*own_watcher=*/false);
  REQUIRE_FALSE(observer.name_has_owner("org.kde.StatusNotifierWatcher"));
  RecordingTray tray;
  REQUIRE(pump_until([&] { return tray.logs.size() == 1; }));
  CHECK(tray.logs[0].find("no StatusNotifierWatcher") != std::string::npos);
  tray.item.update({});  // the daemon keeps running and updating without a tray
  observer.round_trip(tray.item.bus_name());
  CHECK_FALSE(tray.item.registered());
  CHECK(observer.name_has_owner(tray.item.bus_name().c_str()));

  for (int restart = 0; restart < 2; ++restart) {
    {
      FakeTrayHost host(bus);
      REQUIRE(pump_until([&] { return host.registrations.size() == 1; }));
      CHECK(pump_until([&] { return tray.item.registered(); }));
    }
    REQUIRE(pump_until([&] { return !tray.item.registered(); }));
  }
  // A second line would follow a bus answer to the item, not anything the test could wait on:
  // a short bound.
  pump_for(100ms);
  CHECK(tray.logs.size() == 1);  // logged once, however often the watcher goes
}

TEST_CASE("without a session bus the item logs once and stays quiet", "[tray][watcher]") {
  setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/sitstretch-tray-test", 1);
  // GLib shares one session connection while anyone holds it: when earlier tests in this process
  // used the bus, wait until it has been let go so that the item really finds no bus.
  REQUIRE(pump_until([] {
    GDBusConnection* bus = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, nullptr);
    if (bus == nullptr) return true;
    g_object_unref(bus);
    return false;
  }));
  RecordingTray tray;
  REQUIRE(pump_until([&] { return tray.logs.size() == 1; }));
  CHECK(tray.logs[0].find("no session bus") != std::string::npos);
  tray.item.update({});
  CHECK_FALSE(tray.item.registered());
}
