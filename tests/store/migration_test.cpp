// Schema migrations: a log written by every earlier version opens, keeps its rows and ends at the
// latest version with every index.
#include <sqlite3.h>

#include <functional>
#include <set>

#include "store/schema.hpp"
#include "store_test_support.hpp"

namespace sitstretch::store::test {
namespace {

// The version 1 schema exactly as sitstretch 0.1 released it: a fixture, deliberately not taken
// from schema.cpp, so that a change to a released step shows up here.
constexpr const char* kReleasedVersion1 = R"sql(
CREATE TABLE records (id INTEGER PRIMARY KEY, t_ms INTEGER NOT NULL, event TEXT NOT NULL,
  sitting_ms INTEGER NOT NULL, attempt INTEGER, prompted INTEGER, until_ms INTEGER,
  since_ms INTEGER, away_ms INTEGER, side TEXT);
CREATE INDEX records_t ON records (t_ms);
CREATE TABLE presence (id INTEGER PRIMARY KEY, t_ms INTEGER NOT NULL, signal TEXT NOT NULL,
  last_input_ms INTEGER);
CREATE INDEX presence_t ON presence (t_ms);
INSERT INTO records (t_ms, event, sitting_ms, attempt) VALUES (1795608000000, 'prompt', 2700000, 1);
INSERT INTO records (t_ms, event, sitting_ms, side) VALUES (1795608060000, 'side', 2760000, 'left');
INSERT INTO records (t_ms, event, sitting_ms, prompted, since_ms)
  VALUES (1795608400000, 'away', 2800000, 1, 1795608100000);
INSERT INTO presence (t_ms, signal, last_input_ms) VALUES (1795608100000, 'idle', 1795608100000);
PRAGMA user_version = 1;
)sql";

// Version 2 as released: version 1 and an index for queries by kind.
const std::string kReleasedVersion2 = std::string(kReleasedVersion1) + R"sql(
CREATE INDEX records_event_t ON records (event, t_ms);
PRAGMA user_version = 2;
)sql";

void run_sql(const std::filesystem::path& file, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
  INFO((error ? error : ""));
  sqlite3_free(error);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

// One query's single integer answer, through a separate connection.
std::int64_t query_int(const std::filesystem::path& file, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(s) == SQLITE_ROW);
  const std::int64_t v = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(db);
  return v;
}

bool has_index(const std::filesystem::path& file, const std::string& name) {
  return query_int(file, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '" +
                             name + "'") == 1;
}

// Version 3 as released: version 2 and the per-day statistics kept for finished days, with the
// triggers that throw them away when a record can change them.
const std::string kReleasedVersion3 = kReleasedVersion2 + R"sql(
CREATE TABLE day_stats (end_ms INTEGER NOT NULL, start_ms INTEGER NOT NULL,
  counting INTEGER NOT NULL, sitting_ms INTEGER NOT NULL, bouts INTEGER NOT NULL,
  longest_bout_ms INTEGER NOT NULL, break_prompts INTEGER NOT NULL,
  repeated_prompts INTEGER NOT NULL, accepted INTEGER NOT NULL, own_stretches INTEGER NOT NULL,
  postponed INTEGER NOT NULL, skipped INTEGER NOT NULL, dismissed INTEGER NOT NULL,
  ignored INTEGER NOT NULL, natural_breaks INTEGER NOT NULL, prompted_breaks INTEGER NOT NULL,
  resolved INTEGER NOT NULL, complied INTEGER NOT NULL, tighter_left INTEGER NOT NULL,
  tighter_right INTEGER NOT NULL, tighter_even INTEGER NOT NULL,
  bout_from_before_ms INTEGER NOT NULL, bout_into_next_ms INTEGER NOT NULL,
  PRIMARY KEY (end_ms, start_ms)) WITHOUT ROWID;
CREATE TRIGGER records_insert_outdates_days AFTER INSERT ON records BEGIN
  DELETE FROM day_stats
    WHERE end_ms > min(NEW.t_ms, coalesce(NEW.since_ms, NEW.t_ms)) - NEW.sitting_ms;
END;
CREATE TRIGGER records_update_outdates_days AFTER UPDATE ON records BEGIN
  DELETE FROM day_stats;
END;
CREATE TRIGGER records_delete_outdates_days AFTER DELETE ON records BEGIN
  DELETE FROM day_stats;
END;
INSERT INTO day_stats VALUES (1795647600000, 1795561200000, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0);
PRAGMA user_version = 3;
)sql";

