#include "app/boot_timer.hpp"

#include <sys/timerfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <system_error>

namespace sitstretch::app {
namespace {

int make_timerfd() {
  int fd = timerfd_create(CLOCK_BOOTTIME, TFD_NONBLOCK | TFD_CLOEXEC);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "timerfd_create");
  return fd;
}

}  // namespace

BootTimer::BootTimer(boost::asio::io_context& io) : fd_(io, make_timerfd()) {}

BootTimer::~BootTimer() {
  boost::system::error_code ignored;
  fd_.cancel(ignored);
}

void BootTimer::arm(core::Ms at, std::function<void()> on_fire) {
  on_fire_ = std::move(on_fire);
  const long long ms = std::max<long long>(at.count(), 0);
  itimerspec spec{};
  spec.it_value.tv_sec = ms / 1000;
  spec.it_value.tv_nsec = (ms % 1000) * 1'000'000;
  // An all-zero it_value would disarm; the clock's origin has long passed anyway.
  if (ms == 0) spec.it_value.tv_nsec = 1;
  timerfd_settime(fd_.native_handle(), TFD_TIMER_ABSTIME, &spec, nullptr);
  wait();
}

void BootTimer::disarm() {
  itimerspec spec{};
  timerfd_settime(fd_.native_handle(), 0, &spec, nullptr);
  on_fire_ = nullptr;
}

void BootTimer::wait() {
  if (waiting_) return;
  waiting_ = true;
  fd_.async_wait(
      boost::asio::posix::stream_descriptor::wait_read,
      [this](const boost::system::error_code& ec) {
        waiting_ = false;
        if (ec) return;
        std::uint64_t expirations = 0;
        // EAGAIN: re-armed for later after the fd became readable; wait again.
        if (read(fd_.native_handle(), &expirations, sizeof expirations) != sizeof expirations) {
          wait();
          return;
        }
        if (auto fire = std::move(on_fire_)) {
          on_fire_ = nullptr;
          fire();
        }
      });
}

}  // namespace sitstretch::app
