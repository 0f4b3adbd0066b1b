#pragma once

#include <string>
#include <vector>

#include "core/record.hpp"
#include "core/time.hpp"
#include "stretch/guide.hpp"

namespace sitstretch::stretch {

// Everything sitstretch says about the book stretch, in one place (source: the summary in
// shared/seed). Pure text; adapters only choose where it goes.

struct Text {
  std::string summary;
  std::string body;
};

// The prompt: sitting, how long the user has sat; attempt, 1 for the first prompt of an
// episode; hold, stretch.hold per side.
Text prompt_text(core::Ms sitting, int attempt, core::Ms hold);

// "Snooze 10 min"
std::string snooze_label(core::Ms snooze);

// One step of the guided stretch, as a notification or a block of terminal text.
Text guide_text(const GuideView& view);

// The whole stretch explained, for the terminal guide: a heading and a paragraph each.
std::vector<Text> introduction();

// "left", "right"; "About the same" for even: the answers to the tighter-side question.
std::string side_label(core::Side side);

// The short safety line shown with the stretch.
std::string_view safety_line();

}  // namespace sitstretch::stretch
