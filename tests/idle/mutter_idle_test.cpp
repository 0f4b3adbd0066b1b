// The Mutter IdleMonitor source against a real mutter 43 (headless, on a private session bus),
// with input made through Mutter's RemoteDesktop interface.

#include <catch2/catch.hpp>

#include "idle/mutter_idle.hpp"
#include "idle_fixture.hpp"
#include "mutter_session.hpp"
#include "private_bus.hpp"

namespace sitstretch::idle::test {
namespace {

using core::Signal;
using sitstretch::test::MutterSession;
using sitstretch::test::pump_for;
using sitstretch::test::pump_until;

constexpr Ms kSlack = 60ms;  // Mutter dates input on its own clock reading
constexpr Ms kLate = 600ms;  // D-Bus round trips, generous for sanitizers

// A recording sink and the source, driven by the test thread's GLib main context.
struct Watcher {
  std::vector<PresenceEvent> events;
  std::unique_ptr<MutterIdle> source;

  // The user is at work when the source opens: a source opened while Mutter was already idle
  // longer than the threshold would (rightly) report idle at once.
  explicit Watcher(Ms threshold, bool inhibited_is_sitting = true) {
    MutterSession::shared().input();
    std::string error;
    source = MutterIdle::open([this](const PresenceEvent& e) { events.push_back(e); }, &boot_now,
                              threshold, inhibited_is_sitting, &error);
    INFO(error);
    REQUIRE(source);
    pump_for(200ms);  // the watches are added
  }

  bool wait_for(std::size_t count, Ms timeout) {
    return pump_until([&] { return events.size() >= count; }, timeout);
  }
};

InputTime input() {
  const Ms before = boot_now();
  MutterSession::shared().input();
  return {before, boot_now()};
}

void check_idle_dated(const PresenceEvent& event, const InputTime& at, Ms threshold) {
  CHECK(event.signal == Signal::idle);
  CHECK(event.at >= at.before - kSlack);
  CHECK(event.at <= at.after + kSlack);
  const Ms noticed = boot_now();
  CHECK(noticed - at.before >= threshold - kSlack);
}

TEST_CASE("Mutter: no input for the threshold is idle dated at the last input", "[mutter]") {
  Watcher w(1500ms);
  REQUIRE(w.source->name() == "mutter");
  const InputTime last = input();
  REQUIRE(w.wait_for(1, 1500ms + kLate));
  check_idle_dated(w.events[0], last, 1500ms);

  SECTION("input again is active, at once") {
    const InputTime again = input();
    REQUIRE(w.wait_for(2, kLate));
    CHECK(w.events[1].signal == Signal::active);
    CHECK(w.events[1].at >= again.before);
    CHECK(w.events[1].at <= again.after + kLate);

    SECTION("and the next pause is idle again: the user-active watch is added each time") {
      const InputTime later = input();
      REQUIRE(w.wait_for(3, 1500ms + kLate));
      check_idle_dated(w.events[2], later, 1500ms);
      input();
      REQUIRE(w.wait_for(4, kLate));
      CHECK(w.events[3].signal == Signal::active);
    }
  }
}

TEST_CASE("Mutter: a user who keeps moving is never idle, and the source never wakes", "[mutter]") {
  Watcher w(1s);
  for (int i = 0; i < 10; ++i) {
    input();
    pump_for(250ms);
  }
  CHECK(w.events.empty());
}

TEST_CASE("Mutter: idle_for reads Mutter's idle time", "[mutter]") {
  Watcher w(1h);
  input();
  pump_for(700ms);
  const auto idle = w.source->idle_for();
  REQUIRE(idle);
  CHECK(*idle >= 600ms);
  CHECK(*idle < 700ms + kLate);
}

TEST_CASE("Mutter: a new threshold replaces the idle watch at once", "[mutter]") {
  Watcher w(1h);
  const InputTime last = input();
  pump_for(1200ms);
  REQUIRE(w.events.empty());
  w.source->set_threshold(1s);  // input stopped longer ago than that: idle follows promptly
  REQUIRE(w.wait_for(1, kLate));
  check_idle_dated(w.events[0], last, 1s);
  input();
  REQUIRE(w.wait_for(2, kLate));
  CHECK(w.events[1].signal == Signal::active);
  // Back to a long threshold: no idle after the short one passes.
  w.source->set_threshold(1h);
  pump_for(200ms);
  input();
  pump_for(1500ms);
  CHECK(w.events.size() == 2);
}

TEST_CASE("Mutter restarts: the watches are added again on the new instance", "[mutter]") {
  Watcher w(1500ms);
  input();
  REQUIRE(w.wait_for(1, 1500ms + kLate));
  REQUIRE(w.events[0].signal == Signal::idle);

  // While idle: the user-active watch moves over to the new instance. A fresh Mutter counts its
  // own start as activity (its idle time starts at zero), so `active` may come before the input.
  const Ms restarted = boot_now();
  MutterSession::shared().restart();
  const InputTime back = input();
  REQUIRE(w.wait_for(2, 2s));
  CHECK(w.events[1].signal == Signal::active);
  CHECK(w.events[1].at >= restarted);
  CHECK(w.events[1].at <= back.after + kLate);

  const InputTime last = input();  // and the new idle watch fires too
  REQUIRE(w.wait_for(3, 1500ms + kLate));
  check_idle_dated(w.events[2], last, 1500ms);
}

// gnome-session's inhibitor flags, played by the test: org.gnome.SessionManager with its
// InhibitedActions property (idle is bit 8) and PropertiesChanged.
class FakeSessionManager {
 public:
  FakeSessionManager() : bus_(sitstretch::test::TestBuses::use().session_address) {
    bus_.on_get = [this](const char*, const char*, const char* property) -> GVariant* {
      if (std::string(property) != "InhibitedActions") return nullptr;
      return g_variant_new_uint32(actions_);
    };
    bus_.add_object("/org/gnome/SessionManager", R"(<node>
      <interface name="org.gnome.SessionManager">
        <property name="InhibitedActions" type="u" access="read"/>
      </interface></node>)");
    bus_.own("org.gnome.SessionManager");
  }

