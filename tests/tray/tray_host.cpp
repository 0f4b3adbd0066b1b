#include "tray_host.hpp"

#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "child_process.hpp"

namespace sitstretch::test {

namespace {

constexpr const char* kWatcherXml = R"xml(<node>
  <interface name="org.kde.StatusNotifierWatcher">
    <method name="RegisterStatusNotifierItem"><arg type="s" direction="in"/></method>
    <method name="RegisterStatusNotifierHost"><arg type="s" direction="in"/></method>
  </interface></node>)xml";

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

const std::string& use_test_session_bus() {
  // Kept for the whole process: GLib's shared session connection must not outlive its bus.
  static DbusDaemon bus;
  setenv("DBUS_SESSION_BUS_ADDRESS", bus.address().c_str(), 1);
  return bus.address();
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

FakeTrayHost::FakeTrayHost(const std::string& address, bool own_watcher) {
  connection_ = g_dbus_connection_new_for_address_sync(
      address.c_str(),
      static_cast<GDBusConnectionFlags>(G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                        G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION),
      nullptr, nullptr, nullptr);
  if (connection_ == nullptr) throw std::runtime_error("cannot connect to the test bus");
  g_dbus_connection_set_exit_on_close(connection_, FALSE);
  subscription_ = g_dbus_connection_signal_subscribe(connection_, nullptr, nullptr, nullptr,
                                                     nullptr, nullptr, G_DBUS_SIGNAL_FLAGS_NONE,
                                                     &FakeTrayHost::on_signal, this, nullptr);
  if (!own_watcher) return;
  static const GDBusInterfaceVTable vtable = {&FakeTrayHost::on_call, nullptr, nullptr, {}};
  GDBusNodeInfo* node = g_dbus_node_info_new_for_xml(kWatcherXml, nullptr);
  g_dbus_connection_register_object(connection_, "/StatusNotifierWatcher", node->interfaces[0],
                                    &vtable, this, nullptr, nullptr);
  g_dbus_node_info_unref(node);
  GVariant* reply = g_dbus_connection_call_sync(
      connection_, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
      "RequestName", g_variant_new("(su)", "org.kde.StatusNotifierWatcher", 4u),
      G_VARIANT_TYPE("(u)"), G_DBUS_CALL_FLAGS_NONE, 2000, nullptr, nullptr);
  guint32 result = 0;
  if (reply != nullptr) {
    g_variant_get(reply, "(u)", &result);
    g_variant_unref(reply);
  }
  if (result != 1) throw std::runtime_error("cannot own org.kde.StatusNotifierWatcher");
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
