// Store::summary: finished days counted once, kept in the log, read back, and thrown away when a
// record reaches them. Every result is checked against counting all the records afresh.
#include <sqlite3.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "run_command.hpp"
#include "stats/day_stats.hpp"
#include "store/store.hpp"

namespace sitstretch::stats::test {
namespace {

using namespace std::chrono_literals;
using core::Ms;

std::int64_t kept_rows(const std::filesystem::path& file) {
  return sql(file, "SELECT count(*) FROM day_stats");
}

// Ten workdays from 2026-11-02 (Berlin) in a real log, and the store reading it.
struct TenDays {
  ScopedTimeZone berlin{"Europe/Berlin"};
  sitstretch::test::TempDir dir;
  std::filesystem::path file = std::filesystem::path(dir.path()) / "log.sqlite3";
  std::vector<core::Record> records =
      through_store(file, replay_at(workdays_trace(10), local_midnight("2026-11-02")));
  std::vector<LocalDay> range = days("2026-11-02", "2026-11-11");
  Ms after_range = range.back().end + 1h;
  std::unique_ptr<store::Store> log = open();

  std::unique_ptr<store::Store> open() const {
    auto opened = store::Store::open(file);
    if (auto* error = std::get_if<std::string>(&opened)) FAIL(*error);
    return std::move(std::get<std::unique_ptr<store::Store>>(opened));
  }
};

void check_same(const Summary& got, const Summary& expected) {
  CHECK(got.days == expected.days);
  CHECK(got.total == expected.total);
}

TEST_CASE("Finished days are counted once, kept, and read back as they were counted") {
  TenDays f;
  const Summary fresh = summarize(f.records, f.range);
  REQUIRE(fresh.total.accepted > 0);
  check_same(f.log->summary(f.range, f.after_range), fresh);
  CHECK(kept_rows(f.file) == 10);
  check_same(f.log->summary(f.range, f.after_range), fresh);
  check_same(f.open()->summary(f.range, f.after_range), fresh);
  // A shorter range inside is served by the same rows.
  const std::vector<LocalDay> middle(f.range.begin() + 3, f.range.begin() + 6);
  check_same(f.log->summary(middle, f.after_range), summarize(f.records, middle));
  CHECK(kept_rows(f.file) == 10);
}

TEST_CASE("Kept days are what the summary reads, unless kept under other counting rules") {
  TenDays f;
  f.log->summary(f.range, f.after_range);
  const std::string day4 = std::to_string(f.range[4].start.count());
  sql(f.file, "UPDATE day_stats SET accepted = 99 WHERE start_ms = " + day4);
  CHECK(f.log->summary(f.range, f.after_range).days[4].accepted == 99);
  sql(f.file, "UPDATE day_stats SET counting = 0 WHERE start_ms = " + day4);
  check_same(f.log->summary(f.range, f.after_range), summarize(f.records, f.range));
}

TEST_CASE("The day still going on is counted every time, never kept") {
  TenDays f;
  const Ms during_last_day = f.range.back().start + 20h;
  check_same(f.log->summary(f.range, during_last_day), summarize(f.records, f.range));
  CHECK(kept_rows(f.file) == 9);
}

TEST_CASE("A record that reaches back into kept days throws them away, later appends do not") {
  TenDays f;
  const Summary before = f.log->summary(f.range, f.after_range);
  // The daemon's ordinary record after the range touches no finished day.
  core::Record prompt;
  prompt.t = f.after_range;
  prompt.kind = core::RecordKind::prompt;
  prompt.sitting = 45min;
  prompt.attempt = 1;
  REQUIRE(f.log->append(prompt));
  CHECK(kept_rows(f.file) == 10);
  // A break ending a bout that began on the fifth day (index 4) at 20:00: it changes that day
  // and, through the episodes, could change any day after it.
  core::Record away;
  away.t = f.range[6].start + 10h;
  away.kind = core::RecordKind::away;
  away.since = away.t - 5min;
  away.sitting = away.since - (f.range[4].start + 20h);
  REQUIRE(f.log->append(away));
  CHECK(kept_rows(f.file) == 4);

  auto records = f.records;
  records.push_back(away);
  std::stable_sort(records.begin(), records.end(),
                   [](const core::Record& a, const core::Record& b) { return a.t < b.t; });
  records.push_back(prompt);
  const Summary fresh = summarize(records, f.range);
  CHECK(fresh.days[4] != before.days[4]);
  CHECK(fresh.days[5] != before.days[5]);
  check_same(f.log->summary(f.range, f.after_range), fresh);
  CHECK(kept_rows(f.file) == 10);
}

TEST_CASE("Days kept in one time zone are not taken for the days of another") {
  TenDays f;
  f.log->summary(f.range, f.after_range);
  ScopedTimeZone new_york("America/New_York");
  const auto ny_range = days("2026-11-02", "2026-11-11");
  check_same(f.log->summary(ny_range, ny_range.back().end), summarize(f.records, ny_range));
  CHECK(kept_rows(f.file) == 20);
}

TEST_CASE("While another writer holds the log, the numbers are still right and nothing is kept") {
  TenDays f;
  sqlite3* writer = nullptr;
  REQUIRE(sqlite3_open(f.file.c_str(), &writer) == SQLITE_OK);
  REQUIRE(sqlite3_exec(writer, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  check_same(f.log->summary(f.range, f.after_range), summarize(f.records, f.range));
  sqlite3_exec(writer, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(writer);
  CHECK(kept_rows(f.file) == 0);
}

}  // namespace
}  // namespace sitstretch::stats::test
