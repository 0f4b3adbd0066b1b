#include "stretch/book_stretch.hpp"

#include "core/duration_text.hpp"

namespace sitstretch::stretch {

Text prompt_text(core::Ms sitting, int attempt, core::Ms hold) {
  Text text;
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

Text guide_text(const GuideView& view) {
  if (view.step == GuideView::Step::ask) {
    return {"Which side felt tighter?",
            "Tell sitstretch which side was more restricted. Next time it starts with the "
            "easier side, and your stats show whether the two sides are evening out."};
  }
  const std::string side = side_label(view.side);
  return {"Side " + std::to_string(view.number) + " of 2: " + side + " foot on the book",
          "Step onto the book with your " + side + " foot. Lock the " + side +
              " knee straight and stay upright. Let the pelvis drop on the " + side +
              " side: all the motion is at the pelvis. Lean slightly to the " + side +
              " to stretch deeper.\nHold: " + core::describe_duration(view.remaining) + " left."};
}

std::vector<Text> introduction() {
  return {
      {"What you need", "A book about 1–2 inches thick, on the floor."},
      {"Setup", "Step one foot onto the book, so that one side of the pelvis is higher."},
      {"The movement",
       "Keep the knee on the book locked and straight. Drop the pelvis on the raised side, "
       "staying upright: all the motion is at the pelvis, not the knees or the upper body. "
       "Lean slightly toward that side to stretch deeper."},
      {"The tighter side",
       "Do both sides and compare: one usually feels tighter. Start with the less tight side, "
       "then the tighter one."},
      {"Safety", std::string(safety_line())},
  };
}

std::string side_label(core::Side side) {
  switch (side) {
    case core::Side::left:
      return "left";
    case core::Side::right:
      return "right";
    case core::Side::even:
      break;
  }
  return "About the same";
}

std::string_view safety_line() {
  return "Stop if it hurts. This is not medical advice.";
}

}  // namespace sitstretch::stretch
