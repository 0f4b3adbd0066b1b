#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace sitstretch::store {

// Runs SQL that returns no rows we need (DDL, pragmas, BEGIN/COMMIT). Returns sqlite's error
// message, or nothing on success.
std::optional<std::string> exec(sqlite3* db, const char* sql);

// A prepared statement, finalized on destruction. Must not outlive its connection. Used on the
// thread that owns the connection (the daemon's loop thread, or the client's main thread).
class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // False if preparing failed; error() then says why.
  bool ok() const { return stmt_ != nullptr; }
  const std::string& error() const { return error_; }

  // Parameters are 1-based, as in SQLite.
  void bind(int index, std::int64_t value);
  void bind(int index, std::optional<std::int64_t> value);  // nullopt binds NULL
  void bind(int index, std::string_view text);              // copied by SQLite
  void bind_null(int index);

  // One step: SQLITE_ROW, SQLITE_DONE or an error code (error() is then set).
  int step();
  // Makes the statement ready to run again with fresh bindings.
  void reset();

  // Columns of the current row, 0-based.
  std::int64_t column_int(int index) const;
  std::optional<std::int64_t> column_optional_int(int index) const;
  std::string column_text(int index) const;  // "" for NULL

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string error_;
};

}  // namespace sitstretch::store
