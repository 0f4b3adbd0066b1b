// The inhibitor rule on X11 (idle.inhibited_is_sitting): logind's BlockInhibited containing
// "idle" keeps the user present. A real Xvfb with xdotool input; logind played by the test on
// the private system bus (org.freedesktop.login1.Manager's BlockInhibited and
// PropertiesChanged).

#include <catch2/catch.hpp>

#include "idle/idle_factory.hpp"
#include "idle_fixture.hpp"
#include "private_bus.hpp"

namespace sitstretch::idle::test {
namespace {

using core::Signal;

class FakeLogindManager {
 public:
  FakeLogindManager() : bus_(sitstretch::test::TestBuses::use().system_address) {
    bus_.on_get = [this](const char*, const char*, const char* property) -> GVariant* {
      if (std::string(property) != "BlockInhibited") return nullptr;
      return g_variant_new_string(blocked_.c_str());
    };
    bus_.add_object("/org/freedesktop/login1", R"(<node>
      <interface name="org.freedesktop.login1.Manager">
        <property name="BlockInhibited" type="s" access="read"/>
      </interface></node>)");
    bus_.own("org.freedesktop.login1");
  }

  void block(const std::string& what) {
    blocked_ = what;
    GVariantBuilder changed;
    g_variant_builder_init(&changed, G_VARIANT_TYPE("a{sv}"));
    g_variant_builder_add(&changed, "{sv}", "BlockInhibited", g_variant_new_string(what.c_str()));
    bus_.emit("/org/freedesktop/login1", "org.freedesktop.DBus.Properties", "PropertiesChanged",
              g_variant_new("(sa{sv}as)", "org.freedesktop.login1.Manager", &changed, nullptr));
  }

 private:
  sitstretch::test::PrivateBus bus_;
  std::string blocked_ = "sleep";
};

// Runs the source's Asio loop and the GLib context that carries the inhibitor's signals.
bool pump_until(IdleFixture& f, const std::function<bool()>& done, Ms timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    const bool glib = g_main_context_iteration(nullptr, FALSE);
    if (f.io().poll() == 0 && !glib) std::this_thread::sleep_for(2ms);
    f.io().restart();
  }
  return true;
}

std::unique_ptr<IdleSource> open(IdleFixture& f, bool inhibited_is_sitting) {
  boost::asio::io_context& io = f.io();
  IdleChoice choice =
      choose_idle_source(io, f.sink(), IdleFixture::clock(), IdleSession{"x11", "", f.display()},
                         IdleRequest{"x11-sync", 1500ms, inhibited_is_sitting});
  INFO(choice.error);
  REQUIRE(choice.source);
  CHECK(choice.source->name() == "x11-sync");
  return std::move(choice.source);
}

TEST_CASE("X11 with logind: while idle is inhibited the user counts as present", "[logind]") {
  FakeLogindManager logind;
  IdleFixture f;
  auto source = open(f, true);
  pump_until(
      f, [] { return false; }, 200ms);  // logind's property is read
  auto& events = f.events();
  f.input();
  REQUIRE(pump_until(
      f, [&] { return events.size() == 1; }, 1500ms + 600ms));
  REQUIRE(events[0].signal == Signal::idle);

  const Ms inhibited_at = boot_now();
  logind.block("sleep:idle");  // a video starts
  REQUIRE(pump_until(
      f, [&] { return events.size() == 2; }, 600ms));
  CHECK(events[1].signal == Signal::active);
  CHECK(events[1].at >= inhibited_at);
  pump_until(
      f, [] { return false; }, 2500ms);  // watching, no input: no idle
  CHECK(events.size() == 2);
  CHECK(source->idle_for() == Ms(0));

  const Ms over_at = boot_now();
  logind.block("sleep");  // the video ends; presence counts from now
  REQUIRE(pump_until(
      f, [&] { return events.size() == 3; }, 1500ms + 600ms));
  CHECK(events[2].signal == Signal::idle);
  CHECK(events[2].at >= over_at - 50ms);
  CHECK(events[2].at <= over_at + 600ms);
  CHECK(boot_now() - over_at >= 1500ms - 50ms);

  f.input();
  REQUIRE(pump_until(
      f, [&] { return events.size() == 4; }, 600ms));
  CHECK(events[3].signal == Signal::active);
}

TEST_CASE("X11 with logind: with inhibited_is_sitting false only input counts", "[logind]") {
  FakeLogindManager logind;
  logind.block("idle");
  IdleFixture f;
  auto source = open(f, false);
  const InputTime last = f.input();
  REQUIRE(pump_until(
      f, [&] { return f.events().size() == 1; }, 1500ms + 600ms));
  CHECK(f.events()[0].signal == Signal::idle);
  CHECK(f.events()[0].at <= last.after + 50ms);
}

}  // namespace
}  // namespace sitstretch::idle::test
