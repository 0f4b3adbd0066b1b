#include "session/screensaver_source.hpp"

#include "session/bus_request.hpp"

#include <memory>

namespace sitstretch::session {

namespace {

bool cancelled(const GError* error) {
  return g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

// org.kde.screensaver is not listed: KDE sends ActiveChanged on org.freedesktop.ScreenSaver
// and keeps only AboutToLock on its own interface.

}  // namespace

ScreensaverSource::ScreensaverSource(Callbacks callbacks)
    : callbacks_(std::move(callbacks)),
      cancellable_(g_cancellable_new()),
      lockers_{Locker{this, "org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"},
               Locker{this, "org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"}} {
  get_bus(G_BUS_TYPE_SESSION, alive_,
          [this](GDBusConnection* bus, const GError* error) { on_bus(bus, error); });
}

ScreensaverSource::~ScreensaverSource() {
  g_cancellable_cancel(cancellable_);
  if (bus_ != nullptr) {
    for (const Locker& locker : lockers_) {
      if (locker.watch != 0) g_bus_unwatch_name(locker.watch);
      if (locker.subscription != 0) g_dbus_connection_signal_unsubscribe(bus_, locker.subscription);
    }
    g_object_unref(bus_);
  }
  g_object_unref(cancellable_);
}

std::string ScreensaverSource::describe() const {
  if (bus_ == nullptr) return "";
  std::string running;
  for (const Locker& locker : lockers_) {
    if (!locker.present) continue;
    running += running.empty() ? " (" : ", ";
    running += locker.name;
  }
  return "screensaver signals" + (running.empty() ? std::string() : running + " running)");
}

// Loop thread. The session bus is the process-wide g_bus_get singleton.
void ScreensaverSource::on_bus(GDBusConnection* bus, const GError* error) {
  if (bus == nullptr) {
    callbacks_.log(std::string("no session bus (") + error->message +
                   "); screen lock comes only from logind");
    return;
  }
  bus_ = bus;
  for (Locker& locker : lockers_) {
    locker.subscription = g_dbus_connection_signal_subscribe(
        bus, nullptr, locker.name, "ActiveChanged", nullptr, nullptr, G_DBUS_SIGNAL_FLAGS_NONE,
        &ScreensaverSource::on_signal, this, nullptr);
    locker.watch = g_bus_watch_name_on_connection(
        bus, locker.name, G_BUS_NAME_WATCHER_FLAGS_NONE, &ScreensaverSource::on_appeared,
        &ScreensaverSource::on_vanished, &locker, nullptr);
  }
}

void ScreensaverSource::on_signal(GDBusConnection*, const gchar*, const gchar*, const gchar*,
                                  const gchar*, GVariant* parameters, gpointer self) {
  if (!g_variant_is_of_type(parameters, G_VARIANT_TYPE("(b)"))) return;
  gboolean active = FALSE;
  g_variant_get(parameters, "(b)", &active);
  auto* that = static_cast<ScreensaverSource*>(self);
  ++that->signals_;
  that->callbacks_.locked(active);
}

// A locker that starts while the screen is already locked would otherwise go unnoticed.
void ScreensaverSource::on_appeared(GDBusConnection* bus, const gchar*, const gchar* owner,
                                    gpointer locker) {
  auto* l = static_cast<Locker*>(locker);
  l->present = true;
  // The reply is matched against the signal count at asking time; the record is owned by the
  // callback, which GIO always calls (with a cancelled error once the source is gone).
  auto* query = new ActiveQuery{l->owner, l->owner->signals_};
  g_dbus_connection_call(bus, owner, l->path, l->name, "GetActive", nullptr, G_VARIANT_TYPE("(b)"),
                         G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, l->owner->cancellable_,
                         &ScreensaverSource::on_active_reply, query);
}

void ScreensaverSource::on_vanished(GDBusConnection*, const gchar*, gpointer locker) {
  static_cast<Locker*>(locker)->present = false;
}

void ScreensaverSource::on_active_reply(GObject* source, GAsyncResult* result, gpointer data) {
  const std::unique_ptr<ActiveQuery> query(static_cast<ActiveQuery*>(data));
  g_autoptr(GError) error = nullptr;
  g_autoptr(GVariant) reply =
      g_dbus_connection_call_finish(G_DBUS_CONNECTION(source), result, &error);
  // Errors are normal: not every locker answers GetActive at the path we guess.
  if (cancelled(error) || reply == nullptr) return;
  if (query->source->signals_ != query->signals_at_ask) return;
  gboolean active = FALSE;
  g_variant_get(reply, "(b)", &active);
  // Only a lock is taken from the query: some services own the name just for inhibition and
  // always answer false, which must not undo a lock that logind reported.
  if (active) query->source->callbacks_.locked(true);
}

}  // namespace sitstretch::session