// Version 4 as released: version 3 with the records table rebuilt to take busy and free records
// with their reason (the CHECKs of version 1 kept), and one busy record.
const std::string kReleasedVersion4 = kReleasedVersion3 + R"sql(
CREATE TABLE records_v4 (id INTEGER PRIMARY KEY, t_ms INTEGER NOT NULL, event TEXT NOT NULL,
  sitting_ms INTEGER NOT NULL, attempt INTEGER, prompted INTEGER, until_ms INTEGER,
  since_ms INTEGER, away_ms INTEGER, side TEXT, reason TEXT,
  CONSTRAINT known_event CHECK (event IN ('prompt', 'accepted', 'snoozed', 'skipped',
    'dismissed', 'ignored', 'away', 'back', 'paused', 'resumed', 'side', 'busy', 'free')),
  CONSTRAINT reason_iff_busy_free CHECK ((reason IS NOT NULL) = (event IN ('busy', 'free'))),
  CONSTRAINT known_reason CHECK (reason IN ('dnd', 'fullscreen', 'camera', 'user')));
INSERT INTO records_v4 (id, t_ms, event, sitting_ms, attempt, prompted, until_ms, since_ms,
    away_ms, side)
  SELECT id, t_ms, event, sitting_ms, attempt, prompted, until_ms, since_ms, away_ms, side
  FROM records;
DROP TABLE records;
ALTER TABLE records_v4 RENAME TO records;
CREATE INDEX records_t ON records (t_ms);
CREATE INDEX records_event_t ON records (event, t_ms);
CREATE TRIGGER records_insert_outdates_days AFTER INSERT ON records BEGIN
  DELETE FROM day_stats
    WHERE end_ms > min(NEW.t_ms, coalesce(NEW.since_ms, NEW.t_ms)) - NEW.sitting_ms;
END;
CREATE TRIGGER records_update_outdates_days AFTER UPDATE ON records BEGIN
  DELETE FROM day_stats;
END;
CREATE TRIGGER records_delete_outdates_days AFTER DELETE ON records BEGIN
  DELETE FROM day_stats;
END;
INSERT INTO records (t_ms, event, sitting_ms, reason) VALUES (1795608600000, 'busy', 0, 'dnd');
PRAGMA user_version = 4;
)sql";

// Version 5 as released: version 4 and the daemon's runs.
const std::string kReleasedVersion5 = kReleasedVersion4 + R"sql(
CREATE TABLE runs (id INTEGER PRIMARY KEY, t_ms INTEGER NOT NULL, event TEXT NOT NULL,
  settings TEXT,
  CONSTRAINT known_run_event CHECK (event IN ('start', 'reload', 'stop')),
  CONSTRAINT settings_unless_stop CHECK ((settings IS NOT NULL) = (event != 'stop')));
CREATE INDEX runs_t ON runs (t_ms);
PRAGMA user_version = 5;
)sql";

// How to make a log of each earlier version, with the rows it holds (version 0: no file yet).
struct Earlier {
  int version;
  std::function<void(const std::filesystem::path&)> make;
  std::size_t records;
};

const std::vector<Earlier>& earlier_versions() {
  static const std::vector<Earlier> kEarlier{
      {0, [](const std::filesystem::path&) {}, 0},
      {1, [](const std::filesystem::path& f) { run_sql(f, kReleasedVersion1); }, 3},
      {2, [](const std::filesystem::path& f) { run_sql(f, kReleasedVersion2.c_str()); }, 3},
      {3, [](const std::filesystem::path& f) { run_sql(f, kReleasedVersion3.c_str()); }, 3},
      {4, [](const std::filesystem::path& f) { run_sql(f, kReleasedVersion4.c_str()); }, 4},
      {5, [](const std::filesystem::path& f) { run_sql(f, kReleasedVersion5.c_str()); }, 4},
  };
  return kEarlier;
}

TEST_CASE("there is a fixture for every earlier schema version") {
  CHECK(earlier_versions().size() == static_cast<std::size_t>(latest_schema_version()));
  CHECK(latest_schema_version() == 6);
}

