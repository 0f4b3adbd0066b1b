#include "idle/mutter_idle.hpp"

#include <algorithm>
#include <cstdio>

#include "idle/inhibit_watch.hpp"

namespace sitstretch::idle {
namespace {

constexpr const char* kPath = "/org/gnome/Mutter/IdleMonitor/Core";
constexpr const char* kInterface = "org.gnome.Mutter.IdleMonitor";
constexpr int kStartupTimeoutMs = 2000;  // the blocking calls of open() and idle_for()

void log_line(const std::string& line) {
  std::fprintf(stderr, "sitstretchd: %s\n", line.c_str());
}

// Mutter's idle watch fires once idle time reaches the interval; one of 0 ms would be refused.
core::Ms sane(core::Ms idle_after) {
  return std::max(idle_after, core::Ms(1));
}

std::optional<core::Ms> idletime_of(GVariant* reply) {
  if (reply == nullptr || !g_variant_is_of_type(reply, G_VARIANT_TYPE("(t)"))) return std::nullopt;
  guint64 ms = 0;
  g_variant_get(reply, "(t)", &ms);
  return core::Ms(static_cast<long long>(ms));
}

// A blocking GetIdletime: only from open() and idle_for(), at start-up.
std::optional<core::Ms> get_idletime_sync(GDBusConnection* bus, std::string* error) {
  g_autoptr(GError) failure = nullptr;
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync(
      bus, MutterIdle::kBusName, kPath, kInterface, "GetIdletime", nullptr, G_VARIANT_TYPE("(t)"),
      G_DBUS_CALL_FLAGS_NO_AUTO_START, kStartupTimeoutMs, nullptr, &failure);
  if (reply == nullptr && error != nullptr) *error = failure->message;
  return idletime_of(reply);
}

}  // namespace

struct MutterIdle::Call {
  MutterIdle* self;  // touched only when the call was not cancelled
  std::uint64_t generation;
  void (MutterIdle::*handler)(GVariant* reply);
};

std::unique_ptr<MutterIdle> MutterIdle::open(PresenceSink sink, BootClock clock,
                                             core::Ms idle_after, bool inhibited_is_sitting,
                                             std::string* error) {
  g_autoptr(GError) failure = nullptr;
  GDBusConnection* bus = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, &failure);
  if (bus == nullptr) {
    if (error) *error = std::string("no session bus (") + failure->message + ")";
    return nullptr;
  }
  std::string why;
  if (!get_idletime_sync(bus, &why)) {
    if (error) *error = std::string(kBusName) + " is not on the session bus (" + why + ")";
    g_object_unref(bus);
    return nullptr;
  }
  std::unique_ptr<MutterIdle> self(
      new MutterIdle(bus, std::move(sink), std::move(clock), idle_after));
  self->start(inhibited_is_sitting);
  return self;
}

MutterIdle::MutterIdle(GDBusConnection* bus, PresenceSink sink, BootClock clock,
                       core::Ms idle_after)
    : bus_(bus),
      cancellable_(g_cancellable_new()),
      sink_(std::move(sink)),
      clock_(std::move(clock)),
      threshold_(sane(idle_after)) {}

// WatchFired is unicast to this connection; the subscription keeps other senders out. The name
// watch reports the current owner at once, which adds the first watches.
void MutterIdle::start(bool inhibited_is_sitting) {
  subscription_ = g_dbus_connection_signal_subscribe(bus_, kBusName, kInterface, "WatchFired",
                                                     kPath, nullptr, G_DBUS_SIGNAL_FLAGS_NONE,
                                                     &MutterIdle::on_signal, this, nullptr);
  name_watch_ = g_bus_watch_name_on_connection(bus_, kBusName, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                               &MutterIdle::on_appeared, &MutterIdle::on_vanished,
                                               this, nullptr);
  if (inhibited_is_sitting) {
    inhibit_ = std::make_unique<InhibitWatch>(bus_, InhibitWatch::kGnome,
                                              [this](bool on) { on_inhibited(on); });
  }
}

// Watches die with their connection in Mutter, but the shared session bus connection outlives
// us: remove them, without waiting for the answer.
MutterIdle::~MutterIdle() {
  g_cancellable_cancel(cancellable_);
  for (std::uint32_t watch : {idle_watch_, active_watch_}) {
    if (watch == 0 || owner_.empty()) continue;
    g_dbus_connection_call(bus_, owner_.c_str(), kPath, kInterface, "RemoveWatch",
                           g_variant_new("(u)", watch), nullptr, G_DBUS_CALL_FLAGS_NONE, -1,
                           nullptr, nullptr, nullptr);
  }
  cancel_inhibit_timer();
  inhibit_.reset();
  g_bus_unwatch_name(name_watch_);
  g_dbus_connection_signal_unsubscribe(bus_, subscription_);
  g_object_unref(cancellable_);
  g_object_unref(bus_);
}

