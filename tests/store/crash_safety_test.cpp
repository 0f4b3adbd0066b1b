// Crash safety (doc/reliability.md): a writer appending records through the real Store is killed
// with SIGKILL at random moments, again and again on the same log; after every kill each record
// it reported committed must be there and SQLite's integrity check must pass.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store_test_support.hpp"

extern char** environ;

namespace sitstretch::store::test {
namespace {

// Starts store_writer on log, kills it with SIGKILL after delay (counted from its first commit
// when at_work, else from its start), and returns the t of every record it reported committed
// (all of its output, read to the end after the kill).
std::vector<std::int64_t> run_and_kill(const std::filesystem::path& log, std::int64_t first_t,
                                       bool at_work, std::chrono::microseconds delay) {
  int out[2];
  REQUIRE(pipe2(out, O_CLOEXEC) == 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  const std::string first = std::to_string(first_t);
  std::vector<char*> argv{const_cast<char*>(SITSTRETCH_STORE_WRITER),
                          const_cast<char*>(log.c_str()), const_cast<char*>(first.c_str()),
                          nullptr};
  pid_t pid = -1;
  const int spawned =
      posix_spawn(&pid, SITSTRETCH_STORE_WRITER, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  REQUIRE(spawned == 0);
  std::string text;
  char buffer[4096];
  // The writer's first commit (or its end, if it fails first).
  while (at_work && text.find('\n') == std::string::npos) {
    const ssize_t n = read(out[0], buffer, sizeof buffer);
    if (n <= 0) break;
    text.append(buffer, n);
  }
  std::this_thread::sleep_for(delay);  // the random moment of the crash
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  for (ssize_t n; (n = read(out[0], buffer, sizeof buffer)) > 0;) text.append(buffer, n);
  close(out[0]);
  // Killed, not exited: an exit would mean the writer failed to open or to append.
  INFO("writer exit status " << status);
  REQUIRE((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL));
  std::vector<std::int64_t> committed;
  for (std::size_t at = 0, end; (end = text.find('\n', at)) != std::string::npos; at = end + 1) {
    committed.push_back(std::stoll(text.substr(at, end - at)));
  }
  return committed;
}

std::string integrity_check(const std::filesystem::path& log) {
  sqlite3* db = nullptr;
  std::string result;
  if (sqlite3_open_v2(log.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_exec(
        db, "PRAGMA integrity_check",
        [](void* out, int, char** values, char**) {
          *static_cast<std::string*>(out) += values[0] ? values[0] : "NULL";
          return 0;
        },
        &result, nullptr);
  }
  sqlite3_close(db);
  return result;
}

TEST_CASE("a writer killed at random moments 200 times loses no committed record") {
  TempDir dir;
  const auto log = dir.log();
  std::mt19937 random(20261203);
  // Most kills come 0 to 20 ms after the writer's first commit, among its appends (each one a
  // durable transaction, a few ms); every eighth comes 0 to 60 ms after its start, while it
  // opens the log (the first one: while it creates the log and its schema).
  std::uniform_int_distribution<int> at_work_us(0, 20'000);
  std::uniform_int_distribution<int> starting_us(0, 60'000);
  std::set<std::int64_t> committed;
  std::int64_t next_t = 1'700'000'000'000;
  int kills_after_commits = 0;
  for (int kill = 0; kill < 200; ++kill) {
    const bool at_work = kill % 8 != 0;
    const auto delay =
        std::chrono::microseconds(at_work ? at_work_us(random) : starting_us(random));
    const auto reported = run_and_kill(log, next_t, at_work, delay);
    committed.insert(reported.begin(), reported.end());
    if (!reported.empty()) ++kills_after_commits;
    // A record may have been committed after its line was lost with the writer: t moves past
    // anything this run could have written.
    next_t += 1'000'000;

    INFO("kill " << kill);
    if (!std::filesystem::exists(log)) {  // killed before it made the file
      REQUIRE(committed.empty());
      continue;
    }
    REQUIRE(integrity_check(log) == "ok");
    auto reader = open_ok(log);
    std::set<std::int64_t> present;
    for (const core::Record& r : reader->records(std::nullopt, std::nullopt)) {
      present.insert(r.t.count());
    }
    std::vector<std::int64_t> lost;
    for (std::int64_t t : committed) {
      if (present.count(t) == 0) lost.push_back(t);
    }
    INFO(lost.size() << " records reported committed are missing, the first at t "
                     << (lost.empty() ? 0 : lost.front()));
    REQUIRE(lost.empty());
  }
  // The kills must have hit a writer at work, not only ones still starting.
  CHECK(kills_after_commits >= 170);
  CHECK(committed.size() >= 175);
}

}  // namespace
}  // namespace sitstretch::store::test
