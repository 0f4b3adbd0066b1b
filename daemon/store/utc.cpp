#include "store/utc.hpp"

namespace sitstretch::store {

core::Record to_utc(const core::Record& boot_record, core::Ms offset) {
  core::Record r = boot_record;
  r.t += offset;
  // `since` is an instant only for away; elsewhere it is an unused zero and must stay one.
  if (r.kind == core::RecordKind::away) r.since += offset;
  if (r.until) *r.until += offset;
  return r;
}

namespace {
constexpr std::int64_t kYear0Ms = -62'167'219'200'000;      // 0000-01-01T00:00:00Z
constexpr std::int64_t kYear10000Ms = 253'402'300'800'000;  // 10000-01-01T00:00:00Z
}  // namespace

bool plausible_instant(std::int64_t utc_ms) {
  return utc_ms >= kYear0Ms && utc_ms < kYear10000Ms;
}

bool plausible(const core::Record& r) {
  const auto span = [](core::Ms d) {
    return d.count() >= 0 && d.count() < kYear10000Ms - kYear0Ms;
  };
  return plausible_instant(r.t.count()) && plausible_instant(r.since.count()) &&
         (!r.until || plausible_instant(r.until->count())) && span(r.sitting) && span(r.away);
}

}  // namespace sitstretch::store