TEST_CASE("a log of every earlier version migrates to the latest and keeps its rows") {
  for (const Earlier& e : earlier_versions()) {
    INFO("from version " << e.version);
    TempDir dir;
    e.make(dir.log());
    auto store = open_ok(dir.log());
    CHECK(store->records({}, {}).size() == e.records);
    store.reset();
    CHECK(query_int(dir.log(), "PRAGMA user_version") == latest_schema_version());
    for (const char* index : {"records_t", "presence_t", "records_event_t", "runs_t"}) {
      INFO(index);
      CHECK(has_index(dir.log(), index));
    }
    CHECK(query_int(dir.log(),
                    "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND "
                    "tbl_name = 'records'") == 3);
    // Busy records, new in version 4, can be written and read back.
    store = open_ok(dir.log());
    core::Record busy;
    busy.kind = core::RecordKind::busy;
    busy.t = core::Ms(1795609000000);
    busy.reason = core::BusyReason::camera;
    REQUIRE(store->append(busy));
    const auto read = store->records({}, {});
    REQUIRE(read.size() == e.records + 1);
    CHECK(read.back() == busy);
    // The daemon's runs, new in version 5, start empty and can be written and read back.
    CHECK(store->runs({}, {}).empty());
    REQUIRE(store->append_run(RunEvent::start, 1795609000000, "[sitting]\n"));
    REQUIRE(store->append_run(RunEvent::stop, 1795609100000, "ignored for a stop"));
    CHECK(store->runs({}, {}) ==
          std::vector<RunRow>{{1795609000000, RunEvent::start, "[sitting]\n"},
                              {1795609100000, RunEvent::stop, ""}});
    CHECK(store->runs(1795609050000, {}).size() == 1);
    // The kept days' held prompts and their holds are columns from version 6 on.
    CHECK(query_int(dir.log(),
                    "SELECT count(*) FROM pragma_table_info('day_stats') WHERE name "
                    "IN ('held_prompts', 'held_ms')") == 2);
  }
}

TEST_CASE("a run row names a known event, and a stop has no settings") {
  TempDir dir;
  open_ok(dir.log()).reset();
  auto refused = [&](const char* values) {
    const std::string sql =
        std::string("INSERT INTO runs (t_ms, event, settings) VALUES ") + values;
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(dir.log().c_str(), &db) == SQLITE_OK);
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc != SQLITE_OK;
  };
  CHECK(refused("(1, 'crash', '')"));
  CHECK(refused("(1, 'stop', '[sitting]')"));
  CHECK(refused("(1, 'start', NULL)"));
  CHECK_FALSE(refused("(1, 'reload', '[sitting]')"));
}

TEST_CASE("the rebuilt records table keeps ids, and its triggers still throw kept days away") {
  TempDir dir;
  run_sql(dir.log(), kReleasedVersion3.c_str());
  open_ok(dir.log()).reset();
  CHECK(query_int(dir.log(), "SELECT group_concat(id) = '1,2,3' FROM records") == 1);
  // The migration itself leaves the kept day alone: no record changed.
  CHECK(query_int(dir.log(), "SELECT count(*) FROM day_stats") == 1);
  run_sql(dir.log(),
          "INSERT INTO records (t_ms, event, sitting_ms, reason) "
          "VALUES (1795608500000, 'free', 0, 'dnd')");
  CHECK(query_int(dir.log(), "SELECT count(*) FROM day_stats") == 0);
}

TEST_CASE("busy and free records must carry a known reason, and only they may") {
  TempDir dir;
  open_ok(dir.log()).reset();
  auto refused = [&](const char* values) {
    const std::string sql =
        std::string("INSERT INTO records (t_ms, event, sitting_ms, side, reason) VALUES ") + values;
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(dir.log().c_str(), &db) == SQLITE_OK);
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc != SQLITE_OK;
  };
  CHECK(refused("(1, 'busy', 0, NULL, NULL)"));
  CHECK(refused("(1, 'free', 0, NULL, 'meeting')"));
  CHECK(refused("(1, 'side', 0, 'left', 'dnd')"));
  CHECK_FALSE(refused("(1, 'busy', 0, NULL, 'fullscreen')"));
}

TEST_CASE("a migrated version 1 log reads back field for field") {
  TempDir dir;
  run_sql(dir.log(), kReleasedVersion1);
  auto store = open_ok(dir.log());
  const auto records = store->records({}, {});
  REQUIRE(records.size() == 3);
  CHECK(records[0].kind == core::RecordKind::prompt);
  CHECK(records[0].attempt == 1);
  CHECK(records[1].side == core::Side::left);
  CHECK(records[2].since == core::Ms(1795608100000));
  CHECK(records[2].prompted);
  CHECK(store->presence({}, {}).size() == 1);
  // The new index answers queries by kind.
  const auto sides = store->latest_of(core::RecordKind::side, 7);
  REQUIRE(sides.size() == 1);
  CHECK(sides[0] == records[1]);
}

TEST_CASE("queries by kind use the index, not a scan of the log") {
  TempDir dir;
  open_ok(dir.log());
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(dir.log().c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(db,
                             "EXPLAIN QUERY PLAN SELECT * FROM records WHERE event = 'side' AND "
                             "t_ms >= 0 ORDER BY t_ms DESC, id DESC LIMIT 7",
                             -1, &s, nullptr) == SQLITE_OK);
  std::string plan;
  while (sqlite3_step(s) == SQLITE_ROW) {
    plan += reinterpret_cast<const char*>(sqlite3_column_text(s, 3));
    plan += "\n";
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  CHECK_THAT(plan, Catch::Contains("records_event_t"));
}

}  // namespace
}  // namespace sitstretch::store::test
