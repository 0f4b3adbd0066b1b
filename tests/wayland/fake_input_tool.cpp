// Moves KWin's pointer once per line read from standard input, through org_kde_kwin_fake_input,
// for packaging/bench/idle_wayland.sh. Usage: kwin_fake_input SOCKET

#include <cstdio>
#include <iostream>
#include <string>

#include "compositors.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s SOCKET\n", argv[0]);
    return 2;
  }
  sitstretch::wayland::test::KwinFakeInput input(argv[1]);
  for (std::string line; std::getline(std::cin, line);) input.move();
  return 0;
}
