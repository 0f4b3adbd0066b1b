#include "test_bus.hpp"

#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "child_process.hpp"

namespace sitstretch::test {

const std::string& use_private_session_bus() {
  // Kept until exit, see the header. The machine's services but its notification servers (see
  // DbusDaemon): the dnd tests need xfconfd and dconf activated.
  static const DbusDaemon bus;
  setenv("DBUS_SESSION_BUS_ADDRESS", bus.address().c_str(), 1);
  return bus.address();
}

const std::string& use_private_system_bus() {
  static const DbusDaemon bus;
  setenv("DBUS_SYSTEM_BUS_ADDRESS", bus.address().c_str(), 1);
  return bus.address();
}

const TestBuses& TestBuses::use() {
  const std::string& session = use_private_session_bus();
  const std::string& system = use_private_system_bus();
  static const TestBuses buses{session, system};
  return buses;
}

bool pump_until(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    if (!g_main_context_iteration(nullptr, FALSE))
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

void pump_for(std::chrono::milliseconds duration) {
  const auto deadline = std::chrono::steady_clock::now() + duration;
  pump_until([&] { return std::chrono::steady_clock::now() >= deadline; }, duration * 2);
}

GDBusConnection* connect_to_bus(const std::string& address) {
  GError* error = nullptr;
  GDBusConnection* connection = g_dbus_connection_new_for_address_sync(
      address.c_str(),
      static_cast<GDBusConnectionFlags>(G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                        G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION),
      nullptr, nullptr, &error);
  if (connection == nullptr) {
    const std::string message = error->message;
    g_error_free(error);
    throw std::runtime_error("cannot connect to the test bus: " + message);
  }
  return connection;
}

void own_name(GDBusConnection* connection, const char* name) {
  GVariant* reply = g_dbus_connection_call_sync(
      connection, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
      "RequestName", g_variant_new("(su)", name, 4u /* DO_NOT_QUEUE */), G_VARIANT_TYPE("(u)"),
      G_DBUS_CALL_FLAGS_NONE, 2000, nullptr, nullptr);
  guint32 result = 0;
  if (reply != nullptr) {
    g_variant_get(reply, "(u)", &result);
    g_variant_unref(reply);
  }
  if (result != 1) throw std::runtime_error(std::string("cannot own ") + name);
}

}  // namespace sitstretch::test
