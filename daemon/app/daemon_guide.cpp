// The guided book stretch as notifications: side 1 and side 2 with a countdown, then which side
// felt tighter. The sequence itself is stretch::Guide; this file shows it and takes the answers.
#include <cctype>

#include "app/daemon.hpp"
#include "stretch/book_stretch.hpp"

namespace sitstretch::app {
void Daemon::start_guide(core::Ms t) {
  if (!config_.model.guided || !notifier_) return;
  guide_.emplace(t, config_.model.hold,
                 stretch::first_side(config_.model.first_side, recent_sides()));
  show_guide(t);
}

std::vector<core::Side> Daemon::recent_sides() {
  return stretch::sides_of(store_->latest_of(core::RecordKind::side, stretch::kRecentReports));
}

void Daemon::show_guide(core::Ms t) {
  if (!guide_) return;
  const stretch::GuideView view = guide_->at(t);
  const stretch::Text text = stretch::guide_text(view);
  notify::PromptContent content;
  content.summary = text.summary;
  content.body = text.body;
  content.urgency = notify::Urgency::normal;
  if (view.step == stretch::GuideView::Step::hold) {
    content.actions = {{"stop", "Stop"}};
  } else {
    for (core::Side s : {core::Side::left, core::Side::right, core::Side::even}) {
      std::string label = stretch::side_label(s);
      label[0] = static_cast<char>(std::toupper(label[0]));
      content.actions.push_back({std::string(core::to_string(s)), label});
    }
  }
  notifier_->show(content);
  if (auto next = guide_->next_update(t)) {
    guide_timer_.arm(*next, [this] { show_guide(now()); });
  }
}

// Stop leaves the guide (the stretch counts: `accepted` came first); a side answers it.
void Daemon::on_guide_action(const std::string& key) {
  if (!guide_) return;
  if (auto side = core::side_from_string(key)) {
    model_.report_side(now(), *side, records_);
    finish();
  }
  end_guide();
}

void Daemon::end_guide() {
  guide_.reset();
  guide_timer_.disarm();
}

}  // namespace sitstretch::app
