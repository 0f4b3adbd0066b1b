#pragma once

#include <gio/gio.h>

#include <functional>

namespace sitstretch::session {

// Notices that a D-Bus bus the daemon uses went away (its dbus-daemon stopped or crashed).
// GDBus ends the process with SIGTERM when a shared bus connection closes ("exit-on-close"): the
// daemon would take that for an ordinary stop and exit with status 0, which a service manager
// does not restart. This turns that off on the process's shared connection to the bus and calls
// on_lost once instead. Without a bus to begin with it watches nothing. Loop thread only.
class BusLoss {
 public:
  BusLoss(GBusType type, std::function<void()> on_lost);
  ~BusLoss();
  BusLoss(const BusLoss&) = delete;
  BusLoss& operator=(const BusLoss&) = delete;

  bool watching() const { return bus_ != nullptr; }

 private:
  static void on_closed(GDBusConnection* bus, gboolean remote_peer_vanished, GError* error,
                        gpointer self);

  GDBusConnection* bus_ = nullptr;
  gulong handler_ = 0;
  std::function<void()> on_lost_;
};

}  // namespace sitstretch::session
