#include "session/logind_source.hpp"

#include "session/bus_request.hpp"

#include <unistd.h>

#include <cstdlib>

namespace sitstretch::session {

namespace {

constexpr const char* kLogind = "org.freedesktop.login1";
constexpr const char* kManagerPath = "/org/freedesktop/login1";
constexpr const char* kManager = "org.freedesktop.login1.Manager";
constexpr const char* kSession = "org.freedesktop.login1.Session";
constexpr const char* kAutoSessionPath = "/org/freedesktop/login1/session/auto";
constexpr const char* kProperties = "org.freedesktop.DBus.Properties";
constexpr const char* kAbsentEffect = "lock and suspend come only from the screensaver and clocks";

bool cancelled(const GError* error) {
  return g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

// Finishes a method call. A cancelled call means the LogindSource is gone: the caller must not
// touch it, which is why this is checked before the user data is cast.
GVariant* finish_call(GObject* source, GAsyncResult* result, GError** error) {
  return g_dbus_connection_call_finish(G_DBUS_CONNECTION(source), result, error);
}

}  // namespace

LogindSource::LogindSource(Callbacks callbacks)
    : callbacks_(std::move(callbacks)), cancellable_(g_cancellable_new()) {
  get_bus(G_BUS_TYPE_SYSTEM, alive_,
          [this](GDBusConnection* bus, const GError* error) { on_bus(bus, error); });
}

LogindSource::~LogindSource() {
  g_cancellable_cancel(cancellable_);
  if (name_watch_ != 0) g_bus_unwatch_name(name_watch_);
  unwatch_session();
  if (bus_ != nullptr) {
    if (sleep_subscription_ != 0) g_dbus_connection_signal_unsubscribe(bus_, sleep_subscription_);
    if (closed_handler_ != 0) g_signal_handler_disconnect(bus_, closed_handler_);
    g_object_unref(bus_);
  }
  g_object_unref(cancellable_);
}

std::string LogindSource::describe() const {
  if (!present_) return "";
  if (session_path_.empty()) return "logind (suspend only; no session found)";
  return "logind session " + session_path_;
}

void LogindSource::log_absent(const std::string& why) {
  if (logged_absent_) return;
  logged_absent_ = true;
  callbacks_.log("no logind on the system bus (" + why + "); " + kAbsentEffect);
}

// Loop thread. The system bus is shared with anyone else in the process (g_bus_get singleton).
void LogindSource::on_bus(GDBusConnection* bus, const GError* error) {
  if (bus == nullptr) {
    log_absent(error->message);
    return;
  }
  bus_ = bus;
  // A restarted system bus must not end a per-user daemon; we just lose logind.
  g_dbus_connection_set_exit_on_close(bus, FALSE);
  closed_handler_ = g_signal_connect(bus, "closed", G_CALLBACK(&LogindSource::on_closed), this);
  sleep_subscription_ = g_dbus_connection_signal_subscribe(
      bus, kLogind, kManager, "PrepareForSleep", kManagerPath, nullptr, G_DBUS_SIGNAL_FLAGS_NONE,
      &LogindSource::on_signal, this, nullptr);
  name_watch_ = g_bus_watch_name_on_connection(bus, kLogind, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                               &LogindSource::on_appeared,
                                               &LogindSource::on_vanished, this, nullptr);
}

void LogindSource::on_appeared(GDBusConnection*, const gchar*, const gchar*, gpointer self) {
  auto* that = static_cast<LogindSource*>(self);
  that->present_ = true;
  that->lookup_session(Lookup::by_pid);
}

void LogindSource::on_vanished(GDBusConnection*, const gchar*, gpointer self) {
  auto* that = static_cast<LogindSource*>(self);
  that->present_ = false;
  that->unwatch_session();
  that->log_absent("org.freedesktop.login1 is not running");
}

void LogindSource::on_closed(GDBusConnection*, gboolean, GError*, gpointer self) {
  auto* that = static_cast<LogindSource*>(self);
  that->present_ = false;
  that->unwatch_session();
  that->log_absent("the system bus connection closed");
}

void LogindSource::call(const char* path, const char* interface, const char* method, GVariant* args,
                        const GVariantType* reply_type, GAsyncReadyCallback done) {
  g_dbus_connection_call(bus_, kLogind, path, interface, method, args, reply_type,
                         G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, cancellable_, done, this);
}

// Our session: the one holding this process, else $XDG_SESSION_ID, else logind's "auto"
// session (the user's display session when we run as a systemd user service).
void LogindSource::lookup_session(Lookup step) {
  lookup_ = step;
  switch (step) {
    case Lookup::by_pid:
      call(kManagerPath, kManager, "GetSessionByPID",
           g_variant_new("(u)", static_cast<guint32>(getpid())), G_VARIANT_TYPE("(o)"),
           &LogindSource::on_lookup_reply);
      return;
    case Lookup::by_env:
      if (const char* id = std::getenv("XDG_SESSION_ID"); id != nullptr && *id != '\0') {
        call(kManagerPath, kManager, "GetSession", g_variant_new("(s)", id), G_VARIANT_TYPE("(o)"),
             &LogindSource::on_lookup_reply);
        return;
      }
      lookup_session(Lookup::by_auto);
      return;
    case Lookup::by_auto:
      call(kAutoSessionPath, kProperties, "Get", g_variant_new("(ss)", kSession, "Id"),
           G_VARIANT_TYPE("(v)"), &LogindSource::on_auto_id_reply);
      return;
  }
}

void LogindSource::on_lookup_reply(GObject* source, GAsyncResult* result, gpointer self) {
  g_autoptr(GError) error = nullptr;
  g_autoptr(GVariant) reply = finish_call(source, result, &error);
  if (cancelled(error)) return;
  auto* that = static_cast<LogindSource*>(self);
  if (reply != nullptr) {
    const gchar* path = nullptr;
    g_variant_get(reply, "(&o)", &path);
    that->watch_session(path);
  } else if (that->lookup_ == Lookup::by_pid) {
    that->lookup_session(Lookup::by_env);
  } else if (that->lookup_ == Lookup::by_env) {
    that->lookup_session(Lookup::by_auto);
  } else if (!that->logged_no_session_) {
    that->logged_no_session_ = true;
    that->callbacks_.log(std::string("logind knows no session for us (") + error->message +
                         "); screen lock comes only from the screensaver");
  }
}

void LogindSource::on_auto_id_reply(GObject* source, GAsyncResult* result, gpointer self) {
  g_autoptr(GError) error = nullptr;
  g_autoptr(GVariant) reply = finish_call(source, result, &error);
  if (cancelled(error)) return;
  auto* that = static_cast<LogindSource*>(self);
  g_autoptr(GVariant) id = nullptr;
  if (reply != nullptr) g_variant_get(reply, "(v)", &id);
  if (id == nullptr || !g_variant_is_of_type(id, G_VARIANT_TYPE_STRING)) {
    if (!that->logged_no_session_) {
      that->logged_no_session_ = true;
      that->callbacks_.log(
          "logind knows no session for us; screen lock comes only from the "
          "screensaver");
    }
    return;
  }
  that->call(kManagerPath, kManager, "GetSession",
             g_variant_new("(s)", g_variant_get_string(id, nullptr)), G_VARIANT_TYPE("(o)"),
             &LogindSource::on_lookup_reply);
}

// Subscribes first and reads LockedHint second, so no change can fall between the two.
void LogindSource::watch_session(const std::string& path) {
  unwatch_session();
  session_path_ = path;
  const char* p = session_path_.c_str();
  for (const char* member : {"Lock", "Unlock"}) {
    session_subscriptions_.push_back(g_dbus_connection_signal_subscribe(
        bus_, kLogind, kSession, member, p, nullptr, G_DBUS_SIGNAL_FLAGS_NONE,
        &LogindSource::on_signal, this, nullptr));
  }
  session_subscriptions_.push_back(g_dbus_connection_signal_subscribe(
      bus_, kLogind, kProperties, "PropertiesChanged", p, kSession, G_DBUS_SIGNAL_FLAGS_NONE,
      &LogindSource::on_signal, this, nullptr));
  read_locked_hint();
}

void LogindSource::unwatch_session() {
  for (guint id : session_subscriptions_) g_dbus_connection_signal_unsubscribe(bus_, id);
  session_subscriptions_.clear();
  session_path_.clear();
}

void LogindSource::read_locked_hint() {
  lock_signals_at_read_ = lock_signals_;
  call(session_path_.c_str(), kProperties, "Get", g_variant_new("(ss)", kSession, "LockedHint"),
       G_VARIANT_TYPE("(v)"), &LogindSource::on_locked_hint_reply);
}

void LogindSource::on_locked_hint_reply(GObject* source, GAsyncResult* result, gpointer self) {
  g_autoptr(GError) error = nullptr;
  g_autoptr(GVariant) reply = finish_call(source, result, &error);
  if (cancelled(error) || reply == nullptr) return;  // older logind: Lock/Unlock still work
  g_autoptr(GVariant) value = nullptr;
  g_variant_get(reply, "(v)", &value);
  auto* that = static_cast<LogindSource*>(self);
  if (that->lock_signals_ == that->lock_signals_at_read_ &&
      g_variant_is_of_type(value, G_VARIANT_TYPE_BOOLEAN))
    that->callbacks_.locked(g_variant_get_boolean(value));
}

void LogindSource::on_properties_changed(GVariant* parameters) {
  if (!g_variant_is_of_type(parameters, G_VARIANT_TYPE("(sa{sv}as)"))) return;
  g_autoptr(GVariant) changed = g_variant_get_child_value(parameters, 1);
  g_autoptr(GVariant) invalidated = g_variant_get_child_value(parameters, 2);
  gboolean hint = FALSE;
  if (g_variant_lookup(changed, "LockedHint", "b", &hint)) {
    ++lock_signals_;
    callbacks_.locked(hint);
    return;
  }
  g_autofree const gchar** names = g_variant_get_strv(invalidated, nullptr);
  for (const gchar** name = names; *name != nullptr; ++name) {
    if (g_strcmp0(*name, "LockedHint") == 0) read_locked_hint();
  }
}

// Loop thread; subscriptions are filtered by sender, path and interface already.
void LogindSource::on_signal(GDBusConnection*, const gchar*, const gchar*, const gchar* interface,
                             const gchar* member, GVariant* parameters, gpointer self) {
  auto* that = static_cast<LogindSource*>(self);
  const std::string_view name = member;
  if (name == "PrepareForSleep") {
    if (g_variant_is_of_type(parameters, G_VARIANT_TYPE("(b)"))) {
      gboolean sleeping = FALSE;
      g_variant_get(parameters, "(b)", &sleeping);
      that->callbacks_.sleeping(sleeping);
    }
  } else if (g_strcmp0(interface, kProperties) == 0) {
    that->on_properties_changed(parameters);
  } else if (name == "Lock" || name == "Unlock") {
    ++that->lock_signals_;
    that->callbacks_.locked(name == "Lock");
  }
}

}  // namespace sitstretch::session
