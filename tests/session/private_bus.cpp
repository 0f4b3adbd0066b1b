#include "private_bus.hpp"

#include <stdexcept>
#include <thread>
#include <vector>

#include "child_process.hpp"

namespace sitstretch::test {

const TestBuses& TestBuses::use() {
  // Kept for the whole process: GLib's bus singletons must never outlive the daemon they talk
  // to, or GDBus ends the process when the bus goes away.
  static DbusDaemon session;
  static DbusDaemon system;
  static const TestBuses buses{session.address(), system.address()};
  setenv("DBUS_SESSION_BUS_ADDRESS", buses.session_address.c_str(), 1);
  setenv("DBUS_SYSTEM_BUS_ADDRESS", buses.system_address.c_str(), 1);
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

PrivateBus::PrivateBus(const std::string& address) {
  GError* error = nullptr;
  connection_ = g_dbus_connection_new_for_address_sync(
      address.c_str(),
      static_cast<GDBusConnectionFlags>(G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                        G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION),
      nullptr, nullptr, &error);
  if (connection_ == nullptr) {
    const std::string message = error->message;
    g_error_free(error);
    throw std::runtime_error("cannot connect to the test bus: " + message);
  }
}

PrivateBus::~PrivateBus() {
  g_dbus_connection_close_sync(connection_, nullptr, nullptr);
  g_object_unref(connection_);
}

void PrivateBus::own(const char* name) {
  GVariant* reply = g_dbus_connection_call_sync(
      connection_, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
      "RequestName", g_variant_new("(su)", name, 4u /* DO_NOT_QUEUE */), G_VARIANT_TYPE("(u)"),
      G_DBUS_CALL_FLAGS_NONE, 2000, nullptr, nullptr);
  guint32 result = 0;
  if (reply != nullptr) {
    g_variant_get(reply, "(u)", &result);
    g_variant_unref(reply);
  }
  if (result != 1) throw std::runtime_error(std::string("cannot own ") + name);
}

void PrivateBus::add_object(const char* path, const char* xml) {
  static const GDBusInterfaceVTable vtable = {
      &PrivateBus::on_call, &PrivateBus::on_property, nullptr, {}};
  GDBusNodeInfo* node = g_dbus_node_info_new_for_xml(xml, nullptr);
  if (node == nullptr) throw std::runtime_error("bad introspection XML");
  for (GDBusInterfaceInfo** info = node->interfaces; *info != nullptr; ++info) {
    if (g_dbus_connection_register_object(connection_, path, *info, &vtable, this, nullptr,
                                          nullptr) == 0)
      throw std::runtime_error(std::string("cannot export ") + path);
  }
  g_dbus_node_info_unref(node);
}

void PrivateBus::emit(const char* path, const char* interface, const char* member,
                      GVariant* parameters) {
  g_dbus_connection_emit_signal(connection_, nullptr, path, interface, member, parameters, nullptr);
}

void PrivateBus::on_call(GDBusConnection*, const gchar*, const gchar* path, const gchar* interface,
                         const gchar* method, GVariant* parameters,
                         GDBusMethodInvocation* invocation, gpointer self) {
  auto* that = static_cast<PrivateBus*>(self);
  GVariant* reply =
      that->on_method ? that->on_method(path, interface, method, parameters) : nullptr;
  if (reply != nullptr) {
    g_dbus_method_invocation_return_value(invocation, reply);
  } else {
    g_dbus_method_invocation_return_dbus_error(invocation, "org.freedesktop.DBus.Error.Failed",
                                               "refused by the test");
  }
}

GVariant* PrivateBus::on_property(GDBusConnection*, const gchar*, const gchar* path,
                                  const gchar* interface, const gchar* property, GError** error,
                                  gpointer self) {
  auto* that = static_cast<PrivateBus*>(self);
  GVariant* value = that->on_get ? that->on_get(path, interface, property) : nullptr;
  if (value == nullptr)
    g_set_error(error, G_DBUS_ERROR, G_DBUS_ERROR_FAILED, "no property %s", property);
  return value;
}

}  // namespace sitstretch::test
