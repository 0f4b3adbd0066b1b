#pragma once

#include <optional>

#include "core/time.hpp"

namespace sitstretch::session {

// A suspend seen after the fact, in CLOCK_BOOTTIME milliseconds.
struct SleepSpan {
  core::Ms slept_at;  // woke_at minus the time spent suspended
  core::Ms woke_at;   // the boot-time of the observation that noticed it

  friend bool operator==(const SleepSpan&, const SleepSpan&) = default;
};

// Notices suspends without any outside help: CLOCK_BOOTTIME counts through suspend and
// CLOCK_MONOTONIC does not, so their difference grows by exactly the time spent asleep.
//
// Pure: the caller reads the clocks (session/clocks.hpp) and passes them in. The daemon calls
// observe() each time its loop wakes for any reason, *before* handling what woke it, and feeds a
// returned span to the model as `sleep` at slept_at and `wake` at woke_at. slept_at is an upper
// bound of the true suspend instant (the loop may have run a little after resume before
// observing) and never earlier than the previous observation.
//
// Deduplication with logind: when logind reports the suspend itself (PrepareForSleep), call
// note_sleep_reported() on `sleep` and note_wake_reported() on `wake`; the growth in between is
// absorbed, whichever order the wake signal and the next observation come in.
class SuspendDetector {
 public:
  // Growth of (boottime - monotonic) below the threshold is taken as jitter, not a suspend.
  explicit SuspendDetector(core::Ms threshold = std::chrono::seconds(2));

  // Returns the suspend that happened since the previous observation, if any. The first
  // observation only sets the baseline.
  std::optional<SleepSpan> observe(core::Ms boottime, core::Ms monotonic);

  // logind said the system is going to sleep: until note_wake_reported(), growth is not
  // reported (it already reached the model as sleep/wake).
  void note_sleep_reported();
  // logind said the system woke: take these clocks as the new baseline and report again.
  void note_wake_reported(core::Ms boottime, core::Ms monotonic);

 private:
  core::Ms threshold_;
  std::optional<core::Ms> offset_;  // boottime - monotonic at the last observation
  bool reported_elsewhere_ = false;
};

}  // namespace sitstretch::session
