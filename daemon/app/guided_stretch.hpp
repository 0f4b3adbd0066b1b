#pragma once

#include <boost/asio/io_context.hpp>
#include <functional>
#include <optional>
#include <string>

#include "app/boot_timer.hpp"
#include "core/record.hpp"
#include "core/time.hpp"
#include "notify/prompt_notifier.hpp"
#include "stretch/guide.hpp"

namespace sitstretch::app {

// The guided book stretch as notifications: side 1 and side 2 with a countdown, then which side
// felt tighter. The sequence itself is stretch::Guide; this shows it on the prompt's
// notification, refreshes the countdown with its own boot-time timer, and reads the answers.
// Runs on the loop thread.
class GuidedStretch {
 public:
  // now() reads the boot clock for the countdown's refreshes.
  GuidedStretch(boost::asio::io_context& io, std::function<core::Ms()> now);

  // Starts the guide at t: `first` on the book for `hold`, then the other side, then the
  // question. Replaces a guide already running.
  void start(notify::PromptNotifier& notifier, core::Ms t, core::Ms hold, core::Side first);
  bool running() const { return guide_.has_value(); }
  // A button of the guide was pressed: the guide ends, and a side that was reported is
  // returned ("stop" reports none).
  std::optional<core::Side> answer(const std::string& key);
  // Leaves the guide without an answer (closed, or a prompt takes the notification over).
  void end();

 private:
  void show(core::Ms t);

  std::function<core::Ms()> now_;
  notify::PromptNotifier* notifier_ = nullptr;
  std::optional<stretch::Guide> guide_;
  BootTimer timer_;
};

}  // namespace sitstretch::app
