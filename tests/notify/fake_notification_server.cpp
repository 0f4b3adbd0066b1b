// fake_notification_server LOGFILE [--name NAME]
//
// A small freedesktop Desktop Notifications 1.2 server for tests. It owns
// org.freedesktop.Notifications on the session bus named by DBUS_SESSION_BUS_ADDRESS, appends one
// JSON line per org.freedesktop.Notifications call to LOGFILE (flushed after each line), prints
// "ready" once the name is owned, and exits on SIGTERM or SIGINT.
//
// Tests drive the "user" through a second interface on the same connection:
//   /org/sitstretch/Test org.sitstretch.Test.InvokeAction(u id, s key)
//       emits ActionInvoked(id, key), then NotificationClosed(id, 2) as real servers do for
//       non-resident notifications;
//   /org/sitstretch/Test org.sitstretch.Test.Close(u id, u reason)
//       emits NotificationClosed(id, reason) (1 = expired, 2 = dismissed by the user).
//   /org/sitstretch/Test org.sitstretch.Test.SetInhibited(b inhibited)
//       sets the read-only `Inhibited` property of org.freedesktop.Notifications (KDE Plasma's
//       "Do not disturb"; false at start) and emits PropertiesChanged for it, as Plasma does.
// e.g. gdbus call --session --dest org.freedesktop.Notifications --object-path
//      /org/sitstretch/Test --method org.sitstretch.Test.InvokeAction 3 done
// GetServerInformation names it NAME (default "fake_notification_server"), so that it can stand
// in for a server whose do-not-disturb lives elsewhere (gnome-shell's is a GSettings key).

#include <gio/gio.h>
#include <glib-unix.h>

#include <cstdio>
#include <set>
#include <string>

namespace {

constexpr const char* kIntrospection = R"(
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="GetCapabilities"><arg direction="out" type="as"/></method>
    <method name="Notify">
      <arg direction="in" type="s" name="app_name"/>
      <arg direction="in" type="u" name="replaces_id"/>
      <arg direction="in" type="s" name="app_icon"/>
      <arg direction="in" type="s" name="summary"/>
      <arg direction="in" type="s" name="body"/>
      <arg direction="in" type="as" name="actions"/>
      <arg direction="in" type="a{sv}" name="hints"/>
      <arg direction="in" type="i" name="expire_timeout"/>
      <arg direction="out" type="u" name="id"/>
    </method>
    <method name="CloseNotification"><arg direction="in" type="u" name="id"/></method>
    <method name="GetServerInformation">
      <arg direction="out" type="s" name="name"/>
      <arg direction="out" type="s" name="vendor"/>
      <arg direction="out" type="s" name="version"/>
      <arg direction="out" type="s" name="spec_version"/>
    </method>
    <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
    <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
    <property name="Inhibited" type="b" access="read"/>
  </interface>
  <interface name="org.sitstretch.Test">
    <method name="InvokeAction">
      <arg direction="in" type="u" name="id"/><arg direction="in" type="s" name="action_key"/>
    </method>
    <method name="Close">
      <arg direction="in" type="u" name="id"/><arg direction="in" type="u" name="reason"/>
    </method>
    <method name="SetInhibited"><arg direction="in" type="b" name="inhibited"/></method>
  </interface>
</node>)";

constexpr const char* kPath = "/org/freedesktop/Notifications";
constexpr const char* kInterface = "org.freedesktop.Notifications";

struct Server {
  FILE* log = nullptr;
  GMainLoop* loop = nullptr;
  guint32 next_id = 1;
  std::set<guint32> open;
  std::string name = "fake_notification_server";
  bool inhibited = false;
};

std::string json_string(const char* text) {
  std::string out = "\"";
  for (const char* p = text; *p; ++p) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
      out += escaped;
    } else {
      out += static_cast<char>(c);  // UTF-8 passes through unchanged
    }
  }
  return out + "\"";
}

// Each line also says when the call arrived (wall clock, ms), for latency benchmarks.
void write_line(Server& server, const std::string& line) {
  const std::string stamped = line.substr(0, line.size() - 1) +
                              ",\"received_ms\":" + std::to_string(g_get_real_time() / 1000) + "}";
  std::fputs((stamped + "\n").c_str(), server.log);
  std::fflush(server.log);
}

