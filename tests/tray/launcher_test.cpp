// The launcher: programs started without waiting, found beside the daemon, and a reason when
// they cannot start.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "run_command.hpp"
#include "tray/launcher.hpp"

namespace fs = std::filesystem;
using sitstretch::test::TempDir;
using namespace sitstretch::tray;

namespace {

// The contents of `file` once it exists (the child writes it, then renames it into place);
// "" after five seconds.
std::string await_file(const fs::path& file) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!fs::exists(file) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::ifstream in(file);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void make_executable(const TempDir& dir, const std::string& name) {
  const std::string path = dir.write(name, "#!/bin/sh\nexit 0\n");
  fs::permissions(path, fs::perms::owner_all);
}

}  // namespace

TEST_CASE("a launched program runs with its arguments and the launcher does not wait",
          "[tray][launcher]") {
  TempDir dir;
  const std::string out = dir.file("out.txt").string();
  const std::string script =
      "printf '%s|%s' \"$0\" \"$1\" > " + out + ".tmp && mv " + out + ".tmp " + out;
  CHECK(launch({"sh", "-c", script, "first", "second"}) == "");
  CHECK(await_file(out) == "first|second");
}

// What a child started with `discard` writes to its standard output, ours being a file meanwhile.
std::string child_stdout(bool discard) {
  TempDir dir;
  const std::string done = dir.file("done").string();
  const int saved = dup(STDOUT_FILENO);
  const int file = open(dir.file("stdout.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  dup2(file, STDOUT_FILENO);
  const std::string why = launch({"sh", "-c", "echo to-stdout; touch " + done}, discard);
  dup2(saved, STDOUT_FILENO);
  close(saved);
  close(file);
  CHECK(why == "");
  await_file(done);
  CHECK(fs::exists(done));
  std::ifstream in(dir.file("stdout.txt"));
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_CASE("with discard_output the child's standard output goes nowhere", "[tray][launcher]") {
  CHECK(child_stdout(false) == "to-stdout\n");
  CHECK(child_stdout(true).empty());
}

TEST_CASE("a program that cannot start is named in the reason", "[tray][launcher]") {
  CHECK(launch({"sitstretch-no-such-program", "x"})
            .find("cannot start sitstretch-no-such-program: ") == 0);
  CHECK_FALSE(launch({}).empty());
}

TEST_CASE("sitstretch is found beside the daemon, in the build tree's cli folder, or on PATH",
          "[tray][launcher]") {
  TempDir installed;
  make_executable(installed, "bin/sitstretch");
  make_executable(installed, "bin/sitstretchd");
  CHECK(program_beside(installed.file("bin/sitstretchd"), "sitstretch") ==
        installed.file("bin/sitstretch").string());

  TempDir build;
  make_executable(build, "daemon/app/sitstretchd");
  make_executable(build, "daemon/cli/sitstretch");
  CHECK(program_beside(build.file("daemon/app/sitstretchd"), "sitstretch") ==
        build.file("daemon/cli/sitstretch").string());

  TempDir alone;
  make_executable(alone, "sitstretchd");
  CHECK(program_beside(alone.file("sitstretchd"), "sitstretch") == "sitstretch");
  CHECK(program_beside({}, "sitstretch") == "sitstretch");
}

TEST_CASE("Today's stats opens the report of the last seven days", "[tray][launcher]") {
  TempDir bin;
  make_executable(bin, "sitstretch");
  const auto argv = report_command(bin.file("sitstretchd"));
  CHECK(argv == std::vector<std::string>{bin.file("sitstretch").string(), "report", "--days", "7",
                                         "--open"});
  CHECK(running_program().filename() == "tray_tests");
}
