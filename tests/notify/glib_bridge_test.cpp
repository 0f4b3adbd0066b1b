// app::GlibBridge: GLib sources and GDBus replies are dispatched while only the Asio
// io_context runs, and the bridge sleeps while GLib has nothing to do.

#include <gio/gio.h>

#include <boost/asio/post.hpp>
#include <catch2/catch.hpp>
#include <chrono>

#include "notify_test_support.hpp"

using namespace std::chrono_literals;
using sitstretch::test::Loop;

namespace {

gboolean count_and_stop(gpointer counter) {
  ++*static_cast<int*>(counter);
  return G_SOURCE_REMOVE;
}

}  // namespace

TEST_CASE("GLib idle and timeout sources fire while only the io_context runs", "[glib_bridge]") {
  Loop loop;
  int idles = 0, timeouts = 0;
  g_idle_add(count_and_stop, &idles);
  g_timeout_add(50, count_and_stop, &timeouts);

  const auto start = std::chrono::steady_clock::now();
  REQUIRE(loop.run_until([&] { return timeouts == 1; }));
  CHECK(idles == 1);
  CHECK(std::chrono::steady_clock::now() - start >= 45ms);
}

TEST_CASE("a GDBus call on a private bus completes through the bridge", "[glib_bridge]") {
  const std::string address = sitstretch::test::use_private_session_bus();
  GError* error = nullptr;
  GDBusConnection* connection = g_dbus_connection_new_for_address_sync(
      address.c_str(),
      GDBusConnectionFlags(G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                           G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION),
      nullptr, nullptr, &error);
  REQUIRE(connection);

  Loop loop;
  std::string bus_id;
  g_dbus_connection_call(
      connection, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "GetId",
      nullptr, G_VARIANT_TYPE("(s)"), G_DBUS_CALL_FLAGS_NONE, 2000, nullptr,
      [](GObject* source, GAsyncResult* result, gpointer out) {
        GVariant* reply = g_dbus_connection_call_finish(G_DBUS_CONNECTION(source), result, nullptr);
        if (!reply) return;
        const char* id = nullptr;
        g_variant_get(reply, "(&s)", &id);
        *static_cast<std::string*>(out) = id;
        g_variant_unref(reply);
      },
      &bus_id);

  REQUIRE(loop.run_until([&] { return !bus_id.empty(); }));
  CHECK(bus_id.size() == 32);  // a bus id is 32 hex digits
  g_object_unref(connection);
}

TEST_CASE("the bridge sleeps while GLib is quiet", "[glib_bridge]") {
  // Create a GDBus connection first, so GLib has real fds and threads around, as in the daemon.
  sitstretch::test::session_connection();
  Loop loop;
  int fired = 0;
  g_timeout_add(1000, count_and_stop, &fired);

  const auto start = std::chrono::steady_clock::now();
  REQUIRE(loop.run_until([&] { return fired == 1; }, 3s));
  CHECK(std::chrono::steady_clock::now() - start >= 990ms);
  // A handful of prepare/dispatch cycles for a second of quiet, not thousands.
  CHECK(loop.bridge().iterations() < 20);
}

TEST_CASE("wake() makes the bridge see a source attached from an Asio handler", "[glib_bridge]") {
  Loop loop;
  int idles = 0;
  // Let the bridge reach its wait first, so the idle really arrives "late".
  loop.run_until([] { return false; }, 50ms);
  boost::asio::post(loop.io(), [&] {
    g_idle_add(count_and_stop, &idles);
    loop.bridge().wake();
  });
  REQUIRE(loop.run_until([&] { return idles == 1; }, 2s));
}

TEST_CASE("a destroyed bridge leaves the context free for another", "[glib_bridge]") {
  { Loop first; }
  Loop second;
  int idles = 0;
  g_idle_add(count_and_stop, &idles);
  REQUIRE(second.bridge().active());
  REQUIRE(second.run_until([&] { return idles == 1; }));
}
