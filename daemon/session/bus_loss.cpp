#include "session/bus_loss.hpp"

#include <utility>

namespace sitstretch::session {

BusLoss::BusLoss(GBusType type, std::function<void()> on_lost) : on_lost_(std::move(on_lost)) {
  // Synchronous on purpose: it must be the connection every adapter shares, with exit-on-close
  // off before anything can close it. Connecting to a local bus takes a millisecond or two.
  bus_ = g_bus_get_sync(type, nullptr, nullptr);
  if (bus_ == nullptr) return;
  g_dbus_connection_set_exit_on_close(bus_, FALSE);
  handler_ = g_signal_connect(bus_, "closed", G_CALLBACK(&BusLoss::on_closed), this);
}

BusLoss::~BusLoss() {
  if (bus_ == nullptr) return;
  g_signal_handler_disconnect(bus_, handler_);
  g_object_unref(bus_);
}

// GLib context: the connection closed. Closed by the bus, not by us: nothing here closes it.
void BusLoss::on_closed(GDBusConnection*, gboolean, GError*, gpointer self) {
  auto* loss = static_cast<BusLoss*>(self);
  if (loss->on_lost_) std::exchange(loss->on_lost_, nullptr)();
}

}  // namespace sitstretch::session
