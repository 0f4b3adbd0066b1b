#pragma once

#include <gio/gio.h>

#include <array>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "session/log_sink.hpp"

namespace sitstretch::session {

// Screen lockers on the session bus: ActiveChanged(b) of org.freedesktop.ScreenSaver (KDE and
// others) and org.gnome.ScreenSaver (GNOME Shell). Subscribed by interface and
// member only, since desktops differ in object path and sender. GetActive is asked once whenever
// a locker appears on the bus. Runs on the thread-default GMainContext of the constructing thread.
class ScreensaverSource {
 public:
  struct Callbacks {
    std::function<void(bool locked)> locked;
    LogSink log;
  };

  explicit ScreensaverSource(Callbacks callbacks);
  ~ScreensaverSource();
  ScreensaverSource(const ScreensaverSource&) = delete;
  ScreensaverSource& operator=(const ScreensaverSource&) = delete;

  // "screensaver signals (org.gnome.ScreenSaver running)", "screensaver signals" when no locker
  // owns its name yet, or "" without a session bus.
  std::string describe() const;

 private:
  struct Locker {
    ScreensaverSource* owner;
    const char* name;  // bus name == interface name
    const char* path;  // where GetActive is asked
    guint subscription = 0;
    guint watch = 0;
    bool present = false;
  };

  struct ActiveQuery {
    ScreensaverSource* source;  // only touched when the call was not cancelled
    unsigned signals_at_ask;
  };

  void on_bus(GDBusConnection* bus, const GError* error);
  static void on_signal(GDBusConnection* bus, const gchar* sender, const gchar* path,
                        const gchar* interface, const gchar* member, GVariant* parameters,
                        gpointer self);
  static void on_appeared(GDBusConnection* bus, const gchar* name, const gchar* owner,
                          gpointer locker);
  static void on_vanished(GDBusConnection* bus, const gchar* name, gpointer locker);
  static void on_active_reply(GObject* source, GAsyncResult* result, gpointer query);

  Callbacks callbacks_;
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // guards the bus request
  GCancellable* cancellable_;                              // cancels method calls when destroyed
  GDBusConnection* bus_ = nullptr;
  std::array<Locker, 2> lockers_;
  // ActiveChanged signals seen; a GetActive reply older than the latest signal is dropped.
  unsigned signals_ = 0;
};

}  // namespace sitstretch::session
