#pragma once

#include <gio/gio.h>

#include <functional>
#include <memory>

namespace sitstretch::session {

// Called on the loop thread with the bus connection (owned by the callee; nullptr on failure)
// and the error (nullptr on success).
using BusReady = std::function<void(GDBusConnection* bus, const GError* error)>;

// g_bus_get() that a dying owner can walk away from: `ready` runs only while `guard` is alive.
// No GCancellable on purpose: g_bus_get() initialises GLib's one shared connection per bus type
// with the first caller's cancellable, so cancelling it would fail that connection for every
// later caller in the process.
void get_bus(GBusType type, std::weak_ptr<void> guard, BusReady ready);

}  // namespace sitstretch::session
