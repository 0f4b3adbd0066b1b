#include "store/store.hpp"

#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <limits>
#include <string_view>
#include <utility>

#include "store/connection_setup.hpp"
#include "store/quarantine.hpp"
#include "store/schema.hpp"
#include "store/sqlite_statement.hpp"
#include "store/utc.hpp"

namespace sitstretch::store {
namespace {

namespace fs = std::filesystem;

// SQLite messages may quote multi-line SQL; logs and errors stay one line each.
std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text;
}

void log_line(const std::string& text) {
  std::fprintf(stderr, "sitstretchd: %s\n", one_line(text).c_str());
}

// Which optional columns a kind fills (SPEC §3); the schema's CHECKs insist on the same shape.
struct Columns {
  bool attempt, prompted, until, since, away, side, reason;
};

Columns columns_of(core::RecordKind k) {
  using K = core::RecordKind;
  return {k == K::prompt,
          k == K::accepted || k == K::away,
          k == K::snoozed || k == K::paused || k == K::resumed,
          k == K::away,
          k == K::back,
          k == K::side,
          k == K::busy || k == K::free};
}

// Binds the half-open range [since, until); absent bounds become the ends of int64.
void bind_range(Statement& s, std::optional<std::int64_t> since,
                std::optional<std::int64_t> until) {
  s.bind(1, since.value_or(std::numeric_limits<std::int64_t>::min()));
  s.bind(2, until.value_or(std::numeric_limits<std::int64_t>::max()));
}

// The row itself is wrong (a CHECK or NOT NULL, a value too big): trying again cannot help. The
// other failures (busy, locked, full, read-only, I/O) pass.
bool refuses_row(int rc) {
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
      return true;
    default:
      return false;
  }
}

}  // namespace

void Store::Close::operator()(sqlite3* db) const {
  sqlite3_close_v2(db);
}

Store::Store(fs::path file, std::unique_ptr<sqlite3, Close> db)
    : file_(std::move(file)), db_(std::move(db)) {}

Store::~Store() = default;

std::variant<std::unique_ptr<Store>, std::string> Store::open(const fs::path& file,
                                                              IfDamaged if_damaged) {
  if (file.empty()) return std::string("log file: no path (neither XDG_STATE_HOME nor HOME set)");
  const bool repair = if_damaged == IfDamaged::move_aside;
  auto first = open_once(file, repair);
  if (auto* store = std::get_if<std::unique_ptr<Store>>(&first)) return std::move(*store);
  const OpenError& error = std::get<OpenError>(first);
  if (!error.damaged || !repair) return error.message;

  // The connection is closed by now, so the files can move.
  auto moved = move_aside(file, std::time(nullptr));
  if (const auto* why = std::get_if<std::string>(&moved)) {
    return one_line(error.message + "; " + *why);
  }
  const fs::path aside = std::get<fs::path>(moved);
  log_line(error.message + "; moved it aside to " + aside.string() + " and started a new log");
  auto second = open_once(file, false);
  if (auto* again = std::get_if<OpenError>(&second)) return again->message;
  auto store = std::move(std::get<std::unique_ptr<Store>>(second));
  store->moved_aside_ = aside;
  return store;
}

