#include <fstream>
#include <optional>
#include <sstream>

#include "control/instance_lock.hpp"
#include "control_test_support.hpp"

using namespace sitstretch::control;
using namespace sitstretch::control::test;

namespace {

std::string try_acquire(const std::filesystem::path& runtime) {
  auto lock = InstanceLock::acquire(runtime);
  if (const auto* error = std::get_if<std::string>(&lock)) return *error;
  return "acquired";
}

std::string file_text(const std::filesystem::path& path) {
  std::stringstream text;
  text << std::ifstream(path).rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("a second daemon is refused with the first one's pid", "[lock]") {
  TempRuntimeDir dir;
  {
    auto lock = InstanceLock::acquire(dir.runtime());
    REQUIRE(std::holds_alternative<InstanceLock>(lock));
    CHECK(permissions(dir.runtime()) == 0700);
    CHECK(file_text(dir.runtime() / "sitstretchd.pid") == std::to_string(::getpid()) + "\n");

    ForkedChild second([&] { return try_acquire(dir.runtime()); });
    CHECK(second.read_line() ==
          "sitstretchd is already running (pid " + std::to_string(::getpid()) + ")");

    // Moving the lock keeps it held.
    InstanceLock moved = std::move(std::get<InstanceLock>(lock));
    ForkedChild third([&] { return try_acquire(dir.runtime()); });
    CHECK_THAT(third.read_line(), Catch::StartsWith("sitstretchd is already running"));
  }
  CHECK(file_text(dir.runtime() / "sitstretchd.pid").empty());  // released: no stale pid
  ForkedChild after_release([&] { return try_acquire(dir.runtime()); });
  CHECK(after_release.read_line() == "acquired");
}

TEST_CASE("a daemon that dies leaves no lock behind", "[lock]") {
  TempRuntimeDir dir;
  // The child keeps its lock in a static: stay_alive parks it after body returns.
  ForkedChild holder(
      [&] {
        static std::optional<std::variant<InstanceLock, std::string>> held;
        held.emplace(InstanceLock::acquire(dir.runtime()));
        return std::holds_alternative<InstanceLock>(*held) ? "holding" : "failed";
      },
      /*stay_alive=*/true);
  REQUIRE(holder.read_line() == "holding");
  CHECK(try_acquire(dir.runtime()) ==
        "sitstretchd is already running (pid " + std::to_string(holder.pid()) + ")");

  holder.kill_and_reap();  // SIGKILL: no destructor runs, the pid file still names it
  CHECK(file_text(dir.runtime() / "sitstretchd.pid") == std::to_string(holder.pid()) + "\n");
  auto lock = InstanceLock::acquire(dir.runtime());
  REQUIRE(std::holds_alternative<InstanceLock>(lock));
  CHECK(file_text(dir.runtime() / "sitstretchd.pid") == std::to_string(::getpid()) + "\n");
}
