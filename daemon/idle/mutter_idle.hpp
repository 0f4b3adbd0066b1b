#pragma once

#include <gio/gio.h>

#include <cstdint>
#include <memory>
#include <string>

#include "idle/presence_source.hpp"

namespace sitstretch::idle {

class InhibitWatch;

// Idle detection through GNOME's compositor: org.gnome.Mutter.IdleMonitor on the session bus,
// object /org/gnome/Mutter/IdleMonitor/Core. Mutter does the timing and tells us by WatchFired
// (sent only to the connection that added the watch), so the daemon wakes on transitions only:
//   an idle watch at the threshold stays for the source's life (Mutter fires it each time input
//   has stopped that long). When it fires, GetIdletime dates the last input (now - idle time),
//   `idle` is reported, and a user-active watch is added: Mutter fires that one once, at the
//   next input, and forgets it, so it is added again after every `idle`.
// When the service's name owner changes (gnome-shell restarted) every watch is added again on
// the new owner; when it leaves the bus, the source logs once and waits for it to come back.
//
// Idle inhibitors (SPEC §4 idle.inhibited_is_sitting): with `inhibited_is_sitting`, while
// org.gnome.SessionManager's InhibitedActions holds the idle bit (an application plays a video)
// the user counts as present: an `idle` is not reported, and one already reported is followed by
// `active` when the inhibitor appears. When the inhibitor goes, presence counts from that moment.
//
// Runs on the thread-default GMainContext of the constructing thread (the GLib bridge in the
// daemon); the sink is called from GDBus callbacks there, never from inside a call into here.
class MutterIdle final : public IdleSource {
 public:
  static constexpr const char* kBusName = "org.gnome.Mutter.IdleMonitor";

  // Checks, with one blocking round trip, that the service is on the session bus and answers
  // GetIdletime, then adds the watches. Returns nullptr, with a one-line reason in *error, when
  // there is no session bus or no Mutter IdleMonitor on it.
  static std::unique_ptr<MutterIdle> open(PresenceSink sink, BootClock clock, core::Ms idle_after,
                                          bool inhibited_is_sitting, std::string* error = nullptr);
  ~MutterIdle() override;
  MutterIdle(const MutterIdle&) = delete;
  MutterIdle& operator=(const MutterIdle&) = delete;

  std::string_view name() const override { return "mutter"; }
  // Removes the idle watch and adds one at the new threshold.
  void set_threshold(core::Ms idle_after) override;
  // One blocking GetIdletime (start-up only); nullopt while the service is away. Inhibitors
  // count as presence, as in what is reported.
  std::optional<core::Ms> idle_for() override;

 private:
  struct Call;  // one pending method call: the source and the generation it was made in

  MutterIdle(GDBusConnection* bus, PresenceSink sink, BootClock clock, core::Ms idle_after);
  void start(bool inhibited_is_sitting);
  void call(const char* method, GVariant* parameters, const GVariantType* reply,
            void (MutterIdle::*handler)(GVariant* reply));
  void add_idle_watch();
  void on_idle_watch_added(GVariant* reply);
  void on_active_watch_added(GVariant* reply);
  void on_idletime_at_idle(GVariant* reply);
  void on_idletime_after_active_watch(GVariant* reply);
  void on_watch_fired(std::uint32_t id);
  void on_owner(const char* owner);
  void on_inhibited(bool inhibited);
  void on_inhibit_over();
  void cancel_inhibit_timer();
  void report_idle(core::Ms idle_ms);
  void report_active(core::Ms at);

  static void on_reply(GObject* source, GAsyncResult* result, gpointer call);
  static void on_signal(GDBusConnection*, const gchar*, const gchar*, const gchar*, const gchar*,
                        GVariant* parameters, gpointer self);
  static void on_appeared(GDBusConnection*, const gchar*, const gchar* owner, gpointer self);
  static void on_vanished(GDBusConnection*, const gchar*, gpointer self);
  static gboolean on_inhibit_timer(gpointer self);

  GDBusConnection* bus_;
  GCancellable* cancellable_;
  PresenceSink sink_;
  BootClock clock_;
  core::Ms threshold_;
  guint subscription_ = 0;
  guint name_watch_ = 0;
  std::string owner_;  // the service's unique name; empty while it is away
  // Bumped when the owner changes: replies to calls made to an older owner are dropped.
  std::uint64_t generation_ = 0;
  std::uint32_t idle_watch_ = 0;    // 0 while none is added
  std::uint32_t active_watch_ = 0;  // 0 while none is added
  bool dating_ = false;             // an idle watch fired and GetIdletime is on its way
  bool idle_ = false;               // `idle` reported and no `active` since
  core::Ms idle_ms_at_report_{0};   // Mutter's idle time when `idle` was reported
  int idle_adds_pending_ = 0;       // AddIdleWatch calls not answered yet
  bool logged_away_ = false;
  std::unique_ptr<InhibitWatch> inhibit_;  // only with inhibited_is_sitting
  bool inhibited_ = false;
  core::Ms inhibit_over_at_{0};       // boot clock when the last inhibitor went
  GSource* inhibit_timer_ = nullptr;  // fires a threshold after the inhibitor went
};

}  // namespace sitstretch::idle
