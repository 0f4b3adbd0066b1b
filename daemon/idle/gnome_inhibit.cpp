#include "idle/gnome_inhibit.hpp"

#include <memory>

namespace sitstretch::idle {
namespace {

constexpr const char* kName = "org.gnome.SessionManager";
constexpr const char* kPath = "/org/gnome/SessionManager";

// The Get reply's record: the source is touched only when the call was not cancelled.
struct GetCall {
  GnomeInhibit* self;
  unsigned signals_at_ask;
};

bool idle_bit(GVariant* actions) {
  return g_variant_is_of_type(actions, G_VARIANT_TYPE_UINT32) &&
         (g_variant_get_uint32(actions) & GnomeInhibit::kIdleBit) != 0;
}

}  // namespace

GnomeInhibit::GnomeInhibit(GDBusConnection* bus, std::function<void(bool)> changed)
    : bus_(G_DBUS_CONNECTION(g_object_ref(bus))),
      cancellable_(g_cancellable_new()),
      changed_(std::move(changed)) {
  subscription_ = g_dbus_connection_signal_subscribe(
      bus_, kName, "org.freedesktop.DBus.Properties", "PropertiesChanged", kPath, kName,
      G_DBUS_SIGNAL_FLAGS_NONE, &GnomeInhibit::on_signal, this, nullptr);
  name_watch_ = g_bus_watch_name_on_connection(bus_, kName, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                               &GnomeInhibit::on_appeared,
                                               &GnomeInhibit::on_vanished, this, nullptr);
}

GnomeInhibit::~GnomeInhibit() {
  g_cancellable_cancel(cancellable_);
  g_bus_unwatch_name(name_watch_);
  g_dbus_connection_signal_unsubscribe(bus_, subscription_);
  g_object_unref(cancellable_);
  g_object_unref(bus_);
}

void GnomeInhibit::set(bool inhibited) {
  if (inhibited == inhibited_) return;
  inhibited_ = inhibited;
  changed_(inhibited);  // last: the callee may act on the idle source that owns us
}

// PropertiesChanged(s interface, a{sv} changed, as invalidated), filtered to our path above.
void GnomeInhibit::on_signal(GDBusConnection*, const gchar*, const gchar*, const gchar*,
                             const gchar*, GVariant* parameters, gpointer self) {
  if (!g_variant_is_of_type(parameters, G_VARIANT_TYPE("(sa{sv}as)"))) return;
  auto* that = static_cast<GnomeInhibit*>(self);
  g_autoptr(GVariant) changed = g_variant_get_child_value(parameters, 1);
  g_autoptr(GVariant) actions =
      g_variant_lookup_value(changed, "InhibitedActions", G_VARIANT_TYPE_UINT32);
  if (actions == nullptr) return;
  ++that->signals_;
  that->set(idle_bit(actions));
}

void GnomeInhibit::on_appeared(GDBusConnection* bus, const gchar*, const gchar* owner,
                               gpointer self) {
  auto* that = static_cast<GnomeInhibit*>(self);
  g_dbus_connection_call(bus, owner, kPath, "org.freedesktop.DBus.Properties", "Get",
                         g_variant_new("(ss)", kName, "InhibitedActions"), G_VARIANT_TYPE("(v)"),
                         G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, that->cancellable_,
                         &GnomeInhibit::on_get_reply, new GetCall{that, that->signals_});
}

void GnomeInhibit::on_vanished(GDBusConnection*, const gchar*, gpointer self) {
  static_cast<GnomeInhibit*>(self)->set(false);
}

void GnomeInhibit::on_get_reply(GObject* source, GAsyncResult* result, gpointer data) {
  const std::unique_ptr<GetCall> call(static_cast<GetCall*>(data));
  g_autoptr(GError) error = nullptr;
  g_autoptr(GVariant) reply =
      g_dbus_connection_call_finish(G_DBUS_CONNECTION(source), result, &error);
  if (reply == nullptr || g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) return;
  if (call->self->signals_ != call->signals_at_ask) return;  // a signal already said newer
  g_autoptr(GVariant) boxed = g_variant_get_child_value(reply, 0);
  g_autoptr(GVariant) actions = g_variant_get_variant(boxed);
  call->self->set(idle_bit(actions));
}

}  // namespace sitstretch::idle
