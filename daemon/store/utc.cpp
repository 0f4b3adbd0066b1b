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

}  // namespace sitstretch::store
