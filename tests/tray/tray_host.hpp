#pragma once

// Test side of the tray: a private session bus for the process and a fake tray host that owns
// org.kde.StatusNotifierWatcher on a connection of its own, records registrations, watches the
// item's signals and calls the item like a panel does. Everything is dispatched on the
// thread-default GMainContext, which the tests iterate with pump_until/pump_for.

#include <gio/gio.h>

#include <map>
#include <string>
#include <vector>

#include "test_bus.hpp"

namespace sitstretch::test {

// Holds a GVariant reference and drops it.
class Reply {
 public:
  explicit Reply(GVariant* v = nullptr) : v_(v) {}
  Reply(Reply&& o) noexcept : v_(o.v_) { o.v_ = nullptr; }
  Reply& operator=(Reply&&) = delete;
  ~Reply() {
    if (v_ != nullptr) g_variant_unref(v_);
  }
  GVariant* get() const { return v_; }
  explicit operator bool() const { return v_ != nullptr; }

 private:
  GVariant* v_;
};

class FakeTrayHost {
 public:
  struct Registration {
    std::string service;  // the argument of RegisterStatusNotifierItem
    std::string sender;   // the unique name that called it
  };

  // Connects to the bus; with own_watcher, exports the watcher and owns its name.
  explicit FakeTrayHost(const std::string& address, bool own_watcher = true);
  // Closes the connection, so the bus drops the watcher name as when a panel exits.
  ~FakeTrayHost();
  FakeTrayHost(const FakeTrayHost&) = delete;
  FakeTrayHost& operator=(const FakeTrayHost&) = delete;

  // Calls a method asynchronously and pumps until the reply; nullptr (and last_error) on error.
  Reply call(const std::string& destination, const char* path, const char* interface,
             const char* method, GVariant* parameters);
  Reply get_property(const std::string& destination, const char* path, const char* interface,
                     const char* name);
  bool name_has_owner(const char* name);
  // Reads a property of the item at `service` and drops it. Signals the item sent before it
  // answered are counted by the time this returns (one connection delivers in order, and both
  // are dispatched on this thread's context), so it marks the end of anything the item was
  // about to say.
  void round_trip(const std::string& service);

  std::vector<Registration> registrations;
  std::map<std::string, int> signal_counts;  // by member, from the item and menu paths
  std::vector<Reply> menu_updates;           // ItemsPropertiesUpdated parameters
  std::string last_error;

 private:
  static void on_call(GDBusConnection*, const gchar* sender, const gchar*, const gchar*,
                      const gchar* method, GVariant* parameters, GDBusMethodInvocation* invocation,
                      gpointer self);
  static void on_signal(GDBusConnection*, const gchar*, const gchar*, const gchar*,
                        const gchar* member, GVariant* parameters, gpointer self);

  GDBusConnection* connection_ = nullptr;
  unsigned subscription_ = 0;
};

}  // namespace sitstretch::test