// The hints the tests look at, as a JSON object.
std::string hints_json(GVariant* hints) {
  std::string out = "{";
  auto add = [&out](const std::string& key, const std::string& value) {
    if (out.size() > 1) out += ",";
    out += json_string(key.c_str()) + ":" + value;
  };
  guchar urgency = 0;
  if (g_variant_lookup(hints, "urgency", "y", &urgency)) add("urgency", std::to_string(urgency));
  for (const char* key : {"category", "desktop-entry", "image-path"}) {
    const char* value = nullptr;
    if (g_variant_lookup(hints, key, "&s", &value)) add(key, json_string(value));
  }
  gboolean resident = FALSE;
  if (g_variant_lookup(hints, "resident", "b", &resident))
    add("resident", resident ? "true" : "false");
  return out + "}";
}

void emit(GDBusConnection* connection, const char* signal, GVariant* parameters) {
  g_dbus_connection_emit_signal(connection, nullptr, kPath, kInterface, signal, parameters,
                                nullptr);
}

void handle_notify(Server& server, GVariant* parameters, GDBusMethodInvocation* invocation) {
  const char *app_name, *app_icon, *summary, *body;
  guint32 replaces_id;
  GVariant *actions, *hints;
  gint32 expire_timeout;
  g_variant_get(parameters, "(&su&s&s&s@as@a{sv}i)", &app_name, &replaces_id, &app_icon, &summary,
                &body, &actions, &hints, &expire_timeout);
  const guint32 id = replaces_id != 0 ? replaces_id : server.next_id++;
  server.open.insert(id);

  std::string actions_json = "[";
  GVariantIter iter;
  g_variant_iter_init(&iter, actions);
  const char* action;
  while (g_variant_iter_next(&iter, "&s", &action)) {
    if (actions_json.size() > 1) actions_json += ",";
    actions_json += json_string(action);
  }
  actions_json += "]";

  write_line(server, "{\"method\":\"Notify\",\"id\":" + std::to_string(id) + ",\"replaces_id\":" +
                         std::to_string(replaces_id) + ",\"app_name\":" + json_string(app_name) +
                         ",\"app_icon\":" + json_string(app_icon) +
                         ",\"summary\":" + json_string(summary) + ",\"body\":" + json_string(body) +
                         ",\"actions\":" + actions_json + ",\"hints\":" + hints_json(hints) +
                         ",\"expire_timeout\":" + std::to_string(expire_timeout) + "}");
  g_variant_unref(actions);
  g_variant_unref(hints);
  g_dbus_method_invocation_return_value(invocation, g_variant_new("(u)", id));
}

void handle_close(Server& server, GDBusConnection* connection, GVariant* parameters,
                  GDBusMethodInvocation* invocation) {
  guint32 id;
  g_variant_get(parameters, "(u)", &id);
  write_line(server, "{\"method\":\"CloseNotification\",\"id\":" + std::to_string(id) + "}");
  if (server.open.erase(id) == 0) {
    // Spec 1.2: closing a notification that no longer exists gets an (empty) error reply.
    g_dbus_method_invocation_return_dbus_error(invocation,
                                               "org.freedesktop.Notifications.Error.NotFound", "");
    return;
  }
  emit(connection, "NotificationClosed", g_variant_new("(uu)", id, 3u));
  g_dbus_method_invocation_return_value(invocation, nullptr);
}

// Plasma's way: the changed value itself in PropertiesChanged.
void set_inhibited(Server& server, GDBusConnection* connection, gboolean inhibited) {
  server.inhibited = inhibited;
  GVariantBuilder changed;
  g_variant_builder_init(&changed, G_VARIANT_TYPE("a{sv}"));
  g_variant_builder_add(&changed, "{sv}", "Inhibited", g_variant_new_boolean(inhibited));
  const gchar* invalidated[] = {nullptr};
  g_dbus_connection_emit_signal(
      connection, nullptr, kPath, "org.freedesktop.DBus.Properties", "PropertiesChanged",
      g_variant_new("(sa{sv}^as)", kInterface, &changed, invalidated), nullptr);
  write_line(server, std::string("{\"method\":\"SetInhibited\",\"inhibited\":") +
                         (inhibited ? "true" : "false") + "}");
}

GVariant* get_property(GDBusConnection*, const char*, const char*, const char*, const char*,
                       GError**, gpointer data) {
  return g_variant_new_boolean(static_cast<Server*>(data)->inhibited);
}

