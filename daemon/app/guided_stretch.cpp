#include "app/guided_stretch.hpp"

#include <cctype>

#include "stretch/book_stretch.hpp"

namespace sitstretch::app {
namespace {

// A hold offers Stop; the question offers the three sides.
notify::PromptContent content_of(const stretch::GuideView& view) {
  const stretch::Text text = stretch::guide_text(view);
  notify::PromptContent content;
  content.summary = text.summary;
  content.body = text.body;
  content.urgency = notify::Urgency::normal;
  if (view.step == stretch::GuideView::Step::hold) {
    content.actions = {{"stop", "Stop"}};
    return content;
  }
  for (core::Side s : {core::Side::left, core::Side::right, core::Side::even}) {
    std::string label = stretch::side_label(s);
    label[0] = static_cast<char>(std::toupper(label[0]));
    content.actions.push_back({std::string(core::to_string(s)), label});
  }
  return content;
}

}  // namespace

GuidedStretch::GuidedStretch(boost::asio::io_context& io, std::function<core::Ms()> now)
    : now_(std::move(now)), timer_(io) {}

void GuidedStretch::start(notify::PromptNotifier& notifier, core::Ms t, core::Ms hold,
                          core::Side first) {
  notifier_ = &notifier;
  guide_.emplace(t, hold, first);
  show(t);
}

void GuidedStretch::show(core::Ms t) {
  if (!guide_ || !notifier_) return;
  notifier_->show(content_of(guide_->at(t)));
  if (auto next = guide_->next_update(t)) {
    timer_.arm(*next, [this] { show(now_()); });
  }
}

std::optional<core::Side> GuidedStretch::answer(const std::string& key) {
  if (!guide_) return std::nullopt;
  end();
  return core::side_from_string(key);
}

void GuidedStretch::end() {
  guide_.reset();
  timer_.disarm();
}

}  // namespace sitstretch::app
