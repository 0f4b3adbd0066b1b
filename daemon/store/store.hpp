#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/record.hpp"
#include "core/sitting_model.hpp"
#include "stats/day_stats.hpp"

struct sqlite3;

namespace sitstretch::store {

class Statement;

// One presence transition as stored: UTC epoch milliseconds.
struct PresenceRow {
  std::int64_t t_ms = 0;
  core::Signal signal = core::Signal::active;
  std::optional<std::int64_t> last_input_ms;  // idle: when input stopped
  bool operator==(const PresenceRow&) const = default;
};

// The daemon's runs (schema version 5): what the model started from, and with which settings.
enum class RunEvent { start, reload, stop };
struct RunRow {
  std::int64_t t_ms = 0;
  RunEvent event = RunEvent::start;
  std::string settings;  // settings_toml() of the model's settings; empty for a stop
  bool operator==(const RunRow&) const = default;
};

// The compliance log (SPEC §3): an SQLite file in WAL mode, written by the daemon and read at the
// same time by `sitstretch log` / `stats` in their own processes, each through its own Store.
// Every instant in and out is UTC milliseconds since the Unix epoch (see utc.hpp).
//
// A Store is not thread-safe: the daemon uses it only on its one loop thread, a client on its
// main thread. Nothing here throws; failures are logged once to stderr and reported by value.
class Store {
 public:
  // What open() does with a damaged log: a file that is not an SQLite database, or one SQLite
  // reports corrupt.
  enum class IfDamaged {
    refuse,      // readers (`sitstretch log`, `stats`, `report`): refuse, touch nothing
    move_aside,  // the daemon: move it aside (see quarantine.hpp), say so once on stderr, and
                 // start a new log, so that logging goes on and the old bytes are kept
  };

  // Opens (creating if needed, with any missing parent directories at mode 0700) and migrates the
  // log. A log written by a newer sitstretch is always refused and left untouched; a damaged one
  // as `if_damaged` says (with move_aside, SQLite's quick_check also runs on open). The error is
  // one line starting with the file name.
  static std::variant<std::unique_ptr<Store>, std::string> open(
      const std::filesystem::path& file, IfDamaged if_damaged = IfDamaged::refuse);

  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Appends one record in its own durable transaction: once this returns true the record survives
  // the process being killed. Stores the fields SPEC §3 gives the kind, plus `sitting`; the other
  // fields read back as zero. False when it could not be written now (a full disk, a read-only
  // file system, the log locked by another process past the busy timeout; logged once per run of
  // failures): then it is kept in memory, in order with the rest, for write_unwritten(). A record
  // the schema refuses is false too, logged and dropped.
  bool append(const core::Record& utc_record);

  // Appends the records in one durable transaction: all of them or, on failure, none. For
  // imports and fixtures; the daemon appends one at a time.
  bool append_all(const std::vector<core::Record>& utc_records);

  // Appends one presence transition, so a day can be replayed later. As append().
  bool append_presence(core::Signal s, std::int64_t utc_ms,
                       std::optional<std::int64_t> last_input_utc_ms);

  // Appends a daemon start, reload or stop, with the settings then in force (ignored for a stop),
  // so that `sitstretch log --trace` can say what the model ran under. As append().
  bool append_run(RunEvent event, std::int64_t utc_ms, std::string_view settings_toml);

  // Runs with since <= t < until, in order.
  std::vector<RunRow> runs(std::optional<std::int64_t> since_utc_ms,
                           std::optional<std::int64_t> until_utc_ms);

  // What append(), append_presence() and append_run() could not write: while any is kept, further
  // appends join it in memory rather than overtake it. write_unwritten() writes them all in one
  // transaction, waiting only briefly for another process's lock; true once none is kept.
  std::size_t unwritten() const { return unwritten_.size(); }
  bool write_unwritten();

  // Records with since <= t < until (either bound may be absent), ordered by t, then by the order
  // they were appended. A read failure is logged and yields the rows read so far.
  std::vector<core::Record> records(std::optional<std::int64_t> since_utc_ms,
                                    std::optional<std::int64_t> until_utc_ms);

