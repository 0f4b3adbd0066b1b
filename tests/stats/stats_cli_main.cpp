// A test build of `sitstretch stats` and `sitstretch report` from their own sources, so the
// commands are tested before (and independently of) their wiring into sitstretch's main().
#include <cstdio>
#include <string>

#include "cli/stats_commands.hpp"

namespace sitstretch::cli {

int fail(int code, const std::string& message) {
  std::fprintf(stderr, "sitstretch: %s\n", message.c_str());
  return code;
}

}  // namespace sitstretch::cli

int main(int argc, char** argv) {
  using namespace sitstretch::cli;
  const std::string command = argc > 1 ? argv[1] : "";
  const Args args(argv + (argc > 1 ? 2 : 1), argv + argc);
  if (command == "stats") return stats_command(args);
  if (command == "report") return report_command(args);
  return fail(kBadInput, "usage: stats-cli stats|report ARGS");
}
