// Holds one Wayland idle source for packaging/bench/idle_wayland.sh, which measures this
// process's wakeups and CPU while input goes on: prints "ready", then one line per presence
// event, until the compositor goes away or the process is stopped.
// Usage: wayland_idle_hold ext-idle-notify|kde-idle SOCKET THRESHOLD_MS

#include <boost/asio/io_context.hpp>
#include <cstdio>
#include <string>

#include "compositors.hpp"
#include "idle/ext_idle_notify.hpp"
#include "idle/kde_idle.hpp"

int main(int argc, char** argv) {
  using namespace sitstretch;
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s ext-idle-notify|kde-idle SOCKET THRESHOLD_MS\n", argv[0]);
    return 2;
  }
  const std::string kind = argv[1];
  const core::Ms threshold(std::stoll(argv[3]));
  boost::asio::io_context io;
  auto print = [](const idle::PresenceEvent& event) {
    std::printf("%s %lld\n", event.signal == core::Signal::idle ? "idle" : "active",
                static_cast<long long>(event.at.count()));
    std::fflush(stdout);
  };
  std::string error;
  auto open = kind == "kde-idle" ? idle::open_kde_idle : idle::open_ext_idle_notify;
  auto source = open(io, print, &wayland::test::boot_now, threshold, true, argv[2], &error);
  if (!source) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  std::printf("ready\n");
  std::fflush(stdout);
  io.run();
  return 0;
}
