#include "busy/busy_watch.hpp"

#include <algorithm>

namespace sitstretch::busy {

BusyWatch::BusyWatch(BusyContext context, core::BusyReasons when)
    : context_(std::move(context)), sink_(std::move(context_.sink)) {
  context_.sink = [this](core::BusyReason reason, bool busy) { on_change(reason, busy); };
  set_when(when);
}

BusyWatch::~BusyWatch() = default;

core::BusyReasons BusyWatch::set_when(core::BusyReasons when) {
  core::BusyReasons added;
  core::BusyReasons dropped_busy;
  for (core::BusyReason r : core::kBusyReasons) {
    if (when.has(r) && !when_.has(r)) added.add(r);
    if (!when.has(r) && busy_.has(r)) {
      dropped_busy.add(r);
      busy_.remove(r);
    }
  }
  std::erase_if(sources_, [&](const auto& source) { return !when.has(source->reason()); });
  when_ = when;
  start(added);
  return dropped_busy;
}

void BusyWatch::start(core::BusyReasons reasons) {
  if (!reasons.any()) return;
  for (auto& source : make_busy_sources(context_, reasons)) sources_.push_back(std::move(source));
}

void BusyWatch::on_change(core::BusyReason reason, bool busy) {
  if (busy) {
    busy_.add(reason);
  } else {
    busy_.remove(reason);
  }
  sink_(reason, busy);
}

std::vector<std::string> BusyWatch::describe() const {
  std::vector<std::string> lines;
  for (const auto& source : sources_) lines.push_back(source->describe());
  return lines;
}

void BusyWatch::recheck() {
  for (const auto& source : sources_) source->recheck();
}

bool BusyWatch::needs_recheck() const {
  return std::any_of(sources_.begin(), sources_.end(),
                     [](const auto& source) { return source->needs_recheck(); });
}

}  // namespace sitstretch::busy
