// The daemon's starts, reloads and stops (schema version 5), for `sitstretch log --trace`.
#include <sqlite3.h>

#include <limits>

#include "store/sqlite_statement.hpp"
#include "store/store.hpp"
#include "store/utc.hpp"

namespace sitstretch::store {
namespace {

constexpr const char* kRunWords[] = {"start", "reload", "stop"};

std::optional<RunEvent> run_event_from_word(const std::string& word) {
  for (int i = 0; i < 3; ++i) {
    if (word == kRunWords[i]) return static_cast<RunEvent>(i);
  }
  return std::nullopt;
}

}  // namespace

bool Store::append_run(RunEvent event, std::int64_t utc_ms, std::string_view settings_toml) {
  RunRow row{utc_ms, event, {}};
  if (event != RunEvent::stop) row.settings = settings_toml;
  return write_or_keep(std::move(row));
}

bool Store::insert_run(const RunRow& row) {
  Statement& s = *insert_run_;
  s.bind(1, row.t_ms);
  s.bind(2, std::string_view(kRunWords[static_cast<int>(row.event)]));
  if (row.event == RunEvent::stop) {
    s.bind_null(3);
  } else {
    s.bind(3, row.settings);
  }
  return finish_write(s, "daemon start, reload or stop");
}

std::vector<RunRow> Store::runs(std::optional<std::int64_t> since_utc_ms,
                                std::optional<std::int64_t> until_utc_ms) {
  std::vector<RunRow> out;
  Statement& s = *select_runs_;
  s.bind(1, since_utc_ms.value_or(std::numeric_limits<std::int64_t>::min()));
  s.bind(2, until_utc_ms.value_or(std::numeric_limits<std::int64_t>::max()));
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) {
    auto event = run_event_from_word(s.column_text(1));
    if (!event || !plausible_instant(s.column_int(0))) continue;  // see utc.hpp
    out.push_back({s.column_int(0), *event, s.column_text(2)});
  }
  if (rc != SQLITE_DONE) log_read_failure(s, "daemon runs");
  s.reset();
  return out;
}

}  // namespace sitstretch::store
