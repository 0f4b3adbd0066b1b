#include <catch2/catch.hpp>

#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fake_desktop.hpp"
#include "private_bus.hpp"
#include "session/session_watch.hpp"

using namespace std::chrono_literals;
using sitstretch::core::Ms;
using sitstretch::core::Signal;
using sitstretch::session::SessionWatch;
using sitstretch::test::FakeLogind;
using sitstretch::test::FakeScreensaver;
using sitstretch::test::pump_for;
using sitstretch::test::pump_until;
using sitstretch::test::TestBuses;

namespace {

using Event = std::pair<Signal, Ms>;
constexpr const char* kFreedesktop = "org.freedesktop.ScreenSaver";
constexpr const char* kGnome = "org.gnome.ScreenSaver";

// A SessionWatch with a settable boot clock, recording what it reports and logs.
struct Watched {
  Ms now{1000};
  std::vector<Event> events;
  std::vector<std::string> logs;
  std::unique_ptr<SessionWatch> watch = std::make_unique<SessionWatch>(
      [this](Signal signal, Ms at) { events.emplace_back(signal, at); }, [this] { return now; },
      [this](std::string_view line) { logs.emplace_back(line); });

  bool has(std::size_t count) {
    return pump_until([&] { return events.size() >= count; });
  }
};

// GLib shares one connection per bus type while anyone holds it. Point `bus` at nothing and
// wait until earlier watchers in this process have let go of the real one.
bool unreachable(GBusType bus_type) {
  setenv(bus_type == G_BUS_TYPE_SYSTEM ? "DBUS_SYSTEM_BUS_ADDRESS" : "DBUS_SESSION_BUS_ADDRESS",
         "unix:path=/nonexistent/sitstretch-test-bus", 1);
  return pump_until([bus_type] {
    GDBusConnection* bus = g_bus_get_sync(bus_type, nullptr, nullptr);
    if (bus == nullptr) return true;
    g_object_unref(bus);
    return false;
  });
}

// Returns once the bus has handled everything this process sent on the shared system-bus
// connection so far (signal subscriptions included): a method call's reply comes after them.
void system_bus_barrier() {
  GDBusConnection* bus = g_bus_get_sync(G_BUS_TYPE_SYSTEM, nullptr, nullptr);
  REQUIRE(bus != nullptr);
  GVariant* reply = g_dbus_connection_call_sync(
      bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "GetId",
      nullptr, nullptr, G_DBUS_CALL_FLAGS_NONE, 2000, nullptr, nullptr);
  CHECK(reply != nullptr);
  if (reply != nullptr) g_variant_unref(reply);
  g_object_unref(bus);
}

}  // namespace

TEST_CASE("logind Lock and Unlock report locked and unlocked at boot-clock time", "[session]") {
  const auto& buses = TestBuses::use();
  FakeLogind logind(buses.system_address);
  Watched w;
  REQUIRE(pump_until([&] { return logind.hint_reads() >= 1; }));
  CHECK(w.events.empty());  // LockedHint false at start: nothing to report

  w.now = 5000ms;
  logind.lock();
  REQUIRE(w.has(1));
  w.now = 9000ms;
  logind.unlock();
  REQUIRE(w.has(2));
  CHECK(w.events == std::vector<Event>{{Signal::locked, 5000ms}, {Signal::unlocked, 9000ms}});
  CHECK(w.watch->describe().find("logind session /org/freedesktop/login1/session/_31") !=
        std::string::npos);
  CHECK(w.logs.empty());
}

TEST_CASE("Lock and LockedHint for the same lock are reported once", "[session]") {
  const auto& buses = TestBuses::use();
  FakeLogind logind(buses.system_address);
  Watched w;
  REQUIRE(pump_until([&] { return logind.hint_reads() >= 1; }));

  // Signals from one sender arrive in order, so the sleep marks that all before it were seen.
  logind.lock();
  logind.set_locked_hint(true);
  logind.prepare_for_sleep(true);
  REQUIRE(w.has(2));
  logind.prepare_for_sleep(false);
  logind.set_locked_hint(false);
  logind.unlock();
  logind.lock();
  logind.prepare_for_sleep(true);  // and this one marks the end of the rest
  REQUIRE(w.has(6));
  CHECK(w.events == std::vector<Event>{{Signal::locked, 1000ms},
                                       {Signal::sleep, 1000ms},
                                       {Signal::wake, 1000ms},
                                       {Signal::unlocked, 1000ms},
                                       {Signal::locked, 1000ms},
                                       {Signal::sleep, 1000ms}});
}

