#pragma once

#include "core/record.hpp"

namespace sitstretch::store {

// Moves a record from the daemon's boot-time clock to UTC epoch milliseconds, for the store.
// `boot_to_utc_offset` is UTC now minus CLOCK_BOOTTIME now, taken by the caller when the record
// is made. Instants move (t, and since/until where the kind has them, see Store::append);
// durations do not. Pure.
core::Record to_utc(const core::Record& boot_record, core::Ms boot_to_utc_offset);

}  // namespace sitstretch::store
