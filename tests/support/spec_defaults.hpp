#pragma once

// Header only, so that core tests can use it and still link nothing but the core.

#include <chrono>

#include "core/settings.hpp"

namespace sitstretch::test {

// The settings of SPEC §4's defaults, written out so that each scenario states what it assumes:
// interval 45m, break_after 5m, snooze 10m (3 at most), answer_within 2m, repeat_after 5m, a
// guided stretch of 30 s a side, and every busy reason holding prompts for at most 1h.
inline core::Settings spec_defaults() {
  using namespace std::chrono_literals;
  core::Settings s;
  s.interval = 45min;
  s.break_after = 5min;
  s.snooze = 10min;
  s.max_snoozes = 3;
  s.answer_within = 2min;
  s.repeat_after = 5min;
  s.guided = true;
  s.hold = 30s;
  s.busy_when = core::BusyReasons::all();
  s.max_defer = 1h;
  return s;
}

}  // namespace sitstretch::test
