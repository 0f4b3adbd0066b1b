// Files the store must refuse without touching them, and durability across a kill -9.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <set>
#include <string>

#include "store_test_support.hpp"

namespace sitstretch::store::test {
namespace {

TEST_CASE("a file that is not a database is refused by name and left as it was") {
  TempDir dir;
  std::string text;
  while (text.size() < 4096) text += "these are my notes, not an sqlite database\n";
  std::ofstream(dir.log(), std::ios::binary) << text;

  const std::string error = open_error(dir.log());
  CHECK_THAT(error, Catch::StartsWith(dir.log().string() + ": "));
  CHECK_THAT(error, Catch::Contains("not a database"));
  CHECK(error.find('\n') == std::string::npos);
  CHECK(file_bytes(dir.log()) == text);
  CHECK(entries(dir.path()) == std::set<std::string>{"log.sqlite3"});
}

TEST_CASE("a log from a newer sitstretch is refused and left untouched") {
  TempDir dir;
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(dir.log().c_str(), &raw) == SQLITE_OK);
  REQUIRE(sqlite3_exec(raw,
                       "CREATE TABLE records (id INTEGER PRIMARY KEY, future TEXT);"
                       "INSERT INTO records (future) VALUES ('x');"
                       "PRAGMA user_version = 99;",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(raw);
  const std::string before = file_bytes(dir.log());

  const std::string error = open_error(dir.log());
  CHECK_THAT(error, Catch::StartsWith(dir.log().string() + ": "));
  CHECK_THAT(error, Catch::Contains("version 99 is newer"));
  CHECK(file_bytes(dir.log()) == before);
  CHECK(entries(dir.path()) == std::set<std::string>{"log.sqlite3"});
}

TEST_CASE("a directory where the log should be is an error naming it") {
  TempDir dir;
  std::filesystem::create_directory(dir.log());
  CHECK_THAT(open_error(dir.log()), Catch::StartsWith(dir.log().string() + ": "));
}

TEST_CASE("a record survives the writer being killed right after append returns") {
  TempDir dir;
  core::Record r;
  r.kind = core::RecordKind::accepted;
  r.t = core::Ms(kNov25Noon);
  r.sitting = core::Ms(2'700'000);
  r.prompted = true;

  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // The child must not return into Catch2: it appends, then dies without any cleanup.
    auto opened = Store::open(dir.log());
    auto* store = std::get_if<std::unique_ptr<Store>>(&opened);
    if (!store || !(*store)->append(r)) ::_exit(2);
    ::kill(::getpid(), SIGKILL);
    ::_exit(3);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFSIGNALED(status));
  REQUIRE(WTERMSIG(status) == SIGKILL);
  // Killed before closing: the record lives only in the write-ahead log, not yet checkpointed.
  CHECK(std::filesystem::file_size(dir.file("log.sqlite3-wal")) > 0);

  auto store = open_ok(dir.log());
  CHECK(store->records({}, {}) == std::vector<core::Record>{r});
}

}  // namespace
}  // namespace sitstretch::store::test
