#include "app/wall_clock.hpp"

#include <time.h>

namespace sitstretch::app {
namespace {

core::Ms read(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return core::Ms{static_cast<long long>(ts.tv_sec) * 1000 + ts.tv_nsec / 1'000'000};
}

}  // namespace

core::Ms utc_minus_boot() {
  return read(CLOCK_REALTIME) - read(CLOCK_BOOTTIME);
}

core::Ms local_minus_boot() {
  const core::Ms utc = read(CLOCK_REALTIME);
  const time_t seconds = static_cast<time_t>(utc.count() / 1000);
  tm local{};
  localtime_r(&seconds, &local);
  return utc + core::Ms{static_cast<long long>(local.tm_gmtoff) * 1000} - read(CLOCK_BOOTTIME);
}

}  // namespace sitstretch::app
