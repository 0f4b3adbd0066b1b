// The dnd source (SPEC §2 rule 9) picks the reader of the notification server that runs and
// follows it, against the tests' own notification server and an in-process one.
#include <catch2/catch.hpp>

#include "dnd_fixture.hpp"
#include "test_bus.hpp"

using sitstretch::busy::test::DndProbe;
using sitstretch::busy::test::FakeServer;
using sitstretch::busy::test::use_test_session;

namespace {

constexpr const char* kInhibited =
    "dnd: fake_notification_server 1 (Inhibited, org.freedesktop.Notifications PropertiesChanged)";

// A notification server that says who it is and nothing more, served from this process.
class BareServer {
 public:
  BareServer() {
    static const char* xml =
        "<node><interface name='org.freedesktop.Notifications'>"
        "<method name='GetServerInformation'><arg direction='out' type='s'/>"
        "<arg direction='out' type='s'/><arg direction='out' type='s'/>"
        "<arg direction='out' type='s'/></method></interface></node>";
    node_ = g_dbus_node_info_new_for_xml(xml, nullptr);
    use_test_session();
    bus_ = sitstretch::test::connect_to_bus(sitstretch::test::use_private_session_bus());
    static const GDBusInterfaceVTable vtable{&BareServer::on_call, nullptr, nullptr, {}};
    g_dbus_connection_register_object(bus_, "/org/freedesktop/Notifications", node_->interfaces[0],
                                      &vtable, nullptr, nullptr, nullptr);
    sitstretch::test::own_name(bus_, "org.freedesktop.Notifications");
  }
  ~BareServer() {
    g_dbus_connection_close_sync(bus_, nullptr, nullptr);
    g_object_unref(bus_);
    g_dbus_node_info_unref(node_);
  }

 private:
  static void on_call(GDBusConnection*, const gchar*, const gchar*, const gchar*, const gchar*,
                      GVariant*, GDBusMethodInvocation* invocation, gpointer) {
    g_dbus_method_invocation_return_value(
        invocation, g_variant_new("(ssss)", "lxqt-notificationd", "lxqt", "1.2.0", "1.2"));
  }
  GDBusNodeInfo* node_;
  GDBusConnection* bus_;
};

}  // namespace

TEST_CASE("dnd follows the Inhibited property of the notification server (KDE Plasma's way)",
          "[dnd]") {
  FakeServer server;
  DndProbe probe;
  REQUIRE(probe.wait_describe(kInhibited));
  CHECK(probe.describe() == kInhibited);
  CHECK(probe.changes().empty());  // not inhibited at start: nothing to report

  server.set_inhibited(true);
  REQUIRE(probe.wait_busy(true));
  server.set_inhibited(false);
  REQUIRE(probe.wait_busy(false));
  CHECK(probe.changes() == std::vector<bool>{true, false});
}

TEST_CASE("dnd reads a do-not-disturb already on when the server appears", "[dnd]") {
  DndProbe probe;
  REQUIRE(probe.wait_describe("dnd: none (no notification server running)"));
  FakeServer server;
  server.set_inhibited(true);  // before the source has asked, or after: either way it is seen
  REQUIRE(probe.wait_busy(true));
  CHECK(probe.describe() == kInhibited);
}

TEST_CASE("dnd ends when the notification server goes, and a new one is picked afresh", "[dnd]") {
  DndProbe probe;
  {
    FakeServer server;
    server.set_inhibited(true);
    REQUIRE(probe.wait_busy(true));
  }
  REQUIRE(probe.wait_busy(false));
  REQUIRE(probe.wait_describe("dnd: none (no notification server running)"));

  // A replacement that offers no do-not-disturb state is named, and holds nothing.
  BareServer bare;
  REQUIRE(probe.wait_describe("dnd: none (notification server lxqt-notificationd 1.2.0 offers"));
  CHECK(probe.describe() ==
        "dnd: none (notification server lxqt-notificationd 1.2.0 offers no do-not-disturb "
        "state)");
  CHECK(probe.changes() == std::vector<bool>{true, false});
  CHECK(!probe.source().needs_recheck());
}
