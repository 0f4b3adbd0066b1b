#pragma once

// D-Bus for adapter tests: the process's private buses, the GLib pump the tests drive them with,
// and the two steps every fake service takes (its own connection, a well-known name).

#include <gio/gio.h>

#include <chrono>
#include <functional>
#include <string>

namespace sitstretch::test {

// Starts a private dbus-daemon on first use and points DBUS_SESSION_BUS_ADDRESS at it; returns
// its address. GDBus and libnotify keep one session connection per process, which must never
// outlive its bus (GDBus ends the process when it goes away), so every test in the executable
// shares this bus until exit. Call it before anything touches D-Bus.
const std::string& use_private_session_bus();
// The same for the system bus (DBUS_SYSTEM_BUS_ADDRESS), a second dbus-daemon of its own.
const std::string& use_private_system_bus();

// Both, for code that talks to the session and the system bus.
struct TestBuses {
  static const TestBuses& use();
  std::string session_address;
  std::string system_address;
};

// Iterates the thread-default GMainContext until done() or the timeout; returns done().
bool pump_until(const std::function<bool()>& done,
                std::chrono::milliseconds timeout = std::chrono::seconds(3));
// Iterates the context for a fixed time: only where a test shows that nothing (more) happens and
// no later event could stand for it.
void pump_for(std::chrono::milliseconds duration);

// A connection of its own to the bus at `address`, as a separate client (a fake desktop service,
// a tray host) has; throws if the bus cannot be reached. The caller closes and unrefs it.
GDBusConnection* connect_to_bus(const std::string& address);
// Takes a well-known name on the connection (no queueing); throws if another owner has it.
void own_name(GDBusConnection* connection, const char* name);

}  // namespace sitstretch::test
