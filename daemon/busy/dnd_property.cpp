#include "busy/dnd_property.hpp"

#include <memory>

namespace sitstretch::busy {

PropertyReader::PropertyReader(const DndReaderContext& context, FollowedProperty property)
    : context_(context), property_(property), cancellable_(g_cancellable_new()) {
  subscription_ = g_dbus_connection_signal_subscribe(
      context_.bus, context_.server.owner.c_str(), "org.freedesktop.DBus.Properties",
      "PropertiesChanged", property_.path, property_.interface, G_DBUS_SIGNAL_FLAGS_NONE,
      &PropertyReader::on_changed, this, nullptr);
  ask();
}

PropertyReader::~PropertyReader() {
  g_cancellable_cancel(cancellable_);
  g_dbus_connection_signal_unsubscribe(context_.bus, subscription_);
  g_object_unref(cancellable_);
}

std::string PropertyReader::describe() const {
  if (offered_ == Offered::no) {
    return "none (notification server " + context_.server.title() +
           " offers no do-not-disturb state)";
  }
  return context_.server.title() + " (" + property_.property + ", " + property_.interface +
         " PropertiesChanged)";
}

void PropertyReader::ask() {
  auto* query = new Query{this, signals_};
  g_dbus_connection_call(context_.bus, context_.server.owner.c_str(), property_.path,
                         "org.freedesktop.DBus.Properties", "Get",
                         g_variant_new("(ss)", property_.interface, property_.property),
                         G_VARIANT_TYPE("(v)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, cancellable_,
                         &PropertyReader::on_reply, query);
}

// Loop thread. (sa{sv}as): the property's new value, or its name among the invalidated ones.
void PropertyReader::on_changed(GDBusConnection*, const gchar*, const gchar*, const gchar*,
                                const gchar*, GVariant* parameters, gpointer self) {
  auto* reader = static_cast<PropertyReader*>(self);
  if (!g_variant_is_of_type(parameters, G_VARIANT_TYPE("(sa{sv}as)"))) return;
  g_autoptr(GVariant) changed = g_variant_get_child_value(parameters, 1);
  g_autofree const gchar** invalidated = nullptr;
  g_variant_get_child(parameters, 2, "^a&s", &invalidated);
  gboolean value = FALSE;
  if (g_variant_lookup(changed, reader->property_.property, "b", &value)) {
    ++reader->signals_;
    reader->offered_ = Offered::yes;
    reader->context_.report(value);
  } else if (invalidated != nullptr && g_strv_contains(invalidated, reader->property_.property)) {
    ++reader->signals_;
    reader->ask();
  }
}

void PropertyReader::on_reply(GObject* source, GAsyncResult* result, gpointer data) {
  const std::unique_ptr<Query> query(static_cast<Query*>(data));
  g_autoptr(GError) error = nullptr;
  g_autoptr(GVariant) reply =
      g_dbus_connection_call_finish(G_DBUS_CONNECTION(source), result, &error);
  if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) return;
  PropertyReader& reader = *query->reader;
  if (reply == nullptr) {
    if (reader.offered_ != Offered::unknown) return;  // a failed recheck changes nothing
    reader.offered_ = Offered::no;
    reader.context_.log("dnd: " + reader.describe());
    return;
  }
  if (reader.signals_ != query->signals_at_ask) return;
  g_autoptr(GVariant) value = nullptr;
  g_variant_get(reply, "(v)", &value);
  if (!g_variant_is_of_type(value, G_VARIANT_TYPE_BOOLEAN)) return;
  reader.offered_ = Offered::yes;
  reader.context_.report(g_variant_get_boolean(value));
}

// KDE Plasma (and any server that offers the same property): `Inhibited` is true while "Do not
// disturb" is on, and Plasma sends PropertiesChanged for it.
std::unique_ptr<DndReader> make_inhibited_reader(const DndReaderContext& context) {
  return std::make_unique<PropertyReader>(
      context, FollowedProperty{"/org/freedesktop/Notifications", "org.freedesktop.Notifications",
                                "Inhibited"});
}

}  // namespace sitstretch::busy
