#include "store/connection_setup.hpp"

#include <sqlite3.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "store/sqlite_statement.hpp"

namespace sitstretch::store {

namespace fs = std::filesystem;

std::optional<std::string> make_directories(const fs::path& dir) {
  std::error_code ec;
  if (dir.empty() || fs::is_directory(dir, ec)) return std::nullopt;
  if (auto error = make_directories(dir.parent_path())) return error;
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    return "cannot create directory " + dir.string() + ": " + std::strerror(errno);
  }
  return std::nullopt;
}

// WAL lets `sitstretch log` read while the daemon writes; FULL syncs the WAL on every commit so
// an appended record survives a crash. Neither setting persists for `synchronous`, so every
// connection sets both.
std::optional<std::string> set_journal(sqlite3* db) {
  Statement wal(db, "PRAGMA journal_mode = WAL");
  if (!wal.ok() || wal.step() != SQLITE_ROW) return "cannot set WAL mode: " + wal.error();
  if (std::string mode = wal.column_text(0); mode != "wal") {
    std::fprintf(stderr,
                 "sitstretchd: %s: WAL mode unavailable, using %s; readers may have to wait "
                 "for the daemon\n",
                 sqlite3_db_filename(db, "main"), mode.c_str());
  }
  if (auto error = exec(db, "PRAGMA synchronous = FULL"))
    return "cannot set synchronous: " + *error;
  return std::nullopt;
}

// SQLite's own check of the file's structure (pages, b-trees; not the indexes' contents, which
// integrity_check would add at several times the cost). Returns what is wrong, if anything.
std::optional<std::string> quick_check(sqlite3* db) {
  Statement check(db, "PRAGMA quick_check(1)");
  if (!check.ok()) return "corrupt: " + check.error();
  if (check.step() != SQLITE_ROW) return "corrupt: " + check.error();
  if (std::string verdict = check.column_text(0); verdict != "ok") return "corrupt: " + verdict;
  return std::nullopt;
}

// By default each connection sets aside room for 20 cache pages up front and writes through all
// of it (about 80 kB resident); the daemon's connection reads few pages. The soft limit makes
// SQLite reuse cached pages instead of growing the cache (2 MB by default) while the daemon
// reads back a long log. (Debian builds SQLite without lookaside, so there is none to turn off.)
std::optional<std::string> use_little_memory(long long heap_limit_bytes) {
  if (sqlite3_config(SQLITE_CONFIG_PAGECACHE, nullptr, 0, 0) != SQLITE_OK) {
    return std::string("cannot configure SQLite's memory: it is already initialised");
  }
  sqlite3_soft_heap_limit64(heap_limit_bytes);
  return std::nullopt;
}

}  // namespace sitstretch::store
