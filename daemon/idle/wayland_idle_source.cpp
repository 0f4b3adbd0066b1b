#include "idle/wayland_idle_source.hpp"

#include <algorithm>
#include <limits>

#include "idle/wayland_connection.hpp"

namespace sitstretch::idle {

namespace {

// Both protocols take the timeout as a 32-bit count of milliseconds (49 days at most); a zero
// timeout would report idle constantly.
core::Ms sane(core::Ms idle_after) {
  const core::Ms most(std::numeric_limits<std::uint32_t>::max());
  return std::clamp(idle_after, core::Ms(1), most);
}

}  // namespace

WaylandIdleSource::WaylandIdleSource(std::string name,
                                     std::unique_ptr<WaylandConnection> connection,
                                     std::unique_ptr<WaylandIdleProtocol> protocol,
                                     PresenceSink sink, BootClock clock, core::Ms idle_after)
    : name_(std::move(name)),
      connection_(std::move(connection)),
      protocol_(std::move(protocol)),
      sink_(std::move(sink)),
      clock_(std::move(clock)),
      threshold_(sane(idle_after)) {
  watch();
  connection_->start();
}

WaylandIdleSource::~WaylandIdleSource() = default;

void WaylandIdleSource::set_threshold(core::Ms idle_after) {
  threshold_ = sane(idle_after);
  // While idle, a fresh notification object would count from now and date the idleness wrongly;
  // the new value applies after `active`, as the interface says.
  if (!connection_->ok() || idle_ || threshold_ == watched_) return;
  watch();
  connection_->flush();
}

std::optional<core::Ms> WaylandIdleSource::idle_for() {
  if (!connection_->ok() || !idle_) return std::nullopt;
  return clock_() - idle_at_;
}

void WaylandIdleSource::watch() {
  watched_ = threshold_;
  protocol_->watch(static_cast<std::uint32_t>(watched_.count()), *this);
}

void WaylandIdleSource::idled() {
  if (idle_) return;
  idle_ = true;
  idle_at_ = clock_() - watched_;
  emit(core::Signal::idle, idle_at_);
}

void WaylandIdleSource::resumed() {
  if (!idle_) return;
  idle_ = false;
  emit(core::Signal::active, clock_());
  if (threshold_ != watched_) watch();  // flushed by the connection after this dispatch
}

void WaylandIdleSource::emit(core::Signal signal, core::Ms at) {
  connection_->post([this, event = PresenceEvent{signal, at}] { sink_(event); });
}

}  // namespace sitstretch::idle
