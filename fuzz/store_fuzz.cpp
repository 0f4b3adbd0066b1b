// libFuzzer target: the store's decoding of rows into records, presence transitions and runs,
// and what is made of them (the log's JSON and CSV lines, `log --trace`). The input describes
// rows that are written with SQLite directly, its CHECK constraints off, as a damaged or
// hand-edited log may hold them; then everything is read back through the real Store.

#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include <fuzzer/FuzzedDataProvider.h>

#include "core/record_json.hpp"
#include "core/trace.hpp"
#include "store/log_format.hpp"
#include "store/log_trace.hpp"
#include "store/store.hpp"

namespace store = sitstretch::store;
namespace core = sitstretch::core;

namespace {

constexpr std::array<const char*, 15> kWords{
    "prompt", "accepted", "snoozed", "skipped", "dismissed", "ignored", "away", "back",
    "paused", "resumed",  "side",    "busy",    "free",      "left",    "start"};
constexpr std::array<const char*, 10> kOtherWords{"right", "even",   "dnd",  "user", "active",
                                                  "idle",  "locked", "wake", "stop", "reload"};

// One log for the whole run, opened as the daemon opens it, and a second, raw connection to
// write the rows with.
struct Log {
  std::string dir;
  std::unique_ptr<store::Store> store;
  sqlite3* raw = nullptr;

  Log() {
    // In memory where there is a tmpfs: every input is a durable transaction.
    std::string pattern = access("/dev/shm", W_OK) == 0 ? "/dev/shm/sitstretch-store-fuzz-XXXXXX"
                                                        : "/tmp/sitstretch-store-fuzz-XXXXXX";
    dir = mkdtemp(pattern.data());
    auto opened = store::Store::open(dir + "/log.sqlite3", store::Store::IfDamaged::refuse);
    store = std::move(std::get<std::unique_ptr<store::Store>>(opened));
    sqlite3_open((dir + "/log.sqlite3").c_str(), &raw);
    sqlite3_exec(raw, "PRAGMA ignore_check_constraints = ON; PRAGMA synchronous = OFF", nullptr,
                 nullptr, nullptr);
  }
  ~Log() {
    sqlite3_close(raw);
    store.reset();
    std::filesystem::remove_all(dir);
  }
};

// A column's value: NULL, an integer (small, or any), a real, a known word or any text.
void bind_value(sqlite3_stmt* s, int column, FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange(0, 5)) {
    case 0:
      sqlite3_bind_null(s, column);
      break;
    case 1:
      sqlite3_bind_int64(s, column, in.ConsumeIntegralInRange<std::int64_t>(-100'000, 100'000));
      break;
    case 2:
      sqlite3_bind_int64(s, column, in.ConsumeIntegral<std::int64_t>());
      break;
    case 3:
      sqlite3_bind_double(s, column, in.ConsumeFloatingPoint<double>());
      break;
    case 4: {
      const bool known = in.ConsumeBool();
      const char* word = known ? in.PickValueInArray(kWords) : in.PickValueInArray(kOtherWords);
      sqlite3_bind_text(s, column, word, -1, SQLITE_STATIC);
      break;
    }
    default: {
      const std::string text = in.ConsumeRandomLengthString(64);
      sqlite3_bind_text(s, column, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    }
  }
}

void insert_rows(sqlite3* db, FuzzedDataProvider& in) {
  constexpr std::array<const char*, 3> kInserts{
      "INSERT INTO records (t_ms, event, sitting_ms, attempt, prompted, until_ms, since_ms, "
      "away_ms, side, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      "INSERT INTO presence (t_ms, signal, last_input_ms) VALUES (?, ?, ?)",
      "INSERT INTO runs (t_ms, event, settings) VALUES (?, ?, ?)"};
  constexpr std::array<int, 3> kColumns{10, 3, 3};
  sqlite3_exec(db, "BEGIN; DELETE FROM records; DELETE FROM presence; DELETE FROM runs;", nullptr,
               nullptr, nullptr);
  for (int row = 0; row < 32 && in.remaining_bytes() > 0; ++row) {
    const std::size_t table = in.ConsumeIntegralInRange<std::size_t>(0, 2);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, kInserts[table], -1, &s, nullptr);
    for (int c = 1; c <= kColumns[table]; ++c) bind_value(s, c, in);
    sqlite3_step(s);  // NOT NULL still holds: such a row is refused, as SQLite would
    sqlite3_finalize(s);
  }
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Log log;
  FuzzedDataProvider in(data, size);
  insert_rows(log.raw, in);
  for (const core::Record& r : log.store->records(std::nullopt, std::nullopt)) {
    (void)core::to_json(r, store::log_time_format());
    (void)store::to_csv_row(r);
  }
  (void)log.store->latest_of(core::RecordKind::side, 7);
  const std::int64_t now = in.ConsumeIntegralInRange<std::int64_t>(0, 4'102'444'800'000);
  const store::LogSpan span = store::read_span(*log.store, std::nullopt, std::nullopt, now);
  // `log --trace` must replay: every line it writes is a trace line.
  const std::string trace = store::to_trace(span);
  std::string_view rest = trace;
  while (!rest.empty()) {
    const std::size_t newline = rest.find('\n');
    const std::string_view text = rest.substr(0, newline);
    const core::TraceLine line = core::parse_trace_line(text);
    if (const auto* error = std::get_if<core::TraceError>(&line)) {
      std::fprintf(stderr, "not a trace line: %.*s\n(%s)\n", static_cast<int>(text.size()),
                   text.data(), error->message.c_str());
      std::abort();
    }
    rest = newline == rest.npos ? std::string_view() : rest.substr(newline + 1);
  }
  return 0;
}
