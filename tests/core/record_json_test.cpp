// SPEC §3: one JSON object per record, keys in the table's order.
#include "core/record_json.hpp"

#include <catch2/catch.hpp>

using namespace std::chrono_literals;
using sitstretch::core::BusyReason;
using sitstretch::core::decimal_seconds;
using sitstretch::core::Ms;
using sitstretch::core::Record;
using sitstretch::core::RecordKind;
using sitstretch::core::Side;
using sitstretch::core::to_json;
using sitstretch::core::trace_time_format;

namespace {

std::string json(RecordKind kind, void (*fill)(Record&) = nullptr) {
  Record r;
  r.t = 61500ms;
  r.kind = kind;
  r.sitting = 1999ms;
  if (fill) fill(r);
  return to_json(r, trace_time_format());
}

}  // namespace

TEST_CASE("Seconds are written as the shortest exact decimal") {
  CHECK(decimal_seconds(0ms) == "0");
  CHECK(decimal_seconds(2700000ms) == "2700");
  CHECK(decimal_seconds(1500ms) == "1.5");
  CHECK(decimal_seconds(1050ms) == "1.05");
  CHECK(decimal_seconds(1ms) == "0.001");
}

TEST_CASE("Every kind has its keys, in order, durations in whole seconds") {
  CHECK(json(RecordKind::prompt, [](Record& r) { r.attempt = 2; }) ==
        R"({"t":61.5,"event":"prompt","sitting_s":1,"attempt":2})");
  CHECK(json(RecordKind::accepted, [](Record& r) { r.prompted = true; }) ==
        R"({"t":61.5,"event":"accepted","sitting_s":1,"prompted":true})");
  CHECK(json(RecordKind::snoozed, [](Record& r) { r.until = 661500ms; }) ==
        R"({"t":61.5,"event":"snoozed","until_s":661.5})");
  CHECK(json(RecordKind::skipped) == R"({"t":61.5,"event":"skipped","sitting_s":1})");
  CHECK(json(RecordKind::dismissed) == R"({"t":61.5,"event":"dismissed","sitting_s":1})");
  CHECK(json(RecordKind::ignored) == R"({"t":61.5,"event":"ignored","sitting_s":1})");
  CHECK(json(RecordKind::away, [](Record& r) { r.since = 30s; }) ==
        R"({"t":61.5,"event":"away","since":30,"sitting_s":1,"prompted":false})");
  CHECK(json(RecordKind::back, [](Record& r) { r.away = 301999ms; }) ==
        R"({"t":61.5,"event":"back","away_s":301})");
  CHECK(json(RecordKind::paused) == R"({"t":61.5,"event":"paused","until":null})");
  CHECK(json(RecordKind::resumed, [](Record& r) { r.until = 90s; }) ==
        R"({"t":61.5,"event":"resumed","until":90})");
  CHECK(json(RecordKind::side, [](Record& r) { r.side = Side::left; }) ==
        R"({"t":61.5,"event":"side","side":"left"})");
  CHECK(json(RecordKind::busy, [](Record& r) { r.reason = BusyReason::fullscreen; }) ==
        R"({"t":61.5,"event":"busy","reason":"fullscreen"})");
  CHECK(json(RecordKind::free, [](Record& r) { r.reason = BusyReason::camera; }) ==
        R"({"t":61.5,"event":"free","reason":"camera"})");
}

TEST_CASE("Busy reasons and record kinds read back from their names") {
  for (BusyReason r : sitstretch::core::kBusyReasons) {
    CHECK(sitstretch::core::busy_reason_from_string(sitstretch::core::to_string(r)) == r);
  }
  CHECK(sitstretch::core::to_string(BusyReason::dnd) == "dnd");
  CHECK(sitstretch::core::to_string(BusyReason::user) == "user");
  CHECK_FALSE(sitstretch::core::busy_reason_from_string("meeting"));
  CHECK(sitstretch::core::record_kind_from_string("busy") == RecordKind::busy);
  CHECK(sitstretch::core::record_kind_from_string("free") == RecordKind::free);
}