TEST_CASE("LockedHint alone locks and unlocks, and is read at start", "[session]") {
  const auto& buses = TestBuses::use();
  FakeLogind logind(buses.system_address);
  logind.set_locked_hint(true);  // already locked when the daemon starts
  Watched w;
  REQUIRE(w.has(1));
  CHECK(w.events.back() == Event{Signal::locked, 1000ms});

  w.now = 2000ms;
  logind.set_locked_hint(false);
  REQUIRE(w.has(2));
  CHECK(w.events.back() == Event{Signal::unlocked, 2000ms});
  w.now = 3000ms;
  logind.set_locked_hint(true);
  REQUIRE(w.has(3));
  CHECK(w.events.back() == Event{Signal::locked, 3000ms});
}

TEST_CASE("PrepareForSleep reports sleep and wake once each", "[session]") {
  const auto& buses = TestBuses::use();
  FakeLogind logind(buses.system_address);
  Watched w;
  REQUIRE(pump_until([&] { return logind.hint_reads() >= 1; }));

  w.now = 60'000ms;
  logind.prepare_for_sleep(true);
  REQUIRE(w.has(1));
  CHECK(w.watch->sleeping());
  w.now = 660'000ms;  // the boot clock counted through the suspend
  logind.prepare_for_sleep(false);
  logind.prepare_for_sleep(false);  // a repeat is not a second wake
  logind.lock();
  REQUIRE(w.has(3));
  CHECK(w.events == std::vector<Event>{{Signal::sleep, 60'000ms},
                                       {Signal::wake, 660'000ms},
                                       {Signal::locked, 660'000ms}});
}

TEST_CASE("the session is found by XDG_SESSION_ID or logind's auto session", "[session]") {
  const auto& buses = TestBuses::use();
  FakeLogind logind(buses.system_address, /*knows_our_pid=*/false);
  const char* saved = std::getenv("XDG_SESSION_ID");
  const std::optional<std::string> original =
      saved ? std::optional<std::string>(saved) : std::nullopt;
  const bool from_environment = GENERATE(true, false);  // else from logind's auto session
  INFO("XDG_SESSION_ID " << (from_environment ? "set" : "unset"));
  if (from_environment) {
    setenv("XDG_SESSION_ID", "31", 1);
  } else {
    unsetenv("XDG_SESSION_ID");
  }

  Watched w;
  const bool found = pump_until([&] { return logind.hint_reads() >= 1; });
  if (original) {
    setenv("XDG_SESSION_ID", original->c_str(), 1);
  } else {
    unsetenv("XDG_SESSION_ID");
  }
  REQUIRE(found);
  logind.lock();
  REQUIRE(w.has(1));
  CHECK(w.events.back().first == Signal::locked);
  CHECK(w.watch->describe().find("session/_31") != std::string::npos);
}

TEST_CASE("ActiveChanged from either screensaver interface locks and unlocks", "[session]") {
  const auto& buses = TestBuses::use();
  FakeScreensaver screensaver(buses.session_address);
  Watched w;
  REQUIRE(pump_until([&] { return screensaver.active_queries() >= 2; }));
  CHECK(w.events.empty());

  // Paths differ between desktops; only interface and member matter.
  screensaver.active_changed(kFreedesktop, "/ScreenSaver", true);
  screensaver.active_changed(kFreedesktop, "/org/freedesktop/ScreenSaver", false);
  REQUIRE(w.has(2));
  w.now = 7000ms;
  screensaver.active_changed(kGnome, "/org/gnome/ScreenSaver", true);
  REQUIRE(w.has(3));
  w.now = 8000ms;
  screensaver.active_changed(kGnome, "/org/gnome/ScreenSaver", false);
  REQUIRE(w.has(4));
  CHECK(w.events == std::vector<Event>{{Signal::locked, 1000ms},
                                       {Signal::unlocked, 1000ms},
                                       {Signal::locked, 7000ms},
                                       {Signal::unlocked, 8000ms}});
  const std::string description = w.watch->describe();
  CHECK(description.find("org.freedesktop.ScreenSaver") != std::string::npos);
  CHECK(description.find("org.gnome.ScreenSaver") != std::string::npos);
}

TEST_CASE("a screen locker already active at start reports one lock", "[session]") {
  const auto& buses = TestBuses::use();
  FakeScreensaver screensaver(buses.session_address, /*active=*/true);
  Watched w;
  REQUIRE(pump_until([&] { return screensaver.active_queries() >= 2; }));
  // Sent after both answers, so it comes in after any lock they could give.
  screensaver.active_changed(kFreedesktop, "/ScreenSaver", false);
  REQUIRE(w.has(2));
  CHECK(w.events == std::vector<Event>{{Signal::locked, 1000ms}, {Signal::unlocked, 1000ms}});
}

TEST_CASE("logind and the screensaver reporting one lock give one lock", "[session]") {
  const auto& buses = TestBuses::use();
  FakeLogind logind(buses.system_address);
  FakeScreensaver screensaver(buses.session_address);
  Watched w;
  REQUIRE(
      pump_until([&] { return logind.hint_reads() >= 1 && screensaver.active_queries() >= 2; }));

  logind.lock();
  REQUIRE(w.has(1));
  // Same sender, in order: the unlock arriving proves the repeated lock was swallowed.
  screensaver.active_changed(kGnome, "/org/gnome/ScreenSaver", true);
  screensaver.active_changed(kGnome, "/org/gnome/ScreenSaver", false);
  REQUIRE(w.has(2));
  logind.unlock();
  logind.set_locked_hint(false);
  logind.prepare_for_sleep(true);  // marks the end of logind's duplicates
  REQUIRE(w.has(3));
  CHECK(w.events == std::vector<Event>{{Signal::locked, 1000ms},
                                       {Signal::unlocked, 1000ms},
                                       {Signal::sleep, 1000ms}});
}

TEST_CASE("without logind the screensaver still works and it is logged once", "[session]") {
  const auto& buses = TestBuses::use();
  FakeScreensaver screensaver(buses.session_address);
  Watched w;
  REQUIRE(pump_until([&] { return screensaver.active_queries() >= 2 && !w.logs.empty(); }));
  screensaver.active_changed(kFreedesktop, "/ScreenSaver", true);
  REQUIRE(w.has(1));
  REQUIRE(w.logs.size() == 1);
  CHECK(w.logs[0].find("no logind on the system bus") != std::string::npos);
  CHECK(w.watch->describe().find("logind") == std::string::npos);
}

TEST_CASE("without a system bus at all the screensaver still works", "[session]") {
  const auto& buses = TestBuses::use();
  REQUIRE(unreachable(G_BUS_TYPE_SYSTEM));
  FakeScreensaver screensaver(buses.session_address);
  Watched w;
  REQUIRE(pump_until([&] { return screensaver.active_queries() >= 2 && !w.logs.empty(); }));
  screensaver.active_changed(kFreedesktop, "/org/freedesktop/ScreenSaver", true);
  screensaver.active_changed(kFreedesktop, "/org/freedesktop/ScreenSaver", false);
  REQUIRE(w.has(2));
  CHECK(w.events.front().first == Signal::locked);
  // The bus failed at start, and nothing follows a log that is rightly not repeated: a short
  // bound.
  pump_for(30ms);
  REQUIRE(w.logs.size() == 1);
  CHECK(w.logs[0].find("no logind on the system bus") != std::string::npos);
  CHECK(w.watch->describe().rfind("screensaver signals", 0) == 0);
}

TEST_CASE("without any bus the watch reports nothing and logs once per bus", "[session]") {
  TestBuses::use();
  REQUIRE(unreachable(G_BUS_TYPE_SYSTEM));
  REQUIRE(unreachable(G_BUS_TYPE_SESSION));
  Watched w;
  REQUIRE(pump_until([&] { return w.logs.size() >= 2; }));
  pump_for(30ms);  // as above: no event could mark that no third line comes
  CHECK(w.logs.size() == 2);
  CHECK(w.events.empty());
  CHECK(w.watch->describe() == "no lock or suspend source");
}

TEST_CASE("a watch destroyed with calls in flight goes quietly", "[session]") {
  const auto& buses = TestBuses::use();
  FakeLogind logind(buses.system_address);
  FakeScreensaver screensaver(buses.session_address);
  for (int i = 0; i < 3; ++i) {
    Watched w;
    pump_for(std::chrono::milliseconds(i * 2));  // destroyed at different stages of start-up
  }
  Watched survivor;
  REQUIRE(pump_until(
      [&] { return survivor.watch->describe().find("session/_31") != std::string::npos; }));
  system_bus_barrier();
  logind.lock();
  logind.unlock();  // marks the end: a duplicate lock would come before it
  REQUIRE(survivor.has(2));
  CHECK(survivor.events ==
        std::vector<Event>{{Signal::locked, 1000ms}, {Signal::unlocked, 1000ms}});
}
