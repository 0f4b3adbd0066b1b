// A stand-in tray host for benchmarks and end-to-end tests: owns org.kde.StatusNotifierWatcher
// on the session bus ($DBUS_SESSION_BUS_ADDRESS), prints "ready" once it does, then one line
// "registered SERVICE SENDER" per RegisterStatusNotifierItem call. Runs until killed.
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "tray_host.hpp"

int main() {
  const char* address = std::getenv("DBUS_SESSION_BUS_ADDRESS");
  if (address == nullptr) {
    std::fprintf(stderr, "fake_status_watcher: DBUS_SESSION_BUS_ADDRESS is not set\n");
    return 2;
  }
  try {
    sitstretch::test::FakeTrayHost host(address);
    std::printf("ready\n");
    std::fflush(stdout);
    std::size_t reported = 0;
    while (true) {
      g_main_context_iteration(nullptr, TRUE);
      for (; reported < host.registrations.size(); ++reported) {
        const auto& r = host.registrations[reported];
        std::printf("registered %s %s\n", r.service.c_str(), r.sender.c_str());
        std::fflush(stdout);
      }
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fake_status_watcher: %s\n", e.what());
    return 1;
  }
}
