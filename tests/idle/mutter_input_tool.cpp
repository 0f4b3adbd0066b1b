// mutter_input_tool: a headless mutter with input on demand, for packaging/bench/idle_mutter.sh.
// Starts mutter on the session bus of $DBUS_SESSION_BUS_ADDRESS, prints "ready", then moves the
// pointer a pixel (through RemoteDesktop, on one connection) for each line read from stdin.
// End of input stops mutter.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "mutter_session.hpp"

int main() {
  const char* address = std::getenv("DBUS_SESSION_BUS_ADDRESS");
  if (address == nullptr) {
    std::fprintf(stderr, "mutter_input_tool: DBUS_SESSION_BUS_ADDRESS is not set\n");
    return 2;
  }
  sitstretch::test::MutterSession mutter(address);
  std::printf("ready\n");
  std::fflush(stdout);
  for (std::string line; std::getline(std::cin, line);) mutter.input();
  return 0;
}
