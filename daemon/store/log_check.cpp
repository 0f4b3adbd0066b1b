#include "store/log_check.hpp"

#include <sqlite3.h>

#include <memory>

#include "store/schema.hpp"
#include "store/sqlite_statement.hpp"

namespace sitstretch::store {
namespace {

struct Close {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};

// At most this many of integrity_check's lines: enough to say what is wrong.
constexpr int kProblemsShown = 3;

std::string integrity(sqlite3* db, std::string* error) {
  Statement check(db, "PRAGMA integrity_check");
  if (!check.ok()) {
    *error = check.error();
    return "";
  }
  std::string problems;
  int shown = 0;
  int step = SQLITE_ROW;
  while ((step = check.step()) == SQLITE_ROW && shown < kProblemsShown) {
    if (!problems.empty()) problems += "; ";
    problems += check.column_text(0);
    ++shown;
  }
  if (step != SQLITE_ROW && step != SQLITE_DONE) *error = check.error();
  return problems;
}

}  // namespace

LogCheck check_log(const std::filesystem::path& file) {
  LogCheck result;
  sqlite3* raw = nullptr;
  const int opened = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  std::unique_ptr<sqlite3, Close> db(raw);
  if (opened != SQLITE_OK) {
    result.error = db ? sqlite3_errmsg(db.get()) : sqlite3_errstr(opened);
    return result;
  }
  sqlite3_busy_timeout(db.get(), 2000);  // the daemon may be writing just now
  auto version = read_schema_version(db.get());
  if (auto* error = std::get_if<std::string>(&version)) {
    result.error = *error;
    return result;
  }
  result.schema_version = std::get<int>(version);
  if (auto newer = refuse_newer(result.schema_version)) {
    result.error = *newer;
    return result;
  }
  result.integrity = integrity(db.get(), &result.error);
  return result;
}

}  // namespace sitstretch::store