void MutterIdle::set_threshold(core::Ms idle_after) {
  threshold_ = sane(idle_after);
  if (owner_.empty()) return;  // the next owner gets the new value
  if (idle_watch_ != 0) {
    call("RemoveWatch", g_variant_new("(u)", idle_watch_), nullptr, nullptr);
    idle_watch_ = 0;
  }
  add_idle_watch();
}

// As reported: while an inhibitor holds the user is present, and after it presence counts from
// its end.
std::optional<core::Ms> MutterIdle::idle_for() {
  if (inhibited_) return core::Ms(0);
  const auto idle = get_idletime_sync(bus_, nullptr);
  if (!idle || inhibit_over_at_ == core::Ms(0)) return idle;
  return std::min(*idle, clock_() - inhibit_over_at_);
}

void MutterIdle::call(const char* method, GVariant* parameters, const GVariantType* reply,
                      void (MutterIdle::*handler)(GVariant* reply)) {
  g_dbus_connection_call(bus_, owner_.c_str(), kPath, kInterface, method, parameters, reply,
                         G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, cancellable_, &MutterIdle::on_reply,
                         new Call{this, generation_, handler});
}

void MutterIdle::on_reply(GObject* source, GAsyncResult* result, gpointer data) {
  const std::unique_ptr<Call> call(static_cast<Call*>(data));
  g_autoptr(GError) error = nullptr;
  g_autoptr(GVariant) reply =
      g_dbus_connection_call_finish(G_DBUS_CONNECTION(source), result, &error);
  if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) return;
  MutterIdle* self = call->self;
  if (call->generation != self->generation_ || call->handler == nullptr) return;
  if (reply == nullptr) {
    // The service went away mid-call; its name watch brings the watches back.
    log_line(std::string(kBusName) + ": " + error->message);
    return;
  }
  (self->*call->handler)(reply);
}

void MutterIdle::add_idle_watch() {
  ++idle_adds_pending_;
  call("AddIdleWatch", g_variant_new("(t)", static_cast<guint64>(threshold_.count())),
       G_VARIANT_TYPE("(u)"), &MutterIdle::on_idle_watch_added);
}

// Replies come in the order of the calls: while a later AddIdleWatch is pending, this one's
// watch was replaced by a new threshold before we knew its id.
void MutterIdle::on_idle_watch_added(GVariant* reply) {
  std::uint32_t id = 0;
  g_variant_get(reply, "(u)", &id);
  if (--idle_adds_pending_ > 0) {
    call("RemoveWatch", g_variant_new("(u)", id), nullptr, nullptr);
    return;
  }
  idle_watch_ = id;
}

void MutterIdle::on_active_watch_added(GVariant* reply) {
  g_variant_get(reply, "(u)", &active_watch_);
  // Input between the idle time's reading and this watch would go unseen until the next input:
  // a smaller idle time now than when `idle` was reported means it came.
  call("GetIdletime", nullptr, G_VARIANT_TYPE("(t)"), &MutterIdle::on_idletime_after_active_watch);
}

void MutterIdle::on_idletime_after_active_watch(GVariant* reply) {
  const auto idle_ms = idletime_of(reply);
  if (!idle_ || !idle_ms || active_watch_ == 0) return;
  if (*idle_ms >= idle_ms_at_report_) return;  // without input it only grows
  call("RemoveWatch", g_variant_new("(u)", active_watch_), nullptr, nullptr);
  active_watch_ = 0;
  report_active(clock_());
}

// Loop thread, from GDBus: WatchFired(u id).
void MutterIdle::on_signal(GDBusConnection*, const gchar*, const gchar*, const gchar*, const gchar*,
                           GVariant* parameters, gpointer self) {
  if (!g_variant_is_of_type(parameters, G_VARIANT_TYPE("(u)"))) return;
  std::uint32_t id = 0;
  g_variant_get(parameters, "(u)", &id);
  static_cast<MutterIdle*>(self)->on_watch_fired(id);
}

