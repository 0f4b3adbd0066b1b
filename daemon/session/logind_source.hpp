#pragma once

#include <gio/gio.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "session/log_sink.hpp"

namespace sitstretch::session {

// systemd-logind on the system bus: our session's Lock/Unlock signals and LockedHint property,
// and the manager's PrepareForSleep. Everything is asynchronous and runs on the thread-default
// GMainContext of the constructing thread (the daemon's loop thread); callbacks arrive there.
// Without a system bus or without logind it logs once and stays quiet.
class LogindSource {
 public:
  struct Callbacks {
    std::function<void(bool locked)> locked;
    std::function<void(bool sleeping)> sleeping;
    LogSink log;
  };

  explicit LogindSource(Callbacks callbacks);
  ~LogindSource();
  LogindSource(const LogindSource&) = delete;
  LogindSource& operator=(const LogindSource&) = delete;

  // "logind session <path>", "logind (suspend only; no session found)", or "" when logind is
  // not there.
  std::string describe() const;

 private:
  enum class Lookup { by_pid, by_env, by_auto };

  void on_bus(GDBusConnection* bus, const GError* error);
  static void on_appeared(GDBusConnection* bus, const gchar* name, const gchar* owner,
                          gpointer self);
  static void on_vanished(GDBusConnection* bus, const gchar* name, gpointer self);
  static void on_closed(GDBusConnection* bus, gboolean remote, GError* error, gpointer self);
  static void on_signal(GDBusConnection* bus, const gchar* sender, const gchar* path,
                        const gchar* interface, const gchar* member, GVariant* parameters,
                        gpointer self);
  static void on_lookup_reply(GObject* source, GAsyncResult* result, gpointer self);
  static void on_auto_id_reply(GObject* source, GAsyncResult* result, gpointer self);
  static void on_locked_hint_reply(GObject* source, GAsyncResult* result, gpointer self);

  void lookup_session(Lookup step);
  void watch_session(const std::string& path);
  void unwatch_session();
  void read_locked_hint();
  void on_properties_changed(GVariant* parameters);
  void call(const char* path, const char* interface, const char* method, GVariant* args,
            const GVariantType* reply_type, GAsyncReadyCallback done);
  void log_absent(const std::string& why);

  Callbacks callbacks_;
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // guards the bus request
  GCancellable* cancellable_;                              // cancels method calls when destroyed
  GDBusConnection* bus_ = nullptr;
  gulong closed_handler_ = 0;
  guint name_watch_ = 0;
  guint sleep_subscription_ = 0;
  std::vector<guint> session_subscriptions_;
  std::string session_path_;
  Lookup lookup_ = Lookup::by_pid;
  // Lock signals seen, and their number when LockedHint was last asked for: a reply that comes
  // after a newer signal is stale and dropped.
  unsigned lock_signals_ = 0;
  unsigned lock_signals_at_read_ = 0;
  bool present_ = false;
  bool logged_absent_ = false;
  bool logged_no_session_ = false;
};

}  // namespace sitstretch::session
