#pragma once

#include <vector>

#include "core/busy.hpp"
#include "core/time.hpp"

namespace sitstretch::core {

// A quiet-hours window in local minutes since midnight; end < start wraps past midnight.
struct QuietRange {
  int start_min = 0;
  int end_min = 0;
  bool operator==(const QuietRange&) const = default;
};

enum class FirstSide { automatic, left, right };

// What the sitting model needs from the configuration (SPEC §4). There are deliberately no
// default values here: config/default.toml is their single source.
struct Settings {
  Ms interval{};
  Ms break_after{};
  Ms snooze{};
  int max_snoozes = 0;
  Ms answer_within{};
  Ms repeat_after{};
  bool guided = false;
  Ms hold{};
  FirstSide first_side = FirstSide::automatic;
  std::vector<QuietRange> quiet;
  BusyReasons busy_when;  // the reasons that hold prompts (rule 9)
  Ms max_defer{};         // how long a prompt is held at most while busy
  bool operator==(const Settings&) const = default;
};

}  // namespace sitstretch::core
