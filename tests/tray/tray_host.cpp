#include "tray_host.hpp"

#include <stdexcept>

namespace sitstretch::test {

namespace {

constexpr const char* kWatcherXml = R"xml(<node>
  <interface name="org.kde.StatusNotifierWatcher">
    <method name="RegisterStatusNotifierItem"><arg type="s" direction="in"/></method>
    <method name="RegisterStatusNotifierHost"><arg type="s" direction="in"/></method>
    <property name="IsStatusNotifierHostRegistered" type="b" access="read"/>
  </interface></node>)xml";

// The fake is a host as well as the watcher, so a host is always registered.
GVariant* get_watcher_property(GDBusConnection*, const gchar*, const gchar*, const gchar*,
                               const gchar* name, GError** error, gpointer) {
  if (g_strcmp0(name, "IsStatusNotifierHostRegistered") == 0) return g_variant_new_boolean(TRUE);
  g_set_error(error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_PROPERTY, "no property %s", name);
  return nullptr;
}

struct CallResult {
  bool done = false;
  GVariant* reply = nullptr;
  std::string error;
};

void on_reply(GObject* source, GAsyncResult* result, gpointer data) {
  auto* out = static_cast<CallResult*>(data);
  GError* error = nullptr;
  out->reply = g_dbus_connection_call_finish(G_DBUS_CONNECTION(source), result, &error);
  if (error != nullptr) {
    out->error = error->message;
    g_error_free(error);
  }
  out->done = true;
}

}  // namespace

FakeTrayHost::FakeTrayHost(const std::string& address, bool own_watcher)
    : connection_(connect_to_bus(address)) {
  subscription_ = g_dbus_connection_signal_subscribe(connection_, nullptr, nullptr, nullptr,
                                                     nullptr, nullptr, G_DBUS_SIGNAL_FLAGS_NONE,
                                                     &FakeTrayHost::on_signal, this, nullptr);
  if (!own_watcher) return;
  static const GDBusInterfaceVTable vtable = {
      &FakeTrayHost::on_call, &get_watcher_property, nullptr, {}};
  GDBusNodeInfo* node = g_dbus_node_info_new_for_xml(kWatcherXml, nullptr);
  g_dbus_connection_register_object(connection_, "/StatusNotifierWatcher", node->interfaces[0],
                                    &vtable, this, nullptr, nullptr);
  g_dbus_node_info_unref(node);
  own_name(connection_, "org.kde.StatusNotifierWatcher");
}

FakeTrayHost::~FakeTrayHost() {
  g_dbus_connection_signal_unsubscribe(connection_, subscription_);
  g_dbus_connection_close_sync(connection_, nullptr, nullptr);
  g_object_unref(connection_);
}

Reply FakeTrayHost::call(const std::string& destination, const char* path, const char* interface,
                         const char* method, GVariant* parameters) {
  CallResult result;
  g_dbus_connection_call(connection_, destination.c_str(), path, interface, method, parameters,
                         nullptr, G_DBUS_CALL_FLAGS_NONE, 3000, nullptr, &on_reply, &result);
  pump_until([&] { return result.done; }, std::chrono::seconds(5));
  last_error = result.error;
  return Reply(result.reply);
}

Reply FakeTrayHost::get_property(const std::string& destination, const char* path,
                                 const char* interface, const char* name) {
  Reply reply = call(destination, path, "org.freedesktop.DBus.Properties", "Get",
                     g_variant_new("(ss)", interface, name));
  if (!reply) return Reply();
  GVariant* value = nullptr;
  g_variant_get(reply.get(), "(v)", &value);
  return Reply(value);
}

bool FakeTrayHost::name_has_owner(const char* name) {
  Reply reply = call("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                     "NameHasOwner", g_variant_new("(s)", name));
  gboolean has = FALSE;
  if (reply) g_variant_get(reply.get(), "(b)", &has);
  return has;
}

void FakeTrayHost::round_trip(const std::string& service) {
  Reply reply = get_property(service, "/StatusNotifierItem", "org.kde.StatusNotifierItem", "Id");
  if (!reply) throw std::runtime_error("no answer from " + service + ": " + last_error);
}

void FakeTrayHost::on_call(GDBusConnection*, const gchar* sender, const gchar*, const gchar*,
                           const gchar* method, GVariant* parameters,
                           GDBusMethodInvocation* invocation, gpointer self) {
  auto* host = static_cast<FakeTrayHost*>(self);
  if (g_strcmp0(method, "RegisterStatusNotifierItem") == 0) {
    const gchar* service = nullptr;
    g_variant_get(parameters, "(&s)", &service);
    host->registrations.push_back({service, sender});
  }
  g_dbus_method_invocation_return_value(invocation, nullptr);
}

void FakeTrayHost::on_signal(GDBusConnection*, const gchar*, const gchar* path, const gchar*,
                             const gchar* member, GVariant* parameters, gpointer self) {
  auto* host = static_cast<FakeTrayHost*>(self);
  const std::string p = path;
  if (p != "/StatusNotifierItem" && p != "/MenuBar") return;
  ++host->signal_counts[member];
  if (g_strcmp0(member, "ItemsPropertiesUpdated") == 0)
    host->menu_updates.emplace_back(g_variant_ref(parameters));
}

}  // namespace sitstretch::test
