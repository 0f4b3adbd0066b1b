#include "idle/inhibit_watch.hpp"

#include <cstring>
#include <memory>
#include <string_view>

namespace sitstretch::idle {
namespace {

// The Get reply's record: the source is touched only when the call was not cancelled.
struct GetCall {
  InhibitWatch* self;
  unsigned signals_at_ask;
};

// GsmInhibitorFlag's GSM_INHIBITOR_FLAG_IDLE.
bool gnome_idle_bit(GVariant* actions) {
  return g_variant_is_of_type(actions, G_VARIANT_TYPE_UINT32) &&
         (g_variant_get_uint32(actions) & 8u) != 0;
}

// "shutdown:sleep:idle" and the like.
bool logind_blocks_idle(GVariant* what) {
  if (!g_variant_is_of_type(what, G_VARIANT_TYPE_STRING)) return false;
  std::string_view list = g_variant_get_string(what, nullptr);
  while (!list.empty()) {
    const auto colon = list.find(':');
    if (list.substr(0, colon) == "idle") return true;
    if (colon == std::string_view::npos) break;
    list.remove_prefix(colon + 1);
  }
  return false;
}

}  // namespace

const InhibitWatch::Property InhibitWatch::kGnome{
    "org.gnome.SessionManager", "/org/gnome/SessionManager", "org.gnome.SessionManager",
    "InhibitedActions", &gnome_idle_bit};
const InhibitWatch::Property InhibitWatch::kLogind{
    "org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
    "BlockInhibited", &logind_blocks_idle};

InhibitWatch::InhibitWatch(GDBusConnection* bus, const Property& property,
                           std::function<void(bool)> changed)
    : bus_(G_DBUS_CONNECTION(g_object_ref(bus))),
      property_(property),
      cancellable_(g_cancellable_new()),
      changed_(std::move(changed)) {
  subscription_ = g_dbus_connection_signal_subscribe(
      bus_, property_.name, "org.freedesktop.DBus.Properties", "PropertiesChanged", property_.path,
      property_.interface, G_DBUS_SIGNAL_FLAGS_NONE, &InhibitWatch::on_signal, this, nullptr);
  name_watch_ = g_bus_watch_name_on_connection(bus_, property_.name, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                               &InhibitWatch::on_appeared,
                                               &InhibitWatch::on_vanished, this, nullptr);
}

InhibitWatch::~InhibitWatch() {
  g_cancellable_cancel(cancellable_);
  g_bus_unwatch_name(name_watch_);
  g_dbus_connection_signal_unsubscribe(bus_, subscription_);
  g_object_unref(cancellable_);
  g_object_unref(bus_);
}

void InhibitWatch::set(bool inhibited) {
  if (inhibited == inhibited_) return;
  inhibited_ = inhibited;
  changed_(inhibited);  // last: the callee may act on the idle source that owns us
}

// PropertiesChanged(s interface, a{sv} changed, as invalidated), filtered to our path above.
void InhibitWatch::on_signal(GDBusConnection*, const gchar*, const gchar*, const gchar*,
                             const gchar*, GVariant* parameters, gpointer self) {
  if (!g_variant_is_of_type(parameters, G_VARIANT_TYPE("(sa{sv}as)"))) return;
  auto* that = static_cast<InhibitWatch*>(self);
  g_autoptr(GVariant) changed = g_variant_get_child_value(parameters, 1);
  g_autoptr(GVariant) value = g_variant_lookup_value(changed, that->property_.property, nullptr);
  if (value == nullptr) return;
  ++that->signals_;
  that->set(that->property_.inhibits_idle(value));
}

void InhibitWatch::on_appeared(GDBusConnection* bus, const gchar*, const gchar* owner,
                               gpointer self) {
  auto* that = static_cast<InhibitWatch*>(self);
  const Property& p = that->property_;
  g_dbus_connection_call(bus, owner, p.path, "org.freedesktop.DBus.Properties", "Get",
                         g_variant_new("(ss)", p.interface, p.property), G_VARIANT_TYPE("(v)"),
                         G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, that->cancellable_,
                         &InhibitWatch::on_get_reply, new GetCall{that, that->signals_});
}

void InhibitWatch::on_vanished(GDBusConnection*, const gchar*, gpointer self) {
  static_cast<InhibitWatch*>(self)->set(false);
}

void InhibitWatch::on_get_reply(GObject* source, GAsyncResult* result, gpointer data) {
  const std::unique_ptr<GetCall> call(static_cast<GetCall*>(data));
  g_autoptr(GError) error = nullptr;
  g_autoptr(GVariant) reply =
      g_dbus_connection_call_finish(G_DBUS_CONNECTION(source), result, &error);
  if (reply == nullptr || g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) return;
  if (call->self->signals_ != call->signals_at_ask) return;  // a signal already said newer
  g_autoptr(GVariant) boxed = g_variant_get_child_value(reply, 0);
  g_autoptr(GVariant) value = g_variant_get_variant(boxed);
  call->self->set(call->self->property_.inhibits_idle(value));
}

}  // namespace sitstretch::idle
