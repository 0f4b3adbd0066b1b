// The D-Bus probes: notification server, tray host, logind and screen lockers. Each makes a
// connection of its own (not GLib's shared one, which would end the process if its bus went away)
// and blocking calls with short timeouts.
#include <gio/gio.h>

#include <unistd.h>
#include <memory>
#include <string>

#include "doctor/probes.hpp"

namespace sitstretch::doctor {
namespace {

constexpr int kTimeoutMs = 3000;
// Calling the notification server may start it (D-Bus activation), as the daemon's first prompt
// would; servers take a moment to come up.
constexpr int kActivationTimeoutMs = 10000;

struct Unref {
  void operator()(GVariant* v) const { g_variant_unref(v); }
  void operator()(GDBusConnection* c) const {
    g_dbus_connection_close_sync(c, nullptr, nullptr);
    g_object_unref(c);
  }
};
using Variant = std::unique_ptr<GVariant, Unref>;
using Connection = std::unique_ptr<GDBusConnection, Unref>;

std::string take_message(GError* error) {
  std::string message = error != nullptr ? error->message : "unknown error";
  if (error != nullptr) g_error_free(error);
  return message;
}

// A private connection to the bus, or nullptr with *error set.
Connection connect(GBusType type, std::string* error) {
  GError* failure = nullptr;
  g_autofree gchar* address = g_dbus_address_get_for_bus_sync(type, nullptr, &failure);
  if (address == nullptr) {
    *error = take_message(failure);
    return nullptr;
  }
  Connection bus(g_dbus_connection_new_for_address_sync(
      address,
      static_cast<GDBusConnectionFlags>(G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                        G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION),
      nullptr, nullptr, &failure));
  if (!bus) *error = take_message(failure);
  return bus;
}

Variant call(GDBusConnection* bus, const char* destination, const char* path, const char* interface,
             const char* method, GVariant* args, const char* reply_type, std::string* error,
             GDBusCallFlags flags = G_DBUS_CALL_FLAGS_NO_AUTO_START, int timeout_ms = kTimeoutMs) {
  GError* failure = nullptr;
  Variant reply(g_dbus_connection_call_sync(bus, destination, path, interface, method, args,
                                            G_VARIANT_TYPE(reply_type), flags, timeout_ms, nullptr,
                                            &failure));
  if (!reply) {
    g_dbus_error_strip_remote_error(failure);
    *error = take_message(failure);
  }
  return reply;
}

bool has_owner(GDBusConnection* bus, const char* name) {
  std::string ignored;
  Variant reply = call(bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                       "NameHasOwner", g_variant_new("(s)", name), "(b)", &ignored);
  gboolean owned = FALSE;
  if (reply) g_variant_get(reply.get(), "(b)", &owned);
  return owned;
}

// logind's object for our session: the one of this process, else the caller's "auto" session
// (the session of the user's display, for a process started outside one).
std::string logind_session(GDBusConnection* bus) {
  constexpr const char* kLogind = "org.freedesktop.login1";
  std::string ignored;
  Variant reply = call(bus, kLogind, "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                       "GetSessionByPID", g_variant_new("(u)", static_cast<guint32>(getpid())),
                       "(o)", &ignored);
  if (!reply) {
    reply = call(bus, kLogind, "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                 "GetSession", g_variant_new("(s)", "auto"), "(o)", &ignored);
  }
  if (!reply) return "";
  const gchar* path = nullptr;
  g_variant_get(reply.get(), "(&o)", &path);
  return path;
}

}  // namespace

NotifyFacts probe_notifications() {
  NotifyFacts facts;
  Connection bus = connect(G_BUS_TYPE_SESSION, &facts.error);
  if (!bus) return facts;
  constexpr const char* kName = "org.freedesktop.Notifications";
  constexpr const char* kPath = "/org/freedesktop/Notifications";
  Variant info = call(bus.get(), kName, kPath, kName, "GetServerInformation", nullptr, "(ssss)",
                      &facts.error, G_DBUS_CALL_FLAGS_NONE, kActivationTimeoutMs);
  if (!info) return facts;
  const gchar *name, *vendor, *version, *spec;
  g_variant_get(info.get(), "(&s&s&s&s)", &name, &vendor, &version, &spec);
  facts.name = name;
  facts.vendor = vendor;
  facts.version = version;
  facts.spec_version = spec;
  std::string ignored;  // a server without capabilities offers none
  Variant caps = call(bus.get(), kName, kPath, kName, "GetCapabilities", nullptr, "(as)", &ignored);
  if (!caps) return facts;
  g_autoptr(GVariantIter) iter = nullptr;
  g_variant_get(caps.get(), "(as)", &iter);
  const gchar* cap = nullptr;
  while (g_variant_iter_next(iter, "&s", &cap)) facts.capabilities.emplace_back(cap);
  return facts;
}

TrayFacts probe_tray() {
  TrayFacts facts;
  Connection bus = connect(G_BUS_TYPE_SESSION, &facts.bus_error);
  if (!bus) return facts;
  constexpr const char* kWatcher = "org.kde.StatusNotifierWatcher";
  facts.watcher = has_owner(bus.get(), kWatcher);
  if (!facts.watcher) return facts;
  std::string ignored;  // a watcher without the property leaves it unknown
  Variant reply =
      call(bus.get(), kWatcher, "/StatusNotifierWatcher", "org.freedesktop.DBus.Properties", "Get",
           g_variant_new("(ss)", kWatcher, "IsStatusNotifierHostRegistered"), "(v)", &ignored);
  if (!reply) return facts;
  Variant value(g_variant_get_child_value(reply.get(), 0));
  Variant inner(g_variant_get_variant(value.get()));
  if (g_variant_is_of_type(inner.get(), G_VARIANT_TYPE_BOOLEAN)) {
    facts.host_registered = g_variant_get_boolean(inner.get());
  }
  return facts;
}

LockFacts probe_lock() {
  LockFacts facts;
  if (Connection system = connect(G_BUS_TYPE_SYSTEM, &facts.system_bus_error)) {
    facts.logind = has_owner(system.get(), "org.freedesktop.login1");
    if (facts.logind) facts.logind_session = logind_session(system.get());
  }
  if (Connection session = connect(G_BUS_TYPE_SESSION, &facts.session_bus_error)) {
    for (const char* name : {"org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver"}) {
      if (has_owner(session.get(), name)) facts.screensavers.emplace_back(name);
    }
  }
  return facts;
}

}  // namespace sitstretch::doctor
