#pragma once

#include <gio/gio.h>

#include <memory>
#include <string>

#include "busy/busy_source.hpp"
#include "busy/dnd_reader.hpp"

namespace sitstretch::busy {

// The `dnd` reason (SPEC §2 rule 9): the do-not-disturb state of the notification server in use.
// Follows the owner of org.freedesktop.Notifications on the session bus; for each owner it asks
// GetServerInformation and makes the reader for that server (make_dnd_reader). A server that
// goes away, or is replaced by another, ends the reason; the new one is read afresh. Never starts
// a notification server. Runs on the loop thread, with GDBus on the GLib bridge's context.
class DndSource : public BusySource {
 public:
  explicit DndSource(const BusyContext& context);
  ~DndSource() override;
  DndSource(const DndSource&) = delete;
  DndSource& operator=(const DndSource&) = delete;

  core::BusyReason reason() const override { return core::BusyReason::dnd; }
  std::string describe() const override;
  void recheck() override;
  bool needs_recheck() const override;

 private:
  struct InfoQuery {
    DndSource* source;  // only touched when the call was not cancelled
    unsigned generation;
    std::string owner;
  };

  void on_bus(GDBusConnection* bus, const GError* error);
  static void on_appeared(GDBusConnection* bus, const gchar* name, const gchar* owner,
                          gpointer self);
  static void on_vanished(GDBusConnection* bus, const gchar* name, gpointer self);
  static void on_info(GObject* source, GAsyncResult* result, gpointer query);
  void use(NotificationServer server);
  void forget(std::string why);
  void report(bool dnd);

  BusySink sink_;
  session::LogSink log_;
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // guards the bus request
  GCancellable* cancellable_;
  GDBusConnection* bus_ = nullptr;
  guint watch_ = 0;
  // One per owner seen: a GetServerInformation reply about an earlier owner is dropped.
  unsigned generation_ = 0;
  std::string why_none_ = "no session bus yet";  // describe() while there is no reader
  std::unique_ptr<DndReader> reader_;
  bool dnd_ = false;  // last reported to the sink
};

}  // namespace sitstretch::busy
