#include "store/schema.hpp"

#include <sqlite3.h>

#include <array>

#include "store/sqlite_statement.hpp"

namespace sitstretch::store {
namespace {

// Version 1: the records of SPEC §3 and the presence transitions. A record's columns are NULL
// where SPEC §3 gives its kind no such field, except sitting_ms, which the model fills for every
// record (sitting time at that instant). The CHECKs pin that shape so queries can rely on it
// (a CHECK on NULL passes, so value checks need no IS NULL guard).
constexpr const char* kVersion1 = R"sql(
CREATE TABLE records (
  id INTEGER PRIMARY KEY,
  t_ms INTEGER NOT NULL,
  event TEXT NOT NULL,
  sitting_ms INTEGER NOT NULL,
  attempt INTEGER,
  prompted INTEGER,
  until_ms INTEGER,
  since_ms INTEGER,
  away_ms INTEGER,
  side TEXT,
  CONSTRAINT known_event CHECK (event IN ('prompt', 'accepted', 'snoozed', 'skipped',
    'dismissed', 'ignored', 'away', 'back', 'paused', 'resumed', 'side')),
  CONSTRAINT sitting_not_negative CHECK (sitting_ms >= 0),
  CONSTRAINT attempt_iff_prompt CHECK ((attempt IS NOT NULL) = (event = 'prompt')),
  CONSTRAINT attempt_from_1 CHECK (attempt >= 1),
  CONSTRAINT prompted_iff_accepted_or_away CHECK
    ((prompted IS NOT NULL) = (event IN ('accepted', 'away'))),
  CONSTRAINT prompted_bool CHECK (prompted IN (0, 1)),
  CONSTRAINT until_only_snoozed_paused_resumed CHECK
    (until_ms IS NULL OR event IN ('snoozed', 'paused', 'resumed')),
  CONSTRAINT since_iff_away CHECK ((since_ms IS NOT NULL) = (event = 'away')),
  CONSTRAINT away_iff_back CHECK ((away_ms IS NOT NULL) = (event = 'back')),
  CONSTRAINT away_not_negative CHECK (away_ms >= 0),
  CONSTRAINT side_iff_side CHECK ((side IS NOT NULL) = (event = 'side')),
  CONSTRAINT known_side CHECK (side IN ('left', 'right', 'even'))
);
CREATE INDEX records_t ON records (t_ms);
CREATE TABLE presence (
  id INTEGER PRIMARY KEY,
  t_ms INTEGER NOT NULL,
  signal TEXT NOT NULL,
  last_input_ms INTEGER,
  CONSTRAINT known_signal CHECK (signal IN ('active', 'idle', 'locked', 'unlocked', 'sleep',
    'wake'))
);
CREATE INDEX presence_t ON presence (t_ms);
)sql";

// Version 2: an index for queries by kind (every tighter-side report, the latest one), which
// otherwise scan the whole log. Range queries by time already use records_t.
constexpr const char* kVersion2 = R"sql(
CREATE INDEX records_event_t ON records (event, t_ms);
)sql";

// Version 3: per-day statistics kept for finished days, so that `sitstretch stats` over a year
// reads a row a day instead of every record (see Store::summary). They are derived data: a
// record written or changed later deletes every kept day it can touch, inside the same
// transaction, and the next reader counts those days again. A record at t can change the days
// from its bout's start on (t - sitting_ms, or since_ms - sitting_ms for `away`, whose bout ended
// at since_ms) and, through the episodes it belongs to, any later day.
constexpr const char* kVersion3 = R"sql(
CREATE TABLE day_stats (
  end_ms INTEGER NOT NULL,
  start_ms INTEGER NOT NULL,
  counting INTEGER NOT NULL,
  sitting_ms INTEGER NOT NULL,
  bouts INTEGER NOT NULL,
  longest_bout_ms INTEGER NOT NULL,
  break_prompts INTEGER NOT NULL,
  repeated_prompts INTEGER NOT NULL,
  accepted INTEGER NOT NULL,
  own_stretches INTEGER NOT NULL,
  postponed INTEGER NOT NULL,
  skipped INTEGER NOT NULL,
  dismissed INTEGER NOT NULL,
  ignored INTEGER NOT NULL,
  natural_breaks INTEGER NOT NULL,
  prompted_breaks INTEGER NOT NULL,
  resolved INTEGER NOT NULL,
  complied INTEGER NOT NULL,
  tighter_left INTEGER NOT NULL,
  tighter_right INTEGER NOT NULL,
  tighter_even INTEGER NOT NULL,
  bout_from_before_ms INTEGER NOT NULL,
  bout_into_next_ms INTEGER NOT NULL,
  PRIMARY KEY (end_ms, start_ms)
) WITHOUT ROWID;
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
)sql";

