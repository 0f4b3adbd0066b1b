// trace_bench_fill LOG DAYS CHANGES: fills a compliance log with CHANGES presence changes spread
// over DAYS days ending today (local time, 07:00 to 23:00), a busy spell an hour and a daemon
// start a day, for packaging/bench/trace.sh. Rows go in through SQLite in one transaction: the
// daemon's one-commit-per-row appends would make the fill, not the commands, the slow part.
#include <sqlite3.h>

#include <cstdio>
#include <ctime>
#include <random>
#include <string>

#include "core/settings.hpp"
#include "stats/local_day.hpp"
#include "store/settings_toml.hpp"
#include "store/store.hpp"

namespace {

void exec(sqlite3* db, const std::string& sql) {
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "trace_bench_fill: %s\n", sqlite3_errmsg(db));
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: trace_bench_fill LOG DAYS CHANGES\n");
    return 2;
  }
  const int days = std::stoi(argv[2]);
  const long changes = std::stol(argv[3]);
  {
    auto opened = sitstretch::store::Store::open(argv[1]);  // creates the schema
    if (std::holds_alternative<std::string>(opened)) return 1;
  }
  sqlite3* db = nullptr;
  if (sqlite3_open(argv[1], &db) != SQLITE_OK) return 1;
  exec(db, "BEGIN");
  const auto range =
      sitstretch::stats::last_days(sitstretch::core::Ms(std::time(nullptr) * 1000LL), days);
  const long per_day = changes / days / 2;  // an active and an idle each
  std::mt19937 random(42);
  const std::string settings = "'[sitting]\ninterval = \"45m\"\n'";
  for (const auto& day : range) {
    const long long open = day.start.count() + 7 * 3600000LL;
    const long long span = 16 * 3600000LL / per_day;  // one active-idle pair's share of the day
    std::uniform_int_distribution<long long> part(span / 4, span / 2);
    exec(db, "INSERT INTO runs (t_ms, event, settings) VALUES (" + std::to_string(open) +
                 ", 'start', " + settings + ")");
    for (long i = 0; i < per_day; ++i) {
      const long long active = open + i * span;
      const long long input = active + part(random);
      const long long noticed = input + span / 8;
      exec(db,
           "INSERT INTO presence (t_ms, signal) VALUES (" + std::to_string(active) + ", 'active')");
      exec(db, "INSERT INTO presence (t_ms, signal, last_input_ms) VALUES (" +
                   std::to_string(noticed) + ", 'idle', " + std::to_string(input) + ")");
    }
    for (int hour = 0; hour < 16; ++hour) {
      const long long busy = open + hour * 3600000LL + 600000;
      exec(db, "INSERT INTO records (t_ms, event, sitting_ms, reason) VALUES (" +
                   std::to_string(busy) + ", 'busy', 0, 'fullscreen'), (" +
                   std::to_string(busy + 900000) + ", 'free', 0, 'fullscreen')");
    }
  }
  exec(db, "COMMIT");
  sqlite3_close(db);
  std::printf("%ld\n", per_day * 2 * static_cast<long>(range.size()));
  return 0;
}
