// Store::summary: per-day statistics, counted from the records or read back from the day_stats
// table where a finished day was counted before.
#include <sqlite3.h>

#include <iterator>
#include <map>
#include <string>
#include <utility>

#include "store/sqlite_statement.hpp"
#include "store/store.hpp"

namespace sitstretch::store {
namespace {

// The rules the kept numbers were counted by. Bump it whenever stats::count_days counts anything
// differently: days kept under another value are counted again. 2: held prompts (rule 9).
constexpr std::int64_t kCounting = 2;

// The day_stats columns after its key, in stats::kDayFields order: one per field, durations
// in milliseconds ("sitting_ms").
std::string column_name(const stats::DayField& f) {
  return std::string(f.name) + (f.duration ? "_ms" : "");
}

// "start_ms, end_ms, sitting_ms, bouts, ...": the key, then the fields.
std::string column_list() {
  std::string out = "start_ms, end_ms";
  for (const stats::DayField& f : stats::kDayFields) out += ", " + column_name(f);
  return out;
}

constexpr int kFirstValueColumn = 2;  // after start_ms and end_ms

stats::DayStats read_row(const Statement& s) {
  stats::DayStats d;
  int column = kFirstValueColumn;
  for (const stats::DayField& f : stats::kDayFields) f.set(d, s.column_int(column++));
  return d;
}

void bind_row(Statement& s, const stats::LocalDay& day, const stats::DayStats& d) {
  s.bind(1, static_cast<std::int64_t>(day.start.count()));
  s.bind(2, static_cast<std::int64_t>(day.end.count()));
  int parameter = kFirstValueColumn + 1;
  for (const stats::DayField& f : stats::kDayFields) s.bind(parameter++, f.value(d));
}

}  // namespace

stats::Summary Store::summary(const std::vector<stats::LocalDay>& days, core::Ms now_utc) {
  // One read transaction: a day kept below is exactly what the records read with it said.
  const bool snapshot = !exec(db_.get(), "BEGIN");
  bool kept = snapshot;
  std::vector<stats::DayStats> counted = kept_days(days);
  if (counted.size() < days.size()) {
    const std::vector<stats::LocalDay> rest(days.begin() + static_cast<long>(counted.size()),
                                            days.end());
    const std::int64_t from = (rest.front().start - core::kDay).count();
    std::vector<core::Record> counted_records = busy_before(from);
    const std::vector<core::Record> later = records(from, std::nullopt);
    counted_records.insert(counted_records.end(), later.begin(), later.end());
    const auto fresh = stats::count_days(counted_records, rest);
    kept = kept && keep_days(rest, fresh, now_utc);
    counted.insert(counted.end(), fresh.begin(), fresh.end());
  }
  if (snapshot && (!kept || exec(db_.get(), "COMMIT"))) exec(db_.get(), "ROLLBACK");
  stats::DayStats total = stats::total_of(counted);
  return {std::move(counted), std::move(total)};
}

std::vector<core::Record> Store::busy_before(std::int64_t until_utc_ms) {
  // SQLite takes the bare columns from the row of max(id): each reason's latest busy or free.
  Statement select(db_.get(),
                   "SELECT t_ms, event, sitting_ms, attempt, prompted, until_ms, since_ms, "
                   "away_ms, side, reason, max(id) FROM records WHERE event IN ('busy', 'free') "
                   "AND t_ms < ?1 GROUP BY reason ORDER BY t_ms");
  if (!select.ok()) {
    log_read_failure(select, "busy spells");
    return {};
  }
  select.bind(1, until_utc_ms);
  std::vector<core::Record> out = read_records(select);
  std::erase_if(out, [](const core::Record& r) { return r.kind != core::RecordKind::busy; });
  return out;
}

// The leading days of `days` that are kept (same local midnights, same counting rules).
std::vector<stats::DayStats> Store::kept_days(const std::vector<stats::LocalDay>& days) {
  std::vector<stats::DayStats> out;
  if (days.empty()) return out;
  Statement select(db_.get(), "SELECT " + column_list() +
                                  " FROM day_stats WHERE end_ms > ?1 AND end_ms <= ?2 AND "
                                  "counting = ?3");
  if (!select.ok()) {
    log_read_failure(select, "kept day statistics");
    return out;
  }
  select.bind(1, static_cast<std::int64_t>(days.front().start.count()));
  select.bind(2, static_cast<std::int64_t>(days.back().end.count()));
  select.bind(3, kCounting);
  std::map<std::pair<std::int64_t, std::int64_t>, stats::DayStats> kept;
  while (select.step() == SQLITE_ROW) {
    kept.emplace(std::pair{select.column_int(0), select.column_int(1)}, read_row(select));
  }
  for (const stats::LocalDay& day : days) {
    auto found = kept.find({day.start.count(), day.end.count()});
    if (found == kept.end()) break;
    out.push_back(found->second);
    out.back().date = day.date;
  }
  return out;
}

// Keeps the days that have ended. False if the log cannot be written now (the daemon wrote since
// the snapshot began, or the file is read-only): the days are simply counted again next time.
bool Store::keep_days(const std::vector<stats::LocalDay>& days,
                      const std::vector<stats::DayStats>& counted, core::Ms now_utc) {
  std::string sql = "INSERT OR REPLACE INTO day_stats (counting, " + column_list() + ") VALUES (" +
                    std::to_string(kCounting);
  for (std::size_t i = 0; i < 2 + std::size(stats::kDayFields); ++i) {
    sql += ", ?" + std::to_string(i + 1);
  }
  Statement insert(db_.get(), sql + ")");
  if (!insert.ok()) return false;
  for (std::size_t i = 0; i < days.size() && days[i].end <= now_utc; ++i) {
    bind_row(insert, days[i], counted[i]);
    const bool ok = insert.step() == SQLITE_DONE;
    insert.reset();
    if (!ok) return false;
  }
  return true;
}

}  // namespace sitstretch::store
