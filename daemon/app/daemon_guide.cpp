// The guided stretch's part of the wiring: when it starts, and where its answers go.
#include "app/daemon.hpp"

namespace sitstretch::app {

void Daemon::start_guide(core::Ms t) {
  if (!config_.model.guided || !notifier_) return;
  guide_.start(*notifier_, t, config_.model.hold,
               stretch::first_side(config_.model.first_side, recent_sides()));
}

std::vector<core::Side> Daemon::recent_sides() {
  return stretch::sides_of(store_->latest_of(core::RecordKind::side, stretch::kRecentReports));
}

// Stop leaves the guide (the stretch counts: `accepted` came first); a side answers it.
void Daemon::on_guide_action(const std::string& key) {
  if (auto side = guide_.answer(key)) on_command(control::cmd::Side{*side});
}

}  // namespace sitstretch::app
