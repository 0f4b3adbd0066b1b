#pragma once

#include <optional>
#include <string>
#include <variant>

struct sqlite3;

namespace sitstretch::store {

// The schema version this build writes and understands, kept in PRAGMA user_version.
// 0 means an empty, fresh database.
int latest_schema_version();

// Reads PRAGMA user_version. Reading it is also the first touch of the file, so a file that is
// not a database fails here, before anything is written. Returns the version or sqlite's error.
std::variant<int, std::string> read_schema_version(sqlite3* db);

// The refusal for a database written by a newer sitstretch, or nothing if `version` is known.
std::optional<std::string> refuse_newer(int version);

// Brings the database from its current version to latest_schema_version(), all steps in one
// IMMEDIATE transaction (so two processes opening a fresh file at once do not both migrate).
// A database newer than this build is refused without any change. Returns an error phrase.
std::optional<std::string> migrate(sqlite3* db);

}  // namespace sitstretch::store