// Version 4: the busy and free records of rule 9, with their reason. SQLite cannot change a
// CHECK in place, so the records table is rebuilt with the same rows (ids kept, so the order of
// records at one instant stays) and its indexes and triggers are made again. A log of version 1
// as first released had no CHECKs; its rows were written to the same shape and now get them.
constexpr const char* kVersion4 = R"sql(
CREATE TABLE records_v4 (
  id INTEGER PRIMARY KEY,
  t_ms INTEGER NOT NULL,
  event TEXT NOT NULL,
  sitting_ms INTEGER NOT NULL,
  attempt INTEGER,
  prompted INTEGER,
  until_ms INTEGER,
  since_ms INTEGER,
  away_ms INTEGER,
  side TEXT,
  reason TEXT,
  CONSTRAINT known_event CHECK (event IN ('prompt', 'accepted', 'snoozed', 'skipped',
    'dismissed', 'ignored', 'away', 'back', 'paused', 'resumed', 'side', 'busy', 'free')),
  CONSTRAINT sitting_not_negative CHECK (sitting_ms >= 0),
  CONSTRAINT attempt_iff_prompt CHECK ((attempt IS NOT NULL) = (event = 'prompt')),
  CONSTRAINT attempt_from_1 CHECK (attempt >= 1),
  CONSTRAINT prompted_iff_accepted_or_away CHECK
    ((prompted IS NOT NULL) = (event IN ('accepted', 'away'))),
  CONSTRAINT prompted_bool CHECK (prompted IN (0, 1)),
  CONSTRAINT until_only_snoozed_paused_resumed CHECK
    (until_ms IS NULL OR event IN ('snoozed', 'paused', 'resumed')),
  CONSTRAINT since_iff_away CHECK ((since_ms IS NOT NULL) = (event = 'away')),
  CONSTRAINT away_iff_back CHECK ((away_ms IS NOT NULL) = (event = 'back')),
  CONSTRAINT away_not_negative CHECK (away_ms >= 0),
  CONSTRAINT side_iff_side CHECK ((side IS NOT NULL) = (event = 'side')),
  CONSTRAINT known_side CHECK (side IN ('left', 'right', 'even')),
  CONSTRAINT reason_iff_busy_free CHECK ((reason IS NOT NULL) = (event IN ('busy', 'free'))),
  CONSTRAINT known_reason CHECK (reason IN ('dnd', 'fullscreen', 'camera', 'user'))
);
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
)sql";

// Version 5: the daemon's runs, so that the log can be replayed as it happened (SPEC §5, "Your
// own days"): each start (a new model, the user absent) and stop, and each reload, with the
// model's settings then in force as TOML (see settings_toml.hpp). A stop has no settings. A run
// that ended without a stop (a crash, SIGKILL) shows as a start with no stop before it.
constexpr const char* kVersion5 = R"sql(
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  t_ms INTEGER NOT NULL,
  event TEXT NOT NULL,
  settings TEXT,
  CONSTRAINT known_run_event CHECK (event IN ('start', 'reload', 'stop')),
  CONSTRAINT settings_unless_stop CHECK ((settings IS NOT NULL) = (event != 'stop'))
);
CREATE INDEX runs_t ON runs (t_ms);
)sql";

// Version 6: the kept day statistics gain the prompts that busy held and how long (rule 9).
// Days kept before are counted again anyway (store_summary.cpp's counting rules changed), so the
// defaults never show.
constexpr const char* kVersion6 = R"sql(
ALTER TABLE day_stats ADD COLUMN held_prompts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE day_stats ADD COLUMN held_ms INTEGER NOT NULL DEFAULT 0;
)sql";

// Migration i takes the database from version i to i + 1. A later version appends a step here
// (new tables, ALTER TABLE, or a table rebuild with copied rows); steps never change once
// released.
using Migration = std::optional<std::string> (*)(sqlite3* db);

constexpr std::array<Migration, 6> kMigrations{
    [](sqlite3* db) { return exec(db, kVersion1); },
    [](sqlite3* db) { return exec(db, kVersion2); },
    [](sqlite3* db) { return exec(db, kVersion3); },
    [](sqlite3* db) { return exec(db, kVersion4); },
    [](sqlite3* db) { return exec(db, kVersion5); },
    [](sqlite3* db) { return exec(db, kVersion6); },
};

std::optional<std::string> run_steps(sqlite3* db) {
  auto version = read_schema_version(db);
  if (const auto* error = std::get_if<std::string>(&version)) return *error;
  const int from = std::get<int>(version);
  if (auto refusal = refuse_newer(from)) return refusal;
  for (int v = from; v < latest_schema_version(); ++v) {
    if (auto error = kMigrations[static_cast<std::size_t>(v)](db)) {
      return "migrating to schema version " + std::to_string(v + 1) + ": " + *error;
    }
  }
  // PRAGMA takes no bound parameters; the value is our own integer.
  const std::string set_version =
      "PRAGMA user_version = " + std::to_string(latest_schema_version());
  return exec(db, set_version.c_str());
}

}  // namespace

int latest_schema_version() {
  return static_cast<int>(kMigrations.size());
}

std::optional<std::string> refuse_newer(int version) {
  if (version <= latest_schema_version()) return std::nullopt;
  return "log schema version " + std::to_string(version) +
         " is newer than this sitstretch understands (" + std::to_string(latest_schema_version()) +
         "); left untouched, use a newer sitstretch";
}

std::variant<int, std::string> read_schema_version(sqlite3* db) {
  Statement query(db, "PRAGMA user_version");
  if (!query.ok()) return query.error();
  if (query.step() != SQLITE_ROW) return query.error();
  return static_cast<int>(query.column_int(0));
}

std::optional<std::string> migrate(sqlite3* db) {
  auto version = read_schema_version(db);
  if (const auto* error = std::get_if<std::string>(&version)) return *error;
  if (std::get<int>(version) == latest_schema_version()) return std::nullopt;
  if (auto error = exec(db, "BEGIN IMMEDIATE")) return *error;
  // Re-read inside the write lock: another process may have migrated since.
  if (auto error = run_steps(db)) {
    exec(db, "ROLLBACK");
    return error;
  }
  return exec(db, "COMMIT");
}

}  // namespace sitstretch::store
