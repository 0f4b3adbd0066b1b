#include "idle/inhibited_idle.hpp"

#include <algorithm>
#include <chrono>

namespace sitstretch::idle {

std::unique_ptr<IdleSource> InhibitedIdle::make(boost::asio::io_context& io, PresenceSink sink,
                                                BootClock clock, core::Ms idle_after,
                                                const OpenInner& open_inner, std::string* error) {
  GDBusConnection* bus = g_bus_get_sync(G_BUS_TYPE_SYSTEM, nullptr, nullptr);
  if (bus == nullptr) return open_inner(std::move(sink));  // no logind: input only
  std::unique_ptr<InhibitedIdle> self(new InhibitedIdle(io, std::move(sink), clock, idle_after));
  self->inner_ = open_inner([raw = self.get()](const PresenceEvent& e) { raw->on_inner(e); });
  if (!self->inner_) {
    g_object_unref(bus);
    if (error != nullptr && error->empty()) *error = "the idle source did not open";
    return nullptr;
  }
  self->watch_ = std::make_unique<InhibitWatch>(
      bus, InhibitWatch::kLogind, [raw = self.get()](bool on) { raw->on_inhibited(on); });
  g_object_unref(bus);  // the watch keeps its own reference
  return self;
}

InhibitedIdle::InhibitedIdle(boost::asio::io_context& io, PresenceSink sink, BootClock clock,
                             core::Ms idle_after)
    : sink_(std::move(sink)), clock_(std::move(clock)), threshold_(idle_after), timer_(io) {}

InhibitedIdle::~InhibitedIdle() = default;

void InhibitedIdle::set_threshold(core::Ms idle_after) {
  threshold_ = idle_after;
  inner_->set_threshold(idle_after);
}

// While inhibited the user is present; after, presence counts from the inhibitor's end.
std::optional<core::Ms> InhibitedIdle::idle_for() {
  if (inhibited_) return core::Ms(0);
  const auto inner = inner_->idle_for();
  if (!inner || inhibit_over_at_ == core::Ms(0)) return inner;
  return std::min(*inner, clock_() - inhibit_over_at_);
}

// Loop thread, from the inner source's own handler.
void InhibitedIdle::on_inner(const PresenceEvent& event) {
  if (event.signal == core::Signal::active) {
    inner_idle_ = false;
    timer_.cancel();
    if (reported_idle_) report(core::Signal::active, event.at);
    return;
  }
  inner_idle_ = true;
  last_input_ = event.at;
  if (inhibited_) return;
  const core::Ms since = std::max(last_input_, inhibit_over_at_);
  if (clock_() - since >= threshold_) {
    report(core::Signal::idle, since);
  } else {
    arm_at(since + threshold_);  // the inhibitor went too recently
  }
}

// Loop thread, from GDBus.
void InhibitedIdle::on_inhibited(bool inhibited) {
  inhibited_ = inhibited;
  timer_.cancel();
  const core::Ms now = clock_();
  if (!inhibited) {
    inhibit_over_at_ = now;
    if (inner_idle_) arm_at(now + threshold_);
    return;
  }
  if (reported_idle_) report(core::Signal::active, now);
}

void InhibitedIdle::arm_at(core::Ms at) {
  timer_.expires_after(std::max(at - clock_(), core::Ms(0)));
  timer_.async_wait([this](const boost::system::error_code& ec) {
    if (ec || !inner_idle_ || inhibited_ || reported_idle_) return;
    report(core::Signal::idle, std::max(last_input_, inhibit_over_at_));
  });
}

// The sink may destroy this source: reports come last in their callers.
void InhibitedIdle::report(core::Signal signal, core::Ms at) {
  reported_idle_ = signal == core::Signal::idle;
  sink_(PresenceEvent{signal, at});
}

}  // namespace sitstretch::idle
