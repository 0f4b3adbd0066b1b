#pragma once

#include <string>

#include "core/time.hpp"

namespace sitstretch::stretch {

// Everything sitstretch says about the book stretch, in one place (source: the summary in
// shared/seed). Pure text; adapters only choose where it goes.

// The prompt notification: a title and a body that teaches the stretch in a few lines.
struct PromptText {
  std::string summary;
  std::string body;
};

// sitting: how long the user has sat; attempt: 1 for the first prompt of an episode;
// hold: stretch.hold, per side.
PromptText prompt_text(core::Ms sitting, int attempt, core::Ms hold);

// "Snooze 10 min"
std::string snooze_label(core::Ms snooze);

// The short safety line shown with the stretch.
std::string_view safety_line();

}  // namespace sitstretch::stretch