  // The latest `count` records of one kind with t >= since, oldest first, through the
  // (event, t_ms) index: cheap however long the log, e.g. the last seven tighter-side reports.
  std::vector<core::Record> latest_of(core::RecordKind kind, std::size_t count,
                                      std::optional<std::int64_t> since_utc_ms = std::nullopt);

  // The `busy` record of each reason still busy at `until` (its last busy or free before then is
  // a busy), oldest first. Put before records(until, ...), they tell stats::count_days which
  // busy spells began before those records (see stats/held.hpp).
  std::vector<core::Record> busy_before(std::int64_t until_utc_ms);

  // Presence transitions in the same range and order as records().
  std::vector<PresenceRow> presence(std::optional<std::int64_t> since_utc_ms,
                                    std::optional<std::int64_t> until_utc_ms);

  // The statistics of `days` (consecutive local days, oldest first), the same as
  // stats::summarize over every record, but quicker: finished days counted before are read from
  // the day_stats table (one row a day), and the days counted now that ended before `now_utc`
  // are kept there for next time (schema.cpp says when a kept day is thrown away). Everything is
  // read from one snapshot of the log; if the daemon writes meanwhile, nothing is kept this time.
  stats::Summary summary(const std::vector<stats::LocalDay>& days, core::Ms now_utc);

  const std::filesystem::path& file() const { return file_; }
  // Where open() moved a damaged log before starting this one, if it did.
  const std::optional<std::filesystem::path>& moved_aside() const { return moved_aside_; }

 private:
  struct Close {
    void operator()(sqlite3* db) const;
  };
  using Row = std::variant<core::Record, PresenceRow, RunRow>;

  // Long enough to ride out another process's migration or a WAL checkpoint; short enough that a
  // stuck reader cannot stall the daemon's loop thread for long.
  static constexpr int kBusyTimeoutMs = 2000;

  // Why an open failed, and whether the file is damaged (not a database, or corrupt).
  struct OpenError {
    std::string message;
    bool damaged = false;
  };

  Store(std::filesystem::path file, std::unique_ptr<sqlite3, Close> db);
  static std::variant<std::unique_ptr<Store>, OpenError> open_once(
      const std::filesystem::path& file, bool check_integrity);
  std::optional<std::string> prepare();
  std::vector<core::Record> read_records(Statement& statement, std::size_t expected = 0);
  std::vector<stats::DayStats> kept_days(const std::vector<stats::LocalDay>& days);
  bool keep_days(const std::vector<stats::LocalDay>& days,
                 const std::vector<stats::DayStats>& counted, core::Ms now_utc);
  bool write_or_keep(Row row);
  bool insert(const Row& row);
  bool insert_record(const core::Record& record);
  bool insert_presence(const PresenceRow& row);
  bool insert_run(const RunRow& row);
  bool finish_write(Statement& statement, const char* what);
  void log_read_failure(const Statement& statement, const char* what);

  std::filesystem::path file_;
  std::unique_ptr<sqlite3, Close> db_;  // declared first: closed after the statements
  std::unique_ptr<Statement> insert_record_;
  std::unique_ptr<Statement> insert_presence_;
  std::unique_ptr<Statement> select_records_;
  std::unique_ptr<Statement> count_records_;
  std::unique_ptr<Statement> select_latest_of_;
  std::unique_ptr<Statement> select_presence_;
  std::unique_ptr<Statement> insert_run_;
  std::unique_ptr<Statement> select_runs_;
  std::optional<std::filesystem::path> moved_aside_;
  bool write_failure_logged_ = false;
  bool refused_ = false;  // the last failed write was of a row the schema refuses
  std::deque<Row> unwritten_;
  std::size_t dropped_ = 0;  // unwritten rows given up as too many to keep
};

// The log's default location: $XDG_STATE_HOME/sitstretch/log.sqlite3, where XDG_STATE_HOME
// defaults to $HOME/.local/state (a relative XDG_STATE_HOME is ignored, as the XDG spec says).
// `getenv` is std::getenv or a test's stand-in. Empty if neither variable is usable.
std::filesystem::path default_path(const std::function<const char*(const char*)>& getenv);

}  // namespace sitstretch::store
