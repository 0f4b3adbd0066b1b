#include "idle/x11_idle.hpp"

#include <X11/Xlib.h>
#include <X11/extensions/sync.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "idle/x11_connection.hpp"
#include "idle/x11_screensaver_idle.hpp"

namespace sitstretch::idle {

namespace {

long long to_int64(const XSyncValue& value) {
  return (static_cast<long long>(XSyncValueHigh32(value)) << 32) |
         static_cast<long long>(XSyncValueLow32(value));
}

XSyncValue to_sync_value(long long value) {
  XSyncValue result;
  XSyncIntsToValue(&result, static_cast<unsigned int>(value & 0xffffffffLL),
                   static_cast<int>(value >> 32));
  return result;
}

// IDLETIME is "none yet" below one millisecond; a zero threshold would report idle constantly.
core::Ms sane(core::Ms idle_after) {
  return std::max(idle_after, core::Ms(1));
}

// Finds the IDLETIME system counter; 0 if the server has none.
XSyncCounter find_idletime(Display* display) {
  int count = 0;
  XSyncSystemCounter* counters = XSyncListSystemCounters(display, &count);
  XSyncCounter found = 0;
  for (int i = 0; i < count && found == 0; ++i) {
    if (std::strcmp(counters[i].name, "IDLETIME") == 0) found = counters[i].counter;
  }
  if (counters) XSyncFreeSystemCounterList(counters);
  return found;
}

}  // namespace

std::unique_ptr<X11SyncIdle> X11SyncIdle::open(boost::asio::io_context& io, PresenceSink sink,
                                               BootClock clock, core::Ms idle_after,
                                               const std::string& display_name,
                                               std::string* error) {
  std::string why;
  auto connection = X11Connection::open(io, display_name, &why);
  int event_base = 0, error_base = 0, major = 0, minor = 0;
  XSyncCounter counter = 0;
  if (connection) {
    Display* display = connection->display();
    if (!XSyncQueryExtension(display, &event_base, &error_base) ||
        !XSyncInitialize(display, &major, &minor)) {
      why = "the X server has no SYNC extension";
    } else if ((counter = find_idletime(display)) == 0) {
      why = "the X server's SYNC extension has no IDLETIME counter";
    }
  }
  if (!why.empty()) {
    if (error) *error = why;
    return nullptr;
  }
  std::unique_ptr<X11SyncIdle> self(new X11SyncIdle(
      std::move(connection), std::move(sink), std::move(clock), idle_after, counter, event_base));
  self->arm_idle_alarm();
  self->connection_->start([raw = self.get()](XEvent& event) { raw->on_event(event); });
  return self;
}

X11SyncIdle::X11SyncIdle(std::unique_ptr<X11Connection> connection, PresenceSink sink,
                         BootClock clock, core::Ms idle_after, unsigned long counter,
                         int event_base)
    : connection_(std::move(connection)),
      sink_(std::move(sink)),
      clock_(std::move(clock)),
      threshold_(sane(idle_after)),
      counter_(counter),
      event_base_(event_base) {}

// The connection closes with the source; the server then frees the alarm.
X11SyncIdle::~X11SyncIdle() = default;

void X11SyncIdle::set_threshold(core::Ms idle_after) {
  threshold_ = sane(idle_after);
  if (!connection_->ok() || idle_) return;  // while idle, the new value applies after `active`
  arm_idle_alarm();
  connection_->flush();
}

std::optional<core::Ms> X11SyncIdle::idle_for() {
  if (!connection_->ok()) return std::nullopt;
  XSyncValue value;
  const bool ok = XSyncQueryCounter(connection_->display(), counter_, &value) && connection_->ok();
  connection_->flush();  // the round trip may have queued alarm events
  if (!ok) return std::nullopt;
  return core::Ms(to_int64(value));
}

// Active: fire once input has stopped for the threshold. A comparison (not a transition) fires
// at once if that is already so, e.g. at start-up; the server reads IDLETIME afresh on create.
void X11SyncIdle::arm_idle_alarm() {
  replace_alarm(XSyncPositiveComparison, threshold_.count());
}

// Idle: fire as soon as IDLETIME is at most `below`, i.e. it fell back because input resumed.
// Also fires at once if input already resumed between the idle alarm and this request.
void X11SyncIdle::arm_active_alarm(long long below) {
  replace_alarm(XSyncNegativeComparison, below);
}

// A fresh alarm per state rather than XSyncChangeAlarm: an event still queued for the old alarm
// then carries an id we no longer hold and is ignored, so it cannot be mistaken for the new one.
void X11SyncIdle::replace_alarm(int test_type, long long value) {
  Display* display = connection_->display();
  if (alarm_ != 0) XSyncDestroyAlarm(display, alarm_);
  XSyncAlarmAttributes attributes{};
  attributes.trigger.counter = counter_;
  attributes.trigger.value_type = XSyncAbsolute;
  attributes.trigger.wait_value = to_sync_value(value);
  attributes.trigger.test_type = static_cast<XSyncTestType>(test_type);
  attributes.delta = to_sync_value(0);  // fire once, then turn inactive until replaced
  attributes.events = True;
  alarm_ = XSyncCreateAlarm(display,
                            XSyncCACounter | XSyncCAValueType | XSyncCAValue | XSyncCATestType |
                                XSyncCADelta | XSyncCAEvents,
                            &attributes);
}

// Runs on the loop thread, from X11Connection's drain.
void X11SyncIdle::on_event(XEvent& event) {
  if (event.type != event_base_ + XSyncAlarmNotify) return;
  const auto& notify = reinterpret_cast<const XSyncAlarmNotifyEvent&>(event);
  if (notify.alarm != alarm_ || notify.state == XSyncAlarmDestroyed) return;
  on_alarm(to_int64(notify.counter_value));
}

void X11SyncIdle::on_alarm(long long counter_value) {
  if (!idle_) {
    // Read IDLETIME again to date the last input as of now; if input already resumed (the
    // counter fell), fall back to the value at the alarm, and the next alarm fires at once.
    XSyncValue now_value;
    long long idle_ms = counter_value;
    if (XSyncQueryCounter(connection_->display(), counter_, &now_value) && connection_->ok() &&
        to_int64(now_value) >= counter_value) {
      idle_ms = to_int64(now_value);
    }
    if (!connection_->ok()) return;
    idle_ = true;
    emit(core::Signal::idle, clock_() - core::Ms(idle_ms));
    arm_active_alarm(std::max(counter_value - 1, 0LL));
  } else {
    idle_ = false;
    emit(core::Signal::active, clock_());
    arm_idle_alarm();
  }
  XFlush(connection_->display());
}

void X11SyncIdle::emit(core::Signal signal, core::Ms at) {
  connection_->post([this, event = PresenceEvent{signal, at}] { sink_(event); });
}

std::unique_ptr<IdleSource> make_x11_idle(boost::asio::io_context& io, PresenceSink sink,
                                          BootClock clock, core::Ms idle_after,
                                          const std::string& display_name) {
  static bool logged = false;
  auto log_once = [](const std::string& line) {
    if (logged) return;
    logged = true;
    std::fprintf(stderr, "sitstretchd: %s\n", line.c_str());
  };
  std::string sync_error;
  if (auto sync = X11SyncIdle::open(io, sink, clock, idle_after, display_name, &sync_error)) {
    return sync;
  }
  std::string saver_error;
  if (auto saver = X11ScreenSaverIdle::open(io, std::move(sink), std::move(clock), idle_after,
                                            display_name, &saver_error)) {
    log_once(sync_error + "; using MIT-SCREEN-SAVER idle detection instead");
    return saver;
  }
  log_once("no X11 idle detection: " + sync_error +
           (saver_error == sync_error ? "" : "; " + saver_error));
  return nullptr;
}

}  // namespace sitstretch::idle
