#include "idle/x11_idle.hpp"

#include <xcb/sync.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "idle/x11_connection.hpp"
#include "idle/x11_screensaver_idle.hpp"

namespace sitstretch::idle {

namespace {

long long to_int64(const xcb_sync_int64_t& value) {
  return (static_cast<long long>(value.hi) << 32) | static_cast<long long>(value.lo);
}

xcb_sync_int64_t to_sync_value(long long value) {
  return {static_cast<int32_t>(value >> 32), static_cast<uint32_t>(value & 0xffffffffLL)};
}

// IDLETIME is "none yet" below one millisecond; a zero threshold would report idle constantly.
core::Ms sane(core::Ms idle_after) {
  return std::max(idle_after, core::Ms(1));
}

template <typename Reply>
using ReplyPtr = std::unique_ptr<Reply, decltype(&std::free)>;

template <typename Reply>
ReplyPtr<Reply> owned(Reply* reply) {
  return ReplyPtr<Reply>(reply, &std::free);
}

// The reply's counters by hand: on the wire each is 14 bytes (counter, resolution, name length)
// and the name, padded to 4 bytes, but xcb's C struct for one has 16, so its iterator and name
// accessor read two bytes off.
bool counter_named(const xcb_sync_list_system_counters_reply_t& list, std::string_view wanted,
                   unsigned int* counter) {
  constexpr std::size_t kFixed = 14;
  const auto* entry = reinterpret_cast<const unsigned char*>(&list + 1);
  const unsigned char* end = entry + std::size_t(list.length) * 4;
  for (uint32_t i = 0; i < list.counters_len && entry + kFixed <= end; ++i) {
    uint16_t name_length = 0;
    std::memcpy(&name_length, entry + 12, sizeof name_length);
    if (entry + kFixed + name_length > end) break;
    if (std::string_view(reinterpret_cast<const char*>(entry) + kFixed, name_length) == wanted) {
      std::memcpy(counter, entry, sizeof *counter);
      return true;
    }
    entry += (kFixed + name_length + 3) & ~std::size_t(3);
  }
  return false;
}

// Initialises SYNC (the protocol asks for it before any other request) and finds the IDLETIME
// system counter. Returns the reason when there is none.
std::string find_idletime(xcb_connection_t* c, unsigned int* counter) {
  const xcb_query_extension_reply_t* sync = xcb_get_extension_data(c, &xcb_sync_id);
  if (!sync || !sync->present ||
      !owned(xcb_sync_initialize_reply(
          c, xcb_sync_initialize(c, XCB_SYNC_MAJOR_VERSION, XCB_SYNC_MINOR_VERSION), nullptr))) {
    return "the X server has no SYNC extension";
  }
  auto list =
      owned(xcb_sync_list_system_counters_reply(c, xcb_sync_list_system_counters(c), nullptr));
  if (list && counter_named(*list, "IDLETIME", counter)) return {};
  return "the X server's SYNC extension has no IDLETIME counter";
}

}  // namespace

std::unique_ptr<X11SyncIdle> X11SyncIdle::open(boost::asio::io_context& io, PresenceSink sink,
                                               BootClock clock, core::Ms idle_after,
                                               const std::string& display_name,
                                               std::string* error) {
  std::string why;
  auto connection = X11Connection::open(io, display_name, &why);
  unsigned int counter = 0;
  if (connection) why = find_idletime(connection->get(), &counter);
  if (!why.empty()) {
    if (error) *error = why;
    return nullptr;
  }
  const int event_base = xcb_get_extension_data(connection->get(), &xcb_sync_id)->first_event;
  std::unique_ptr<X11SyncIdle> self(new X11SyncIdle(
      std::move(connection), std::move(sink), std::move(clock), idle_after, counter, event_base));
  self->arm_idle_alarm();
  self->connection_->start(
      [raw = self.get()](const xcb_generic_event_t& event) { raw->on_event(event); });
  return self;
}

X11SyncIdle::X11SyncIdle(std::unique_ptr<X11Connection> connection, PresenceSink sink,
                         BootClock clock, core::Ms idle_after, unsigned int counter, int event_base)
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
  const std::optional<long long> value = query_counter();
  connection_->flush();  // the round trip may have queued alarm events
  if (!value) return std::nullopt;
  return core::Ms(*value);
}