  void set(guint32 actions) {
    actions_ = actions;
    GVariantBuilder changed;
    g_variant_builder_init(&changed, G_VARIANT_TYPE("a{sv}"));
    g_variant_builder_add(&changed, "{sv}", "InhibitedActions", g_variant_new_uint32(actions));
    bus_.emit("/org/gnome/SessionManager", "org.freedesktop.DBus.Properties", "PropertiesChanged",
              g_variant_new("(sa{sv}as)", "org.gnome.SessionManager", &changed, nullptr));
  }

 private:
  sitstretch::test::PrivateBus bus_;
  guint32 actions_ = 0;
};

TEST_CASE("Mutter: while an application inhibits idle the user counts as present", "[mutter]") {
  FakeSessionManager session_manager;
  Watcher w(1500ms);
  input();
  REQUIRE(w.wait_for(1, 1500ms + kLate));
  REQUIRE(w.events[0].signal == Signal::idle);

  const Ms inhibited_at = boot_now();
  session_manager.set(8 | 4);  // a video starts: idle (8) and suspend (4) inhibited
  REQUIRE(w.wait_for(2, kLate));
  CHECK(w.events[1].signal == Signal::active);
  CHECK(w.events[1].at >= inhibited_at);

  pump_for(2500ms);  // no input, but watching: no idle
  CHECK(w.events.size() == 2);
  CHECK(w.source->idle_for() == Ms(0));

  const Ms over_at = boot_now();
  session_manager.set(4);  // the video ends; presence counts from now
  REQUIRE(w.wait_for(3, 1500ms + kLate));
  CHECK(w.events[2].signal == Signal::idle);
  CHECK(w.events[2].at >= over_at - kSlack);
  CHECK(w.events[2].at <= over_at + kLate);
  CHECK(boot_now() - over_at >= 1500ms - kSlack);
  session_manager.set(0);
}

// doc/idle-sources.md says so: Mutter 43 itself holds its idle watches while gnome-session
// reports the idle bit, so input-only idleness is not to be had from it.
TEST_CASE("Mutter: without inhibited_is_sitting, Mutter still holds idle while inhibited",
          "[mutter]") {
  FakeSessionManager session_manager;
  session_manager.set(8);
  Watcher w(1s, false);
  input();
  pump_for(2500ms);
  CHECK(w.events.empty());
  session_manager.set(0);
  REQUIRE(w.wait_for(1, 1s + kLate));  // Mutter's own watch, once the inhibitor is gone
  CHECK(w.events[0].signal == Signal::idle);
}

TEST_CASE("Mutter IdleMonitor missing: open says what is missing", "[mutter]") {
  MutterSession::shared().stop();
  std::string error;
  auto source = MutterIdle::open([](const PresenceEvent&) {}, &boot_now, 1s, true, &error);
  MutterSession::shared().start();
  CHECK(source == nullptr);
  CHECK(error.starts_with("org.gnome.Mutter.IdleMonitor is not on the session bus"));
}

}  // namespace
}  // namespace sitstretch::idle::test
