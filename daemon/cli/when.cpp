#include "cli/when.hpp"

#include <sys/time.h>

#include <cstdio>
#include <ctime>
#include <string>

#include "core/duration_text.hpp"
#include "stats/local_day.hpp"

namespace sitstretch::cli {
namespace {

std::optional<std::int64_t> local_to_utc_ms(tm local) {
  local.tm_isdst = -1;  // let mktime work out daylight saving time for that date
  const time_t t = mktime(&local);
  if (t == static_cast<time_t>(-1)) return std::nullopt;
  return static_cast<std::int64_t>(t) * 1000;
}

// Local midnight days_back days before the day containing now. Days are walked, not multiplied:
// a day of a DST change lasts 23 or 25 hours.
std::int64_t midnight(std::int64_t now_utc_ms, int days_back) {
  stats::LocalDay day = stats::local_day_of(core::Ms(now_utc_ms));
  for (int i = 0; i < days_back; ++i) day = stats::local_day_of(day.start - core::Ms(1));
  return day.start.count();
}

}  // namespace

std::optional<std::int64_t> parse_when(std::string_view text, std::int64_t now_utc_ms) {
  if (text == "today") return midnight(now_utc_ms, 0);
  if (text == "yesterday") return midnight(now_utc_ms, 1);
  if (auto ago = core::parse_duration(text)) return now_utc_ms - ago->count();

  const std::string s(text);
  tm local{};
  int consumed = 0;
  char separator = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d%n", &local.tm_year, &local.tm_mon, &local.tm_mday,
                  &consumed) != 3) {
    return std::nullopt;
  }
  if (consumed != static_cast<int>(s.size())) {
    int more = 0;
    const int n = std::sscanf(s.c_str() + consumed, "%c%2d:%2d%n:%2d%n", &separator, &local.tm_hour,
                              &local.tm_min, &more, &local.tm_sec, &more);
    if (n < 3 || (separator != 'T' && separator != ' ') ||
        consumed + more != static_cast<int>(s.size())) {
      return std::nullopt;
    }
  }
  if (local.tm_mon < 1 || local.tm_mon > 12 || local.tm_mday < 1 || local.tm_mday > 31 ||
      local.tm_hour > 23 || local.tm_min > 59 || local.tm_sec > 59) {
    return std::nullopt;
  }
  local.tm_year -= 1900;
  local.tm_mon -= 1;
  return local_to_utc_ms(local);
}

std::int64_t wall_now_ms() {
  timeval tv{};
  gettimeofday(&tv, nullptr);
  return static_cast<std::int64_t>(tv.tv_sec) * 1000 + tv.tv_usec / 1000;
}

}  // namespace sitstretch::cli