void MutterIdle::on_watch_fired(std::uint32_t id) {
  if (id == 0) return;
  if (id == active_watch_) {
    active_watch_ = 0;  // Mutter forgot it as it fired
    if (idle_) report_active(clock_());
    return;
  }
  if (id != idle_watch_ || idle_ || dating_ || inhibited_) return;
  dating_ = true;
  call("GetIdletime", nullptr, G_VARIANT_TYPE("(t)"), &MutterIdle::on_idletime_at_idle);
}

// Dates the last input. Presence after an inhibitor went counts as input (the user watched).
void MutterIdle::on_idletime_at_idle(GVariant* reply) {
  dating_ = false;
  const auto idle_ms = idletime_of(reply);
  if (!idle_ms || idle_ || inhibited_) return;
  const core::Ms now = clock_();
  const core::Ms last_presence = std::max(now - *idle_ms, inhibit_over_at_);
  // Input came since the watch fired, or the inhibitor went too recently: not idle after all;
  // Mutter's watch (or the inhibitor's timer) fires again when it is.
  if (now - last_presence < threshold_ - core::Ms(100)) return;
  report_idle(*idle_ms);
}

void MutterIdle::on_owner(const char* owner) {
  const std::string fresh = owner != nullptr ? owner : "";
  if (fresh == owner_) return;
  if (fresh.empty() && !logged_away_) {
    logged_away_ = true;
    log_line(std::string(kBusName) + " left the session bus; idle is unknown until it is back");
  }
  owner_ = fresh;
  ++generation_;
  idle_watch_ = active_watch_ = 0;
  idle_adds_pending_ = 0;
  dating_ = false;
  if (owner_.empty()) return;
  add_idle_watch();
  if (idle_)
    call("AddUserActiveWatch", nullptr, G_VARIANT_TYPE("(u)"), &MutterIdle::on_active_watch_added);
}

void MutterIdle::on_appeared(GDBusConnection*, const gchar*, const gchar* owner, gpointer self) {
  static_cast<MutterIdle*>(self)->on_owner(owner);
}

void MutterIdle::on_vanished(GDBusConnection*, const gchar*, gpointer self) {
  static_cast<MutterIdle*>(self)->on_owner(nullptr);
}

// An inhibitor appeared: the user counts as present. When it goes, presence counts from then,
// so idleness is checked a threshold later (Mutter's own watch may not fire again without input).
void MutterIdle::on_inhibited(bool inhibited) {
  inhibited_ = inhibited;
  cancel_inhibit_timer();
  const core::Ms now = clock_();
  if (!inhibited) {
    inhibit_over_at_ = now;
    inhibit_timer_ = g_timeout_source_new(static_cast<guint>(threshold_.count()));
    g_source_set_callback(inhibit_timer_, &MutterIdle::on_inhibit_timer, this, nullptr);
    g_source_attach(inhibit_timer_, g_main_context_get_thread_default());
    return;
  }
  if (!idle_) return;
  if (active_watch_ != 0) {
    call("RemoveWatch", g_variant_new("(u)", active_watch_), nullptr, nullptr);
    active_watch_ = 0;
  }
  report_active(now);
}

void MutterIdle::cancel_inhibit_timer() {
  if (inhibit_timer_ == nullptr) return;
  g_source_destroy(inhibit_timer_);
  g_source_unref(inhibit_timer_);
  inhibit_timer_ = nullptr;
}

gboolean MutterIdle::on_inhibit_timer(gpointer self) {
  auto* that = static_cast<MutterIdle*>(self);
  that->cancel_inhibit_timer();
  that->on_inhibit_over();
  return G_SOURCE_REMOVE;
}

void MutterIdle::on_inhibit_over() {
  if (owner_.empty() || idle_ || dating_ || inhibited_) return;
  dating_ = true;
  call("GetIdletime", nullptr, G_VARIANT_TYPE("(t)"), &MutterIdle::on_idletime_at_idle);
}

// The sink may destroy this source: both reports come last in their callers.
void MutterIdle::report_idle(core::Ms idle_ms) {
  const core::Ms now = clock_();
  idle_ = true;
  idle_ms_at_report_ = idle_ms;
  call("AddUserActiveWatch", nullptr, G_VARIANT_TYPE("(u)"), &MutterIdle::on_active_watch_added);
  sink_(PresenceEvent{core::Signal::idle, std::max(now - idle_ms, inhibit_over_at_)});
}

void MutterIdle::report_active(core::Ms at) {
  idle_ = false;
  sink_(PresenceEvent{core::Signal::active, at});
}

}  // namespace sitstretch::idle
