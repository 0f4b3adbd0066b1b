#pragma once

// Setting up a connection to the log: directories, journal mode, integrity. Used by Store::open
// on the thread that opens the store.

#include <filesystem>
#include <optional>
#include <string>

struct sqlite3;

namespace sitstretch::store {

// Creates the missing directories of `dir`, private to the user (0700); existing ones are left
// as they are. Returns why not, if it fails.
std::optional<std::string> make_directories(const std::filesystem::path& dir);

// WAL mode and synchronous=FULL for this connection; a file that cannot use WAL is noted once on
// stderr and used as it is. Returns an error phrase.
std::optional<std::string> set_journal(sqlite3* db);

// SQLite's quick_check; returns "corrupt: ..." if the file is damaged.
std::optional<std::string> quick_check(sqlite3* db);

// For a process that keeps one connection open for a long time and uses it rarely (the daemon):
// no page-cache block set aside per connection, and SQLite's memory held near
// `heap_limit_bytes` by recycling cached pages. Must run before the first connection opens
// (sqlite3_config works only before SQLite initialises); returns an error phrase.
std::optional<std::string> use_little_memory(long long heap_limit_bytes);

}  // namespace sitstretch::store
