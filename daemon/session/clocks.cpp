#include "session/clocks.hpp"

#include <time.h>

namespace sitstretch::session {

namespace {

core::Ms read(clockid_t clock) {
  timespec ts{};
  // Cannot fail for these two clocks on Linux; a zero reading would only disable detection.
  clock_gettime(clock, &ts);
  return core::Ms(static_cast<long long>(ts.tv_sec) * 1000 + ts.tv_nsec / 1'000'000);
}

}  // namespace

core::Ms boottime_now() {
  return read(CLOCK_BOOTTIME);
}

core::Ms monotonic_now() {
  return read(CLOCK_MONOTONIC);
}

}  // namespace sitstretch::session
