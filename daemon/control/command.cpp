#include "control/command.hpp"

#include <algorithm>

namespace sitstretch::control {

std::optional<core::Ms> pause_length(const cmd::Pause& pause, core::Ms now_utc) {
  if (pause.until) return std::max(core::Ms{1}, *pause.until - now_utc);
  return pause.duration;
}

Result result_of(core::Outcome outcome, int max_snoozes) {
  switch (outcome) {
    case core::Outcome::ok:
      return result::Ok{};
    case core::Outcome::nothing_pending:
      return result::Refused{"no prompt is waiting for an answer"};
    case core::Outcome::no_snoozes_left:
      return result::Refused{"no snoozes left for this prompt (prompt.max_snoozes = " +
                             std::to_string(max_snoozes) + ")"};
    case core::Outcome::not_paused:
      return result::Refused{"not paused"};
  }
  return result::Ok{};
}

std::string_view name_of(const Command& command) {
  return std::visit(Overloaded{
                        [](const cmd::Status&) { return "status"; },
                        [](const cmd::Done&) { return "done"; },
                        [](const cmd::Snooze&) { return "snooze"; },
                        [](const cmd::Skip&) { return "skip"; },
                        [](const cmd::Dismiss&) { return "dismiss"; },
                        [](const cmd::Pause&) { return "pause"; },
                        [](const cmd::Resume&) { return "resume"; },
                        [](const cmd::Reload&) { return "reload"; },
                        [](const cmd::Stretch&) { return "stretch"; },
                        [](const cmd::Side&) { return "side"; },
                        [](const cmd::Busy&) { return "busy"; },
                        [](const cmd::Free&) { return "free"; },
                    },
                    command);
}

}  // namespace sitstretch::control
