#include "busy/dnd_source.hpp"

#include "session/bus_request.hpp"

namespace sitstretch::busy {
namespace {

constexpr const char* kNotifications = "org.freedesktop.Notifications";

// "1.9.0 (2022-06-27)" -> "1.9.0".
std::string first_word(const char* text) {
  std::string word(text);
  return word.substr(0, word.find(' '));
}

}  // namespace

DndSource::DndSource(const BusyContext& context)
    : sink_(context.sink), log_(context.log), cancellable_(g_cancellable_new()) {
  session::get_bus(G_BUS_TYPE_SESSION, alive_,
                   [this](GDBusConnection* bus, const GError* error) { on_bus(bus, error); });
}

DndSource::~DndSource() {
  g_cancellable_cancel(cancellable_);
  reader_.reset();
  if (watch_ != 0) g_bus_unwatch_name(watch_);
  if (bus_ != nullptr) g_object_unref(bus_);
  g_object_unref(cancellable_);
}

std::string DndSource::describe() const {
  return "dnd: " + (reader_ ? reader_->describe() : "none (" + why_none_ + ")");
}

void DndSource::recheck() {
  if (reader_) reader_->recheck();
}

bool DndSource::needs_recheck() const {
  return reader_ && reader_->needs_recheck();
}

// Loop thread. The session bus is the process-wide g_bus_get singleton.
void DndSource::on_bus(GDBusConnection* bus, const GError* error) {
  if (bus == nullptr) {
    why_none_ = std::string("no session bus: ") + error->message;
    log_("dnd: " + why_none_ + "; do-not-disturb is not followed");
    return;
  }
  bus_ = bus;
  why_none_ = "no notification server running";
  // No auto-start: only a server that runs has a do-not-disturb state to follow.
  watch_ = g_bus_watch_name_on_connection(bus, kNotifications, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                          &DndSource::on_appeared, &DndSource::on_vanished, this,
                                          nullptr);
}

void DndSource::on_appeared(GDBusConnection* bus, const gchar*, const gchar* owner, gpointer self) {
  auto* source = static_cast<DndSource*>(self);
  source->forget("asking the notification server which it is");
  auto* query = new InfoQuery{source, source->generation_, owner};
  g_dbus_connection_call(bus, owner, "/org/freedesktop/Notifications", kNotifications,
                         "GetServerInformation", nullptr, G_VARIANT_TYPE("(ssss)"),
                         G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, source->cancellable_,
                         &DndSource::on_info, query);
}

void DndSource::on_vanished(GDBusConnection*, const gchar*, gpointer self) {
  static_cast<DndSource*>(self)->forget("no notification server running");
}

void DndSource::on_info(GObject* source, GAsyncResult* result, gpointer data) {
  const std::unique_ptr<InfoQuery> query(static_cast<InfoQuery*>(data));
  g_autoptr(GError) error = nullptr;
  g_autoptr(GVariant) reply =
      g_dbus_connection_call_finish(G_DBUS_CONNECTION(source), result, &error);
  if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) return;
  DndSource& self = *query->source;
  if (self.generation_ != query->generation) return;
  if (reply == nullptr) {
    self.why_none_ =
        std::string("the notification server did not say which it is: ") + error->message;
    self.log_("dnd: " + self.why_none_);
    return;
  }
  const gchar* name = nullptr;
  const gchar* version = nullptr;
  g_variant_get(reply, "(&s&s&s&s)", &name, nullptr, &version, nullptr);
  self.use(NotificationServer{query->owner, name, first_word(version)});
}

void DndSource::use(NotificationServer server) {
  reader_ = make_dnd_reader(
      DndReaderContext{bus_, std::move(server), [this](bool dnd) { report(dnd); }, log_});
  log_(describe());
}

// The server went away or another took its name: its state goes with it.
void DndSource::forget(std::string why) {
  ++generation_;
  reader_.reset();
  why_none_ = std::move(why);
  report(false);
}

void DndSource::report(bool dnd) {
  if (dnd == dnd_) return;
  dnd_ = dnd;
  sink_(core::BusyReason::dnd, dnd);
}

}  // namespace sitstretch::busy
