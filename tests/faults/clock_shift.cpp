// A preload library for the wall-clock fault test: shifts CLOCK_REALTIME, as the daemon reads it
// through clock_gettime(), by the seconds written in the file $SITSTRETCH_CLOCK_SHIFT_FILE (read
// on every call, so a test can jump the clock while the daemon runs). The boot and monotonic
// clocks, and the timers on them, are left alone, as a real jump of the wall clock leaves them.
#include <dlfcn.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include <cstdlib>

namespace {

using ClockGettime = int (*)(clockid_t, timespec*);

long shift_seconds() {
  const char* path = std::getenv("SITSTRETCH_CLOCK_SHIFT_FILE");
  if (path == nullptr) return 0;
  const int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  char text[32] = {};
  const ssize_t got = read(fd, text, sizeof text - 1);
  close(fd);
  return got > 0 ? std::strtol(text, nullptr, 10) : 0;
}

}  // namespace

extern "C" int clock_gettime(clockid_t clock, timespec* ts) {
  static const auto real = reinterpret_cast<ClockGettime>(dlsym(RTLD_NEXT, "clock_gettime"));
  const int rc = real(clock, ts);
  if (rc == 0 && (clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_COARSE)) {
    ts->tv_sec += shift_seconds();
  }
  return rc;
}
