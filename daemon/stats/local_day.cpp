#include "stats/local_day.hpp"

#include <cstdio>
#include <ctime>

namespace sitstretch::stats {
namespace {

// Local midnight of the day given by year/month/day fields (mktime normalizes a day of month
// past the end), in UTC ms. Where midnight does not exist (a DST jump at 00:00) mktime gives the
// first instant of the day.
LocalDay day_from_fields(std::tm fields) {
  fields.tm_hour = fields.tm_min = fields.tm_sec = 0;
  fields.tm_isdst = -1;
  const std::time_t start = std::mktime(&fields);  // normalizes `fields` too
  std::tm next = fields;
  next.tm_mday += 1;
  next.tm_hour = next.tm_min = next.tm_sec = 0;
  next.tm_isdst = -1;
  const std::time_t end = std::mktime(&next);
  char date[48];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", fields.tm_year + 1900, fields.tm_mon + 1,
                fields.tm_mday);
  return {date, core::Ms(static_cast<std::int64_t>(start) * 1000),
          core::Ms(static_cast<std::int64_t>(end) * 1000)};
}

std::tm local_fields(core::Ms utc) {
  // Floor, not truncate: instants before 1970 stay on the right second.
  std::int64_t ms = utc.count();
  std::int64_t seconds = ms / 1000 - (ms % 1000 < 0 ? 1 : 0);
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm fields{};
  localtime_r(&t, &fields);
  return fields;
}

}  // namespace

LocalDay local_day_of(core::Ms utc) {
  return day_from_fields(local_fields(utc));
}

LocalDay next_day(const LocalDay& day) {
  // The middle of the next day is safely inside it whatever its length.
  return local_day_of(day.end + std::chrono::hours(12));
}

std::vector<LocalDay> last_days(core::Ms now, int count) {
  std::tm fields = local_fields(now);
  fields.tm_mday -= count < 1 ? 0 : count - 1;
  const LocalDay first = day_from_fields(fields);
  return days_between(first.start, now);
}

std::vector<LocalDay> days_between(core::Ms first, core::Ms last) {
  std::vector<LocalDay> out;
  if (first > last) return out;
  for (LocalDay d = local_day_of(first); d.start <= last; d = next_day(d)) out.push_back(d);
  return out;
}

}  // namespace sitstretch::stats
