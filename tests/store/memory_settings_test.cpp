// The daemon's SQLite memory settings (store::use_little_memory), on a real database file.
#include <sqlite3.h>

#include "store/connection_setup.hpp"
#include "store_test_support.hpp"

namespace sitstretch::store::test {
namespace {

constexpr long long kLimit = 512 * 1024;

// SQLite's heap after opening `file` and running a few statements.
long long memory_used_by_one_connection(const std::filesystem::path& file) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  CHECK(sqlite3_exec(db, "CREATE TABLE t (x); INSERT INTO t VALUES (1), (2); SELECT * FROM t",
                     nullptr, nullptr, nullptr) == SQLITE_OK);
  const long long used = sqlite3_memory_used();
  sqlite3_close(db);
  return used;
}

TEST_CASE(
    "the daemon's SQLite settings: no page-cache block, a soft heap limit; too late once "
    "SQLite runs") {
  // Other tests in this process may have started SQLite; with their connections closed it can
  // be shut down and configured afresh, as the daemon does before its first connection.
  TempDir dir;
  REQUIRE(sqlite3_shutdown() == SQLITE_OK);
  const long long by_default = memory_used_by_one_connection(dir.file("default.sqlite3"));
  REQUIRE(sqlite3_shutdown() == SQLITE_OK);
  REQUIRE_FALSE(use_little_memory(kLimit).has_value());
  CHECK(sqlite3_soft_heap_limit64(-1) == kLimit);
  // The default sets aside room for 20 cache pages, about 80 kB.
  CHECK(memory_used_by_one_connection(dir.file("small.sqlite3")) < by_default - 64 * 1024);

  // sqlite3_config works only before SQLite initialises, so a late call says so.
  const auto late = use_little_memory(kLimit);
  REQUIRE(late.has_value());
  CHECK(late->find("already initialised") != std::string::npos);

  // SQLite's defaults again, for the tests that follow in this process.
  REQUIRE(sqlite3_shutdown() == SQLITE_OK);
  sqlite3_config(SQLITE_CONFIG_PAGECACHE, nullptr, 0, 20);
  sqlite3_soft_heap_limit64(0);
}

}  // namespace
}  // namespace sitstretch::store::test
