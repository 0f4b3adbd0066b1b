#include "fixture.hpp"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>

#include "store/store.hpp"
#include "store/utc.hpp"

namespace sitstretch::stats::test {

using namespace std::chrono_literals;

const char* const kTwoDays = R"(# day 1
28800 active
30000 side left
# 31500 prompt
31560 done
33000 idle
34000 active
# 36700 prompt
36760 snooze
# 37360 prompt, attempt 2
37400 skip
39000 idle
84600 active
# 87300 prompt, 87420 ignored, 87720 prompt, attempt 2
87800 dismiss
88200 idle
90000 side right
90400 end
)";

const char* const kSpringForward = R"(5400 active
# 8100 prompt (03:15 summer time)
8130 done
8200 idle
81000 active
# 83700 prompt (00:15 the next day)
83710 snooze
84000 idle
85000 end
)";

const char* const kBusyDay = R"(28800 active
30000 busy dnd
# 31500 the prompt falls due, held
32400 free dnd
# 32400 prompt
32460 done
# 35160 prompt
35200 snooze
35500 busy camera
# 35800 the snooze ends, its re-prompt held
36400 free camera
# 36400 prompt, attempt 2
36450 done
37000 busy user
38000 busy fullscreen
# 39150 the prompt falls due, held; 42750 busy.max_defer (1 h) lets it through
42800 dismiss
43000 free user
43100 free fullscreen
43200 idle
50000 end
)";

std::string workdays_trace(int days) {
  static const char* const kSides[] = {"left", "right", "even", "right"};
  std::string out;
  auto at = [&out](long day, long second, const std::string& what) {
    out += std::to_string(day * 86400 + second) + " " + what + "\n";
  };
  for (long d = 0; d < days; ++d) {
    const long late = (d * 7) % 5 * 60;  // a little later some days
    at(d, 28800 + late, "active");
    at(d, 31560 + late, "done");  // the prompt at 08:45 (+ late)
    at(d, 33000 + late, "idle");  // a natural break
    at(d, 34000, "active");       // prompt at 36700
    if (d % 3 == 0) at(d, 36800, "done");
    if (d % 3 == 1) {
      at(d, 36760, "snooze");
      at(d, 37400, "skip");
    }
    // d % 3 == 2: no answer; ignored and repeated until lunch
    at(d, 39000, "idle");    // lunch
    at(d, 45000, "active");  // prompt at 47700
    at(d, d % 2 ? 47800 : 47750, d % 2 ? "done" : "dismiss");
    at(d, 50000, std::string("side ") + kSides[d % 4]);
    at(d, 61200, "idle");
  }
  at(days, 0, "end");
  return out;
}

std::vector<core::Record> replay_at(std::string_view trace, core::Ms origin) {
  std::vector<core::Record> records = sitstretch::test::replay_records(trace, spec_defaults());
  for (core::Record& r : records) r = store::to_utc(r, origin);
  return records;
}

core::Ms local_midnight(const std::string& date) {
  std::tm fields{};
  REQUIRE(std::sscanf(date.c_str(), "%d-%d-%d", &fields.tm_year, &fields.tm_mon, &fields.tm_mday) ==
          3);
  fields.tm_year -= 1900;
  fields.tm_mon -= 1;
  fields.tm_isdst = -1;
  return core::Ms(static_cast<std::int64_t>(std::mktime(&fields)) * 1000);
}

std::vector<LocalDay> days(const std::string& first, const std::string& last) {
  return days_between(local_midnight(first), local_midnight(last));
}

std::vector<core::Record> through_store(const std::filesystem::path& file,
                                        const std::vector<core::Record>& records) {
  auto opened = store::Store::open(file);
  if (auto* error = std::get_if<std::string>(&opened)) FAIL(*error);
  auto& log = *std::get<std::unique_ptr<store::Store>>(opened);
  for (const core::Record& r : records) REQUIRE(log.append(r));
  return log.records(std::nullopt, std::nullopt);
}

std::int64_t sql(const std::filesystem::path& file, const std::string& statement) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, statement.c_str(), -1, &s, nullptr) == SQLITE_OK);
  const int rc = sqlite3_step(s);
  const std::int64_t value = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
  sqlite3_finalize(s);
  sqlite3_close(db);
  REQUIRE((rc == SQLITE_ROW || rc == SQLITE_DONE));
  return value;
}

}  // namespace sitstretch::stats::test
