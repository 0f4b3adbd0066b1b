#pragma once

#include <gio/gio.h>

#include <functional>

namespace sitstretch::idle {

// Whether an application inhibits idle, from one D-Bus property of a desktop service, read when
// the service appears on the bus and then from its PropertiesChanged signals (no polling):
//  - gnome(): org.gnome.SessionManager's InhibitedActions (u), idle bit 8 (GNOME);
//  - logind(): org.freedesktop.login1.Manager's BlockInhibited (s), a colon-separated list of
//    what is blocked, containing "idle" (systemd-inhibit --what=idle, most media players).
// `changed` hears only changes, starting from "not inhibited"; a service that leaves the bus
// takes its inhibitors with it. Runs on the thread-default GMainContext of the constructing
// thread.
class InhibitWatch {
 public:
  struct Property {
    const char* name;       // bus name
    const char* path;       // object path
    const char* interface;  // the property's interface
    const char* property;
    bool (*inhibits_idle)(GVariant* value);  // value: the property's unboxed value
  };
  static const Property kGnome;
  static const Property kLogind;

  InhibitWatch(GDBusConnection* bus, const Property& property,
               std::function<void(bool inhibited)> changed);
  ~InhibitWatch();
  InhibitWatch(const InhibitWatch&) = delete;
  InhibitWatch& operator=(const InhibitWatch&) = delete;

  bool inhibited() const { return inhibited_; }

 private:
  void set(bool inhibited);
  static void on_signal(GDBusConnection*, const gchar*, const gchar*, const gchar*, const gchar*,
                        GVariant* parameters, gpointer self);
  static void on_appeared(GDBusConnection*, const gchar*, const gchar* owner, gpointer self);
  static void on_vanished(GDBusConnection*, const gchar*, gpointer self);
  static void on_get_reply(GObject* source, GAsyncResult* result, gpointer self);

  GDBusConnection* bus_;
  const Property& property_;
  GCancellable* cancellable_;
  std::function<void(bool)> changed_;
  guint subscription_ = 0;
  guint name_watch_ = 0;
  unsigned signals_ = 0;  // PropertiesChanged seen: a Get reply older than one is stale
  bool inhibited_ = false;
};

}  // namespace sitstretch::idle