std::variant<std::unique_ptr<Store>, Store::OpenError> Store::open_once(const fs::path& file,
                                                                        bool check_integrity) {
  sqlite3* raw = nullptr;
  // Damage shows as SQLITE_NOTADB or SQLITE_CORRUPT on whatever touched the file last.
  auto fail = [&file, &raw](const std::string& why) {
    const int code = raw ? sqlite3_errcode(raw) : SQLITE_OK;
    return OpenError{one_line(file.string() + ": " + why),
                     code == SQLITE_NOTADB || code == SQLITE_CORRUPT};
  };
  if (auto error = make_directories(file.parent_path())) return fail(*error);

  // NOMUTEX: a connection is used by one thread only (see store.hpp), so SQLite's per-call
  // locking is pure cost; it is a fifth of reading a year of records.
  const int rc =
      sqlite3_open_v2(file.c_str(), &raw,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<sqlite3, Close> db(raw);
  if (rc != SQLITE_OK) {
    return fail(std::string("cannot open: ") + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);

  // Read the version before anything writes: a foreign file or a newer log stays byte-for-byte
  // as it was (switching to WAL would already rewrite the header).
  auto version = read_schema_version(raw);
  if (const auto* error = std::get_if<std::string>(&version)) return fail("cannot read: " + *error);
  if (auto refusal = refuse_newer(std::get<int>(version))) return OpenError{fail(*refusal).message};
  if (check_integrity) {
    if (auto damage = quick_check(raw)) return OpenError{fail(*damage).message, true};
  }
  if (auto error = set_journal(raw)) return fail(*error);
  if (auto error = migrate(raw)) return fail(*error);

  std::unique_ptr<Store> store(new Store(file, std::move(db)));
  if (auto error = store->prepare()) return OpenError{fail(*error).message};
  return store;
}

std::optional<std::string> Store::prepare() {
  insert_record_ = std::make_unique<Statement>(
      db_.get(),
      "INSERT INTO records (t_ms, event, sitting_ms, attempt, prompted, until_ms, since_ms, "
      "away_ms, side, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  insert_presence_ = std::make_unique<Statement>(
      db_.get(), "INSERT INTO presence (t_ms, signal, last_input_ms) VALUES (?1, ?2, ?3)");
  select_records_ = std::make_unique<Statement>(
      db_.get(),
      "SELECT t_ms, event, sitting_ms, attempt, prompted, until_ms, since_ms, away_ms, side, "
      "reason FROM records WHERE t_ms >= ?1 AND t_ms < ?2 ORDER BY t_ms, id");
  count_records_ = std::make_unique<Statement>(
      db_.get(), "SELECT count(*) FROM records WHERE t_ms >= ?1 AND t_ms < ?2");
  // The same columns as select_records_, newest first through the (event, t_ms) index.
  select_latest_of_ = std::make_unique<Statement>(
      db_.get(),
      "SELECT t_ms, event, sitting_ms, attempt, prompted, until_ms, since_ms, away_ms, side, "
      "reason FROM records WHERE event = ?1 AND t_ms >= ?2 ORDER BY t_ms DESC, id DESC LIMIT ?3");
  select_presence_ = std::make_unique<Statement>(
      db_.get(),
      "SELECT t_ms, signal, last_input_ms FROM presence WHERE t_ms >= ?1 AND t_ms < ?2 "
      "ORDER BY t_ms, id");
  insert_run_ = std::make_unique<Statement>(
      db_.get(), "INSERT INTO runs (t_ms, event, settings) VALUES (?1, ?2, ?3)");
  select_runs_ = std::make_unique<Statement>(
      db_.get(),
      "SELECT t_ms, event, settings FROM runs WHERE t_ms >= ?1 AND t_ms < ?2 ORDER BY t_ms, id");
  for (const auto* s : {&insert_record_, &insert_presence_, &select_records_, &count_records_,
                        &select_latest_of_, &select_presence_, &insert_run_, &select_runs_}) {
    if (!(*s)->ok()) return "cannot prepare a statement: " + (*s)->error();
  }
  return std::nullopt;
}

bool Store::append(const core::Record& r) {
  return write_or_keep(r);
}

bool Store::insert_record(const core::Record& r) {
  const Columns has = columns_of(r.kind);
  Statement& s = *insert_record_;
  s.bind(1, static_cast<std::int64_t>(r.t.count()));
  s.bind(2, core::to_string(r.kind));
  s.bind(3, static_cast<std::int64_t>(r.sitting.count()));
  if (has.attempt) s.bind(4, std::int64_t{r.attempt});
  if (has.prompted) s.bind(5, std::int64_t{r.prompted ? 1 : 0});
  if (has.until && r.until) s.bind(6, static_cast<std::int64_t>(r.until->count()));
  if (has.since) s.bind(7, static_cast<std::int64_t>(r.since.count()));
  if (has.away) s.bind(8, static_cast<std::int64_t>(r.away.count()));
  if (has.side) s.bind(9, core::to_string(r.side));
  if (has.reason) s.bind(10, core::to_string(r.reason));
  return finish_write(s, "record");
}

bool Store::append_all(const std::vector<core::Record>& records) {
  if (auto error = exec(db_.get(), "BEGIN IMMEDIATE")) {
    log_line(file_.string() + ": cannot store records: " + *error);
    return false;
  }
  for (const core::Record& r : records) {
    if (!insert_record(r)) {
      exec(db_.get(), "ROLLBACK");
      return false;
    }
  }
  if (auto error = exec(db_.get(), "COMMIT")) {
    log_line(file_.string() + ": cannot store records: " + *error);
    exec(db_.get(), "ROLLBACK");
    return false;
  }
  return true;
}

bool Store::append_presence(core::Signal signal, std::int64_t utc_ms,
                            std::optional<std::int64_t> last_input_utc_ms) {
  return write_or_keep(PresenceRow{utc_ms, signal, last_input_utc_ms});
}

bool Store::insert_presence(const PresenceRow& row) {
  Statement& s = *insert_presence_;
  s.bind(1, row.t_ms);
  s.bind(2, core::to_string(row.signal));
  s.bind(3, row.last_input_ms);
  return finish_write(s, "presence signal");
}

// Autocommit: the INSERT is its own transaction, synced to disk before step() returns.
bool Store::finish_write(Statement& s, const char* what) {
  const int rc = s.step();
  const bool ok = rc == SQLITE_DONE;
  // A row the schema refuses can never be written: it is dropped, not kept for later, where it
  // would stop every write after it.
  refused_ = refuses_row(rc);
  if (refused_) {
    log_line(file_.string() + ": refused a " + what + ": " + s.error());
  } else {
    if (!ok && !write_failure_logged_) {
      log_line(file_.string() + ": cannot store a " + what + ": " + s.error() +
               "; keeping records in memory to write later (further failures not logged "
               "until then)");
    }
    write_failure_logged_ = !ok;
  }
  s.reset();
  return ok;
}

void Store::log_read_failure(const Statement& s, const char* what) {
  log_line(file_.string() + ": cannot read " + what + ": " + s.error());
}

std::vector<core::Record> Store::records(std::optional<std::int64_t> since_utc_ms,
                                         std::optional<std::int64_t> until_utc_ms) {
  // Counting first (through the t_ms index alone) lets the vector be allocated once: growing it
  // row by row took a third of reading a year.
  bind_range(*count_records_, since_utc_ms, until_utc_ms);
  const bool counted = count_records_->step() == SQLITE_ROW;
  const auto expected = counted ? static_cast<std::size_t>(count_records_->column_int(0)) : 0;
  count_records_->reset();
  bind_range(*select_records_, since_utc_ms, until_utc_ms);
  return read_records(*select_records_, expected);
}

std::vector<core::Record> Store::latest_of(core::RecordKind kind, std::size_t count,
                                           std::optional<std::int64_t> since_utc_ms) {
  select_latest_of_->bind(1, core::to_string(kind));
  select_latest_of_->bind(2, since_utc_ms.value_or(std::numeric_limits<std::int64_t>::min()));
  select_latest_of_->bind(3, static_cast<std::int64_t>(count));
  auto out = read_records(*select_latest_of_);
  std::reverse(out.begin(), out.end());
  return out;
}

std::vector<core::Record> Store::read_records(Statement& s, std::size_t expected) {
  std::vector<core::Record> out;
  out.reserve(expected);
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) {
    auto kind = core::record_kind_from_string(s.column_text(1));
    if (!kind) continue;  // the schema's CHECK admits only known words
    core::Record r;
    r.t = core::Ms(s.column_int(0));
    r.kind = *kind;
    r.sitting = core::Ms(s.column_int(2));
    r.attempt = static_cast<int>(s.column_int(3));
    r.prompted = s.column_int(4) != 0;
    if (auto until = s.column_optional_int(5)) r.until = core::Ms(*until);
    r.since = core::Ms(s.column_int(6));
    r.away = core::Ms(s.column_int(7));
    r.side = core::side_from_string(s.column_text(8)).value_or(core::Side::even);
    r.reason = core::busy_reason_from_string(s.column_text(9)).value_or(core::BusyReason::dnd);
    if (plausible(r)) out.push_back(r);
  }
  if (rc != SQLITE_DONE) log_read_failure(s, "records");
  s.reset();
  return out;
}

std::vector<PresenceRow> Store::presence(std::optional<std::int64_t> since_utc_ms,
                                         std::optional<std::int64_t> until_utc_ms) {
  std::vector<PresenceRow> out;
  Statement& s = *select_presence_;
  bind_range(s, since_utc_ms, until_utc_ms);
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) {
    auto signal = core::signal_from_string(s.column_text(1));
    if (!signal) continue;
    const PresenceRow row{s.column_int(0), *signal, s.column_optional_int(2)};
    if (!plausible_instant(row.t_ms) ||
        (row.last_input_ms && !plausible_instant(*row.last_input_ms))) {
      continue;
    }
    out.push_back(row);
  }
  if (rc != SQLITE_DONE) log_read_failure(s, "presence signals");
  s.reset();
  return out;
}

fs::path default_path(const std::function<const char*(const char*)>& getenv) {
  const char* state = getenv("XDG_STATE_HOME");
  fs::path base;
  if (state && fs::path(state).is_absolute()) {
    base = state;
  } else if (const char* home = getenv("HOME"); home && *home) {
    base = fs::path(home) / ".local" / "state";
  } else {
    return {};
  }
  return base / "sitstretch" / "log.sqlite3";
}

}  // namespace sitstretch::store
