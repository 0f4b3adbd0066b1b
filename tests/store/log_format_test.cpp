// The log's wall-clock formats (JSON Lines and CSV) and the boot-time to UTC shift.
#include <vector>

#include "core/record_json.hpp"
#include "store/log_format.hpp"
#include "store/utc.hpp"
#include "store_test_support.hpp"

namespace sitstretch::store::test {
namespace {

using core::Ms;
using core::Record;
using core::RecordKind;
using namespace std::chrono_literals;

TEST_CASE("log instants are local ISO 8601 with the zone's offset") {
  {
    ScopedTimeZone zone("Europe/Berlin");
    CHECK(iso_local_time(kNov25Noon) == "2026-11-25T13:00:00+01:00");
    CHECK(iso_local_time(1782907200000) == "2026-07-01T14:00:00+02:00");     // summer time
    CHECK(iso_local_time(kNov25Noon + 999) == "2026-11-25T13:00:00+01:00");  // to the second
    CHECK(iso_local_time(kNov25Noon - 1) == "2026-11-25T12:59:59+01:00");
    CHECK(log_time_format().instant(Ms(kNov25Noon)) == "\"2026-11-25T13:00:00+01:00\"");
    CHECK(log_time_format().seconds(Ms(kNov25Noon + 600'500)) == "1795608600");
  }
  {
    ScopedTimeZone zone("America/St_Johns");
    CHECK(iso_local_time(kNov25Noon) == "2026-11-25T08:30:00-03:30");
  }
  {
    ScopedTimeZone zone("UTC");
    CHECK(iso_local_time(0) == "1970-01-01T00:00:00+00:00");
  }
}

TEST_CASE("a stored away record prints as JSON with local ISO instants") {
  ScopedTimeZone zone("Europe/Berlin");
  TempDir dir;
  auto store = open_ok(dir.log());
  Record away;
  away.kind = RecordKind::away;
  away.t = Ms(kNov25Noon);
  away.since = Ms(kNov25Noon) - 5min;
  away.sitting = 47min + 30s;
  away.prompted = true;
  REQUIRE(store->append(away));
  const auto stored = store->records({}, {});
  REQUIRE(stored.size() == 1);
  CHECK(core::to_json(stored[0], log_time_format()) ==
        R"({"t":"2026-11-25T13:00:00+01:00","event":"away",)"
        R"("since":"2026-11-25T12:55:00+01:00","sitting_s":2850,"prompted":true})");
}

TEST_CASE("a snooze prints its until as epoch seconds") {
  ScopedTimeZone zone("Europe/Berlin");
  Record snoozed;
  snoozed.kind = RecordKind::snoozed;
  snoozed.t = Ms(kNov25Noon);
  snoozed.until = Ms(kNov25Noon) + 10min;
  CHECK(core::to_json(snoozed, log_time_format()) ==
        R"({"t":"2026-11-25T13:00:00+01:00","event":"snoozed","until_s":1795608600})");
}

TEST_CASE("CSV rows carry each kind's fields in the header's columns") {
  ScopedTimeZone zone("Europe/Berlin");
  CHECK(csv_header() == "t,event,sitting_s,attempt,prompted,until,since,away_s,side,reason");
  const Ms t(kNov25Noon);
  auto row = [t](RecordKind kind, auto&& fill) {
    Record r;
    r.kind = kind;
    r.t = t;
    r.sitting = 45min;
    fill(r);
    return to_csv_row(r);
  };
  auto none = [](Record&) {};
  const std::string at = "2026-11-25T13:00:00+01:00";
  CHECK(row(RecordKind::prompt, [](Record& r) { r.attempt = 2; }) == at + ",prompt,2700,2,,,,,,");
  CHECK(row(RecordKind::accepted, [](Record& r) { r.prompted = false; }) ==
        at + ",accepted,2700,,false,,,,,");
  CHECK(row(RecordKind::snoozed, [t](Record& r) { r.until = t + 10min; }) ==
        at + ",snoozed,,,,2026-11-25T13:10:00+01:00,,,,");
  CHECK(row(RecordKind::dismissed, none) == at + ",dismissed,2700,,,,,,,");
  CHECK(row(RecordKind::away, [t](Record& r) {
          r.since = t - 5min;
          r.prompted = true;
        }) == at + ",away,2700,,true,,2026-11-25T12:55:00+01:00,,,");
  CHECK(row(RecordKind::back, [](Record& r) { r.away = 8min + 20s; }) == at + ",back,,,,,,500,,");
  CHECK(row(RecordKind::paused, none) == at + ",paused,,,,,,,,");
  CHECK(row(RecordKind::side, [](Record& r) { r.side = core::Side::right; }) ==
        at + ",side,,,,,,,right,");
  CHECK(row(RecordKind::busy, [](Record& r) { r.reason = core::BusyReason::camera; }) ==
        at + ",busy,,,,,,,,camera");
  CHECK(row(RecordKind::free, [](Record& r) { r.reason = core::BusyReason::dnd; }) ==
        at + ",free,,,,,,,,dnd");
}

TEST_CASE("to_utc moves instants by the offset and leaves durations alone") {
  const Ms offset(kNov25Noon - 3'600'000);  // booted an hour before noon
  Record away;
  away.kind = RecordKind::away;
  away.t = 1h;
  away.since = 55min;
  away.sitting = 40min;
  const Record utc_away = to_utc(away, offset);
  CHECK(utc_away.t == Ms(kNov25Noon));
  CHECK(utc_away.since == Ms(kNov25Noon) - 5min);
  CHECK(utc_away.sitting == 40min);

  Record paused;
  paused.kind = RecordKind::paused;
  paused.t = 1h;
  paused.until = 90min;
  const Record utc_paused = to_utc(paused, offset);
  CHECK(utc_paused.until == Ms(kNov25Noon) + 30min);
  CHECK(utc_paused.since == 0ms);  // not an instant for this kind

  Record back;
  back.kind = RecordKind::back;
  back.t = 1h;
  back.away = 7min;
  CHECK(to_utc(back, offset).away == 7min);
  CHECK_FALSE(to_utc(back, offset).until.has_value());
}

}  // namespace
}  // namespace sitstretch::store::test
