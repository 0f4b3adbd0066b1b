#include "store/log_format.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace sitstretch::store {
namespace {

std::int64_t floor_seconds(core::Ms t) {
  return std::chrono::floor<std::chrono::seconds>(t).count();
}

std::string whole_seconds(core::Ms d) {
  return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(d).count());
}

std::string iso(core::Ms t) {
  return iso_local_time(t.count());
}

}  // namespace

std::string iso_local_time(std::int64_t utc_ms) {
  const std::time_t seconds = static_cast<std::time_t>(floor_seconds(core::Ms(utc_ms)));
  std::tm tm{};
  if (!localtime_r(&seconds, &tm)) gmtime_r(&seconds, &tm);  // gmtime_r leaves tm_gmtoff 0
  const long offset_min = tm.tm_gmtoff / 60;
  const long abs_min = offset_min < 0 ? -offset_min : offset_min;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld",
                tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                offset_min < 0 ? '-' : '+', abs_min / 60, abs_min % 60);
  return buffer;
}

core::TimeFormat log_time_format() {
  return {
      [](core::Ms t) { return "\"" + iso(t) + "\""; },
      [](core::Ms t) { return std::to_string(floor_seconds(t)); },
  };
}

std::string_view csv_header() {
  return "t,event,sitting_s,attempt,prompted,until,since,away_s,side,reason";
}

std::string to_csv_row(const core::Record& r) {
  using K = core::RecordKind;
  const K k = r.kind;
  const bool has_sitting = k == K::prompt || k == K::accepted || k == K::skipped ||
                           k == K::dismissed || k == K::ignored || k == K::away;
  const bool has_prompted = k == K::accepted || k == K::away;
  const bool has_until = k == K::snoozed || k == K::paused || k == K::resumed;
  // No field can hold a comma, quote or newline, so nothing needs quoting.
  std::string out = iso(r.t) + "," + std::string(core::to_string(k)) + ",";
  out += (has_sitting ? whole_seconds(r.sitting) : "") + ",";
  out += (k == K::prompt ? std::to_string(r.attempt) : "") + ",";
  out += has_prompted ? (r.prompted ? "true," : "false,") : ",";
  out += (has_until && r.until ? iso(*r.until) : "") + ",";
  out += (k == K::away ? iso(r.since) : "") + ",";
  out += (k == K::back ? whole_seconds(r.away) : "") + ",";
  out += std::string(k == K::side ? core::to_string(r.side) : "") + ",";
  out += k == K::busy || k == K::free ? core::to_string(r.reason) : "";
  return out;
}

}  // namespace sitstretch::store
