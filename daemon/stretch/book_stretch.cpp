#include "stretch/book_stretch.hpp"

#include "core/duration_text.hpp"

namespace sitstretch::stretch {

PromptText prompt_text(core::Ms sitting, int attempt, core::Ms hold) {
  PromptText text;
  text.summary = attempt <= 1 ? "Time for the book stretch" : "Still sitting: time to stretch";
  text.body = "You have been sitting for " + core::describe_duration(sitting) +
              ".\n"
              "1. Put a book 1–2 inches thick on the floor and step onto it with one foot.\n"
              "2. Lock that knee straight and stay upright.\n"
              "3. Let the pelvis drop on the raised side; all the motion is at the pelvis. "
              "Hold " +
              core::describe_duration(hold) +
              ".\n"
              "4. Switch sides. Start with the side that feels less tight.\n" +
              std::string(safety_line());
  return text;
}

std::string snooze_label(core::Ms snooze) {
  return "Snooze " + core::describe_duration(snooze);
}

std::string_view safety_line() {
  return "Stop if it hurts. This is not medical advice.";
}

}  // namespace sitstretch::stretch
