// Rows the log could not take, kept in memory until it can (store.hpp: unwritten()).
#include <sqlite3.h>

#include <cstdio>
#include <string>

#include "store/sqlite_statement.hpp"
#include "store/store.hpp"

namespace sitstretch::store {
namespace {

// A week of a busy day's records and presence signals is a few thousand rows; this many (about
// 10 MB at most) is months of them. Past it the oldest go, as the daemon must not grow unbounded.
constexpr std::size_t kMaxUnwritten = 100000;
// A retry does not wait long for another process's lock: the next retry comes soon anyway.
constexpr int kRetryBusyTimeoutMs = 100;

}  // namespace

bool Store::write_or_keep(Row row) {
  if (unwritten_.empty()) {
    if (insert(row)) return true;
    if (refused_) return false;
  }
  if (unwritten_.size() >= kMaxUnwritten) {
    unwritten_.pop_front();
    if (dropped_++ == 0) {
      std::fprintf(stderr,
                   "sitstretchd: %s: more than %zu records wait to be written; dropping the "
                   "oldest\n",
                   file_.c_str(), kMaxUnwritten);
    }
  }
  unwritten_.push_back(std::move(row));
  return false;
}

bool Store::insert(const Row& row) {
  if (const auto* record = std::get_if<core::Record>(&row)) return insert_record(*record);
  if (const auto* presence = std::get_if<PresenceRow>(&row)) return insert_presence(*presence);
  return insert_run(std::get<RunRow>(row));
}

// All or nothing, in the order they came: a half-written batch would let the next try write
// some rows twice. A row the schema refuses is left out (finish_write logs it).
bool Store::write_unwritten() {
  if (unwritten_.empty()) return true;
  sqlite3_busy_timeout(db_.get(), kRetryBusyTimeoutMs);
  bool ok = !exec(db_.get(), "BEGIN IMMEDIATE");
  if (ok) {
    for (const Row& row : unwritten_) {
      if (!(ok = insert(row) || refused_)) break;
    }
    ok = ok && !exec(db_.get(), "COMMIT");
    // A failed write may have rolled the transaction back already; then this fails harmlessly.
    if (!ok) exec(db_.get(), "ROLLBACK");
  }
  sqlite3_busy_timeout(db_.get(), kBusyTimeoutMs);
  if (!ok) return false;
  std::fprintf(stderr,
               "sitstretchd: %s: the log can be written again; stored the %zu records kept in "
               "memory\n",
               file_.c_str(), unwritten_.size());
  unwritten_.clear();
  write_failure_logged_ = false;
  return true;
}

}  // namespace sitstretch::store
