// The store as the daemon and the client use it: append, query, reopen, two connections at once.
#include <sqlite3.h>
#include <sys/stat.h>

#include <chrono>
#include <set>
#include <vector>

#include "core/sitting_model.hpp"
#include "core/trace.hpp"
#include "spec_defaults.hpp"
#include "store/schema.hpp"
#include "store_test_support.hpp"

namespace sitstretch::store::test {
namespace {

using core::Ms;
using core::Record;
using core::RecordKind;
using namespace std::chrono_literals;

Record make(RecordKind kind, std::int64_t t_ms, Ms sitting = 0ms) {
  Record r;
  r.kind = kind;
  r.t = Ms(t_ms);
  r.sitting = sitting;
  return r;
}

// One record of every kind, each with every field SPEC §3 gives it set to a distinct value.
std::vector<Record> every_kind(std::int64_t t0) {
  std::vector<Record> out;
  Record prompt = make(RecordKind::prompt, t0, 45min);
  prompt.attempt = 2;
  out.push_back(prompt);
  Record accepted = make(RecordKind::accepted, t0 + 1, 46min);
  accepted.prompted = true;
  out.push_back(accepted);
  Record snoozed = make(RecordKind::snoozed, t0 + 2, 47min);
  snoozed.until = Ms(t0 + 600'000);
  out.push_back(snoozed);
  out.push_back(make(RecordKind::skipped, t0 + 3, 48min));
  out.push_back(make(RecordKind::dismissed, t0 + 4, 49min));
  out.push_back(make(RecordKind::ignored, t0 + 5, 50min));
  Record away = make(RecordKind::away, t0 + 6, 51min);
  away.since = Ms(t0 - 300'000);
  away.prompted = false;
  out.push_back(away);
  Record back = make(RecordKind::back, t0 + 7);
  back.away = 12min + 345ms;
  out.push_back(back);
  Record paused = make(RecordKind::paused, t0 + 8, 3min);
  paused.until = Ms(t0 + 1'800'000);
  out.push_back(paused);
  out.push_back(make(RecordKind::paused, t0 + 9, 3min));  // indefinite: no until
  Record resumed = make(RecordKind::resumed, t0 + 10, 4min);
  resumed.until = paused.until;
  out.push_back(resumed);
  Record side = make(RecordKind::side, t0 + 11, 5min);
  side.side = core::Side::left;
  out.push_back(side);
  Record busy = make(RecordKind::busy, t0 + 12, 6min);
  busy.reason = core::BusyReason::fullscreen;
  out.push_back(busy);
  Record free = make(RecordKind::free, t0 + 13, 7min);
  free.reason = core::BusyReason::user;
  out.push_back(free);
  return out;
}

TEST_CASE("every record kind comes back exactly as appended") {
  TempDir dir;
  auto store = open_ok(dir.log());
  const auto records = every_kind(kNov25Noon);
  for (const Record& r : records) REQUIRE(store->append(r));
  CHECK(store->records({}, {}) == records);
}

TEST_CASE("the records the sitting model makes round-trip unchanged") {
  core::Replay replay(sitstretch::test::spec_defaults());
  std::vector<Record> produced;
  // Snooze a prompt, take the re-prompt, report a side, be busy a while, pause, ignore prompts
  // until a break, pause and resume, skip one prompt and dismiss the next.
  for (const char* line :
       {"0 active", "2710 snooze", "3320 done", "3400 side right", "3450 busy camera",
        "3460 free camera", "3500 pause 10m", "9000 idle", "9600 active", "9700 pause",
        "9800 resume", "12310 skip", "15020 dismiss", "16000 end"}) {
    REQUIRE_FALSE(replay.feed(line, produced));
  }
  std::set<RecordKind> kinds;
  for (const Record& r : produced) kinds.insert(r.kind);
  CHECK(kinds.size() == 13);  // every kind

  TempDir dir;
  auto store = open_ok(dir.log());
  for (const Record& r : produced) REQUIRE(store->append(r));
  CHECK(store->records({}, {}) == produced);
}

TEST_CASE("records are filtered by the half-open range since <= t < until") {
  TempDir dir;
  auto store = open_ok(dir.log());
  for (std::int64_t t : {3000, 1000, 2000, 2000}) {
    REQUIRE(store->append(make(RecordKind::skipped, t, Ms(t + 1))));
  }
  auto times = [&](std::optional<std::int64_t> since, std::optional<std::int64_t> until) {
    std::vector<std::int64_t> out;
    for (const Record& r : store->records(since, until)) out.push_back(r.sitting.count());
    return out;
  };
  // Ordered by t whatever the append order (tie order: next test).
  CHECK(times({}, {}) == std::vector<std::int64_t>{1001, 2001, 2001, 3001});
  CHECK(times(2000, 3000) == std::vector<std::int64_t>{2001, 2001});
  CHECK(times(2001, {}) == std::vector<std::int64_t>{3001});
  CHECK(times({}, 2000) == std::vector<std::int64_t>{1001});
  CHECK(times(5000, {}).empty());
}

TEST_CASE("records at the same instant keep their append order") {
  TempDir dir;
  auto store = open_ok(dir.log());
  const RecordKind order[] = {RecordKind::ignored, RecordKind::away, RecordKind::prompt};
  for (RecordKind k : order) {
    Record r = make(k, 5000);
    if (k == RecordKind::prompt) r.attempt = 1;
    REQUIRE(store->append(r));
  }
  REQUIRE(store->append(make(RecordKind::skipped, 4000)));
  auto got = store->records({}, {});
  REQUIRE(got.size() == 4);
  CHECK(got[0].kind == RecordKind::skipped);
  CHECK(got[1].kind == RecordKind::ignored);
  CHECK(got[2].kind == RecordKind::away);
  CHECK(got[3].kind == RecordKind::prompt);
}

TEST_CASE("the latest records of a kind come oldest first, from since on") {
  TempDir dir;
  auto store = open_ok(dir.log());
  const core::Side sides[] = {core::Side::left, core::Side::right, core::Side::even};
  for (std::int64_t t = 1000; t <= 10000; t += 1000) {
    Record side = make(RecordKind::side, t);
    side.side = sides[t / 1000 % 3];
    REQUIRE(store->append(side));
    REQUIRE(store->append(make(RecordKind::skipped, t)));
  }
  auto times = [&](std::size_t count, std::optional<std::int64_t> since) {
    std::vector<std::int64_t> out;
    for (const Record& r : store->latest_of(RecordKind::side, count, since)) {
      CHECK(r.kind == RecordKind::side);
      out.push_back(r.t.count());
    }
    return out;
  };
  CHECK(times(3, {}) == std::vector<std::int64_t>{8000, 9000, 10000});
  CHECK(times(7, 6500) == std::vector<std::int64_t>{7000, 8000, 9000, 10000});
  CHECK(times(20, {}).size() == 10);
  CHECK(times(3, 11000).empty());
  CHECK(store->latest_of(RecordKind::side, 1, {})[0].side == sides[10 % 3]);
}

TEST_CASE("presence transitions round-trip and filter by time") {
  TempDir dir;
  auto store = open_ok(dir.log());
  const std::vector<PresenceRow> rows{
      {kNov25Noon, core::Signal::active, std::nullopt},
      {kNov25Noon + 60'000, core::Signal::idle, kNov25Noon + 30'000},
      {kNov25Noon + 90'000, core::Signal::locked, std::nullopt},
      {kNov25Noon + 120'000, core::Signal::sleep, std::nullopt},
      {kNov25Noon + 500'000, core::Signal::wake, std::nullopt},
      {kNov25Noon + 510'000, core::Signal::unlocked, std::nullopt},
  };
  for (const auto& row : rows)
    REQUIRE(store->append_presence(row.signal, row.t_ms, row.last_input_ms));
  CHECK(store->presence({}, {}) == rows);
  CHECK(store->presence(kNov25Noon + 60'000, kNov25Noon + 120'000) ==
        std::vector<PresenceRow>{rows[1], rows[2]});
}

TEST_CASE("a reopened log keeps its data and its schema") {
  TempDir dir;
  const auto records = every_kind(kNov25Noon);
  {
    auto store = open_ok(dir.log());
    for (const Record& r : records) REQUIRE(store->append(r));
    REQUIRE(store->append_presence(core::Signal::idle, kNov25Noon, kNov25Noon - 5000));
  }
  auto store = open_ok(dir.log());
  CHECK(store->records({}, {}) == records);
  CHECK(store->presence({}, {}).size() == 1);

  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(dir.log().c_str(), &raw) == SQLITE_OK);
  auto pragma = [raw](const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(raw, sql, -1, &stmt, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    std::string value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    return value;
  };
  CHECK(pragma("PRAGMA user_version") == std::to_string(latest_schema_version()));
  CHECK(pragma("PRAGMA journal_mode") == "wal");
  sqlite3_close(raw);
}

TEST_CASE("a second connection reads while the first writes") {
  TempDir dir;
  auto writer = open_ok(dir.log());
  auto reader = open_ok(dir.log());
  REQUIRE(writer->append(make(RecordKind::skipped, 1000)));
  CHECK(reader->records({}, {}).size() == 1);
  REQUIRE(writer->append(make(RecordKind::dismissed, 2000)));
  CHECK(reader->records({}, {}).size() == 2);

  // A reader in the middle of a long read transaction does not block an append (WAL), keeps its
  // snapshot, and sees the new record once its transaction ends.
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(dir.log().c_str(), &raw) == SQLITE_OK);
  auto count = [raw] {
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(raw, "SELECT count(*) FROM records", -1, &stmt, nullptr) ==
            SQLITE_OK);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    const int n = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    return n;
  };
  REQUIRE(sqlite3_exec(raw, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK);
  CHECK(count() == 2);
  const auto before = std::chrono::steady_clock::now();
  CHECK(writer->append(make(RecordKind::ignored, 3000)));
  CHECK(std::chrono::steady_clock::now() - before < 1s);  // not a busy-timeout wait
  CHECK(count() == 2);
  REQUIRE(sqlite3_exec(raw, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
  CHECK(count() == 3);
  CHECK(reader->records({}, {}).size() == 3);
  sqlite3_close(raw);
}

TEST_CASE("a record the schema forbids is refused without harming the store") {
  TempDir dir;
  auto store = open_ok(dir.log());
  Record bad = make(RecordKind::prompt, 1000);
  bad.attempt = 0;  // SPEC §3: attempt counts from 1
  CHECK_FALSE(store->append(bad));
  CHECK_FALSE(store->append(make(RecordKind::back, 1000, -1ms)));  // negative sitting time
  Record good = bad;
  good.attempt = 1;
  CHECK(store->append(good));
  CHECK(store->records({}, {}) == std::vector<Record>{good});
}

TEST_CASE("missing parent directories are created private to the user") {
  TempDir dir;
  const auto file = dir.file("state/sitstretch/log.sqlite3");
  auto store = open_ok(file);
  for (const auto& d : {dir.file("state"), dir.file("state/sitstretch")}) {
    struct stat st {};
    REQUIRE(::stat(d.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
  }
  CHECK(std::filesystem::exists(file));
}

TEST_CASE("the default log path follows XDG_STATE_HOME, then HOME") {
  auto env = [](std::optional<const char*> state, std::optional<const char*> home) {
    return [=](const char* name) -> const char* {
      const auto& value = std::string_view(name) == "XDG_STATE_HOME" ? state : home;
      return value.value_or(nullptr);
    };
  };
  CHECK(default_path(env("/s", "/home/u")) == "/s/sitstretch/log.sqlite3");
  CHECK(default_path(env({}, "/home/u")) == "/home/u/.local/state/sitstretch/log.sqlite3");
  CHECK(default_path(env("", "/home/u")) == "/home/u/.local/state/sitstretch/log.sqlite3");
  CHECK(default_path(env("relative", "/home/u")) == "/home/u/.local/state/sitstretch/log.sqlite3");
  CHECK(default_path(env({}, {})).empty());
  CHECK_THAT(open_error(""), Catch::Contains("no path"));
}

}  // namespace
}  // namespace sitstretch::store::test
