#pragma once

#include <gio/gio.h>

#include <cstdint>
#include <functional>

namespace sitstretch::idle {

// Whether an application inhibits idle on GNOME: the idle bit (8) of org.gnome.SessionManager's
// InhibitedActions property, read when the session manager appears on the bus and then from its
// PropertiesChanged signals (no polling). `changed` hears only changes, starting from "not
// inhibited"; a session manager that leaves the bus takes its inhibitors with it.
// Runs on the thread-default GMainContext of the constructing thread.
class GnomeInhibit {
 public:
  static constexpr std::uint32_t kIdleBit = 8;  // GsmInhibitorFlag's GSM_INHIBITOR_FLAG_IDLE

  GnomeInhibit(GDBusConnection* bus, std::function<void(bool inhibited)> changed);
  ~GnomeInhibit();
  GnomeInhibit(const GnomeInhibit&) = delete;
  GnomeInhibit& operator=(const GnomeInhibit&) = delete;

  bool inhibited() const { return inhibited_; }

 private:
  void set(bool inhibited);
  static void on_signal(GDBusConnection*, const gchar*, const gchar*, const gchar*, const gchar*,
                        GVariant* parameters, gpointer self);
  static void on_appeared(GDBusConnection*, const gchar*, const gchar* owner, gpointer self);
  static void on_vanished(GDBusConnection*, const gchar*, gpointer self);
  static void on_get_reply(GObject* source, GAsyncResult* result, gpointer self);

  GDBusConnection* bus_;
  GCancellable* cancellable_;
  std::function<void(bool)> changed_;
  guint subscription_ = 0;
  guint name_watch_ = 0;
  unsigned signals_ = 0;  // PropertiesChanged seen: a Get reply older than one is stale
  bool inhibited_ = false;
};

}  // namespace sitstretch::idle