// IDLETIME now, one round trip; nothing once the server is gone.
std::optional<long long> X11SyncIdle::query_counter() {
  if (!connection_->ok()) return std::nullopt;
  xcb_connection_t* c = connection_->get();
  auto reply = owned(xcb_sync_query_counter_reply(c, xcb_sync_query_counter(c, counter_), nullptr));
  if (!reply || !connection_->ok()) return std::nullopt;
  return to_int64(reply->counter_value);
}

// Active: fire once input has stopped for the threshold. A comparison (not a transition) fires
// at once if that is already so, e.g. at start-up; the server reads IDLETIME afresh on create.
void X11SyncIdle::arm_idle_alarm() {
  replace_alarm(XCB_SYNC_TESTTYPE_POSITIVE_COMPARISON, threshold_.count());
}

// Idle: fire as soon as IDLETIME is at most `below`, i.e. it fell back because input resumed.
// Also fires at once if input already resumed between the idle alarm and this request.
void X11SyncIdle::arm_active_alarm(long long below) {
  replace_alarm(XCB_SYNC_TESTTYPE_NEGATIVE_COMPARISON, below);
}

// A fresh alarm per state rather than ChangeAlarm: an event still queued for the old alarm then
// carries an id we no longer hold and is ignored, so it cannot be mistaken for the new one.
void X11SyncIdle::replace_alarm(unsigned int test_type, long long value) {
  xcb_connection_t* c = connection_->get();
  if (alarm_ != 0) xcb_sync_destroy_alarm(c, alarm_);
  xcb_sync_create_alarm_value_list_t attributes{};
  attributes.counter = counter_;
  attributes.valueType = XCB_SYNC_VALUETYPE_ABSOLUTE;
  attributes.value = to_sync_value(value);
  attributes.testType = test_type;
  attributes.delta = to_sync_value(0);  // fire once, then turn inactive until replaced
  attributes.events = 1;
  alarm_ = xcb_generate_id(c);
  xcb_sync_create_alarm_aux(c, alarm_,
                            XCB_SYNC_CA_COUNTER | XCB_SYNC_CA_VALUE_TYPE | XCB_SYNC_CA_VALUE |
                                XCB_SYNC_CA_TEST_TYPE | XCB_SYNC_CA_DELTA | XCB_SYNC_CA_EVENTS,
                            &attributes);
}

// Runs on the loop thread, from X11Connection's drain.
void X11SyncIdle::on_event(const xcb_generic_event_t& event) {
  if ((event.response_type & 0x7f) != event_base_ + XCB_SYNC_ALARM_NOTIFY) return;
  const auto& notify = reinterpret_cast<const xcb_sync_alarm_notify_event_t&>(event);
  if (notify.alarm != alarm_ || notify.state == XCB_SYNC_ALARMSTATE_DESTROYED) return;
  on_alarm(to_int64(notify.counter_value));
}

void X11SyncIdle::on_alarm(long long counter_value) {
  if (!idle_) {
    // Read IDLETIME again to date the last input as of now; if input already resumed (the
    // counter fell), fall back to the value at the alarm, and the next alarm fires at once.
    const std::optional<long long> now_value = query_counter();
    if (!connection_->ok()) return;
    const long long idle_ms = std::max(now_value.value_or(counter_value), counter_value);
    idle_ = true;
    emit(core::Signal::idle, clock_() - core::Ms(idle_ms));
    arm_active_alarm(std::max(counter_value - 1, 0LL));
  } else {
    idle_ = false;
    emit(core::Signal::active, clock_());
    arm_idle_alarm();
  }
  xcb_flush(connection_->get());
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
