#include "private_bus.hpp"

#include <stdexcept>

namespace sitstretch::test {

PrivateBus::PrivateBus(const std::string& address) : connection_(connect_to_bus(address)) {}

PrivateBus::~PrivateBus() {
  g_dbus_connection_close_sync(connection_, nullptr, nullptr);
  g_object_unref(connection_);
}

void PrivateBus::own(const char* name) {
  own_name(connection_, name);
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
