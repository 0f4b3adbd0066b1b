#include "session/suspend_detector.hpp"

namespace sitstretch::session {

SuspendDetector::SuspendDetector(core::Ms threshold) : threshold_(threshold) {}

std::optional<SleepSpan> SuspendDetector::observe(core::Ms boottime, core::Ms monotonic) {
  const core::Ms offset = boottime - monotonic;
  if (!offset_ || reported_elsewhere_) {
    offset_ = offset;
    return std::nullopt;
  }
  const core::Ms growth = offset - *offset_;
  // Every observation becomes the next baseline, so reading jitter (the two clocks are read one
  // after the other) never accumulates, and a suspend shorter than the threshold is dropped.
  offset_ = offset;
  if (growth <= threshold_) return std::nullopt;
  return SleepSpan{boottime - growth, boottime};
}

void SuspendDetector::note_sleep_reported() {
  reported_elsewhere_ = true;
}

void SuspendDetector::note_wake_reported(core::Ms boottime, core::Ms monotonic) {
  reported_elsewhere_ = false;
  offset_ = boottime - monotonic;
}

}  // namespace sitstretch::session