void handle_call(GDBusConnection* connection, const char* /*sender*/, const char* /*path*/,
                 const char* interface, const char* method, GVariant* parameters,
                 GDBusMethodInvocation* invocation, gpointer data) {
  Server& server = *static_cast<Server*>(data);
  const std::string name = method;
  if (name == "SetInhibited") {
    gboolean inhibited = FALSE;
    g_variant_get(parameters, "(b)", &inhibited);
    set_inhibited(server, connection, inhibited);
    g_dbus_method_invocation_return_value(invocation, nullptr);
  } else if (g_strcmp0(interface, "org.sitstretch.Test") == 0) {
    guint32 id;
    if (name == "InvokeAction") {
      const char* key;
      g_variant_get(parameters, "(u&s)", &id, &key);
      emit(connection, "ActionInvoked", g_variant_new("(us)", id, key));
      emit(connection, "NotificationClosed", g_variant_new("(uu)", id, 2u));
    } else {
      guint32 reason;
      g_variant_get(parameters, "(uu)", &id, &reason);
      emit(connection, "NotificationClosed", g_variant_new("(uu)", id, reason));
    }
    server.open.erase(id);
    g_dbus_method_invocation_return_value(invocation, nullptr);
  } else if (name == "GetCapabilities") {
    write_line(server, "{\"method\":\"GetCapabilities\"}");
    const char* caps[] = {"actions", "body", "body-markup", "icon-static", "persistence", nullptr};
    g_dbus_method_invocation_return_value(invocation, g_variant_new("(^as)", caps));
  } else if (name == "GetServerInformation") {
    write_line(server, "{\"method\":\"GetServerInformation\"}");
    g_dbus_method_invocation_return_value(
        invocation, g_variant_new("(ssss)", server.name.c_str(), "sitstretch", "1", "1.2"));
  } else if (name == "Notify") {
    handle_notify(server, parameters, invocation);
  } else {
    handle_close(server, connection, parameters, invocation);
  }
}

void on_name_acquired(GDBusConnection*, const char*, gpointer) {
  std::puts("ready");
  std::fflush(stdout);
}

void on_name_lost(GDBusConnection*, const char* name, gpointer data) {
  std::fprintf(stderr, "fake_notification_server: could not own %s\n", name);
  g_main_loop_quit(static_cast<Server*>(data)->loop);
}

gboolean on_signal(gpointer data) {
  g_main_loop_quit(static_cast<Server*>(data)->loop);
  return G_SOURCE_REMOVE;
}

}  // namespace

int main(int argc, char** argv) {
  const bool named = argc == 4 && std::string(argv[2]) == "--name";
  if (argc != 2 && !named) {
    std::fprintf(stderr, "usage: %s LOGFILE [--name NAME]\n", argv[0]);
    return 2;
  }
  Server server;
  if (named) server.name = argv[3];
  server.log = std::fopen(argv[1], "a");
  if (!server.log) {
    std::perror(argv[1]);
    return 1;
  }
  GError* error = nullptr;
  GDBusConnection* connection = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, &error);
  if (!connection) {
    std::fprintf(stderr, "fake_notification_server: %s\n", error->message);
    return 1;
  }
  GDBusNodeInfo* node = g_dbus_node_info_new_for_xml(kIntrospection, nullptr);
  const GDBusInterfaceVTable vtable{handle_call, get_property, nullptr, {}};
  g_dbus_connection_register_object(connection, kPath, node->interfaces[0], &vtable, &server,
                                    nullptr, nullptr);
  g_dbus_connection_register_object(connection, "/org/sitstretch/Test", node->interfaces[1],
                                    &vtable, &server, nullptr, nullptr);

  server.loop = g_main_loop_new(nullptr, FALSE);
  g_unix_signal_add(SIGTERM, on_signal, &server);
  g_unix_signal_add(SIGINT, on_signal, &server);
  const guint owner = g_bus_own_name_on_connection(
      connection, "org.freedesktop.Notifications", G_BUS_NAME_OWNER_FLAGS_DO_NOT_QUEUE,
      on_name_acquired, on_name_lost, &server, nullptr);
  g_main_loop_run(server.loop);

  g_bus_unown_name(owner);
  g_dbus_connection_flush_sync(connection, nullptr, nullptr);
  g_object_unref(connection);
  g_dbus_node_info_unref(node);
  g_main_loop_unref(server.loop);
  std::fclose(server.log);
  return 0;
}
