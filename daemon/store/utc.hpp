#pragma once

#include <cstdint>

#include "core/record.hpp"

namespace sitstretch::store {

// Moves a record from the daemon's boot-time clock to UTC epoch milliseconds, for the store.
// `boot_to_utc_offset` is UTC now minus CLOCK_BOOTTIME now, taken by the caller when the record
// is made. Instants move (t, and since/until where the kind has them, see Store::append);
// durations do not. Pure.
core::Record to_utc(const core::Record& boot_record, core::Ms boot_to_utc_offset);

// Whether a row read from the log can be what this code wrote: its instants within the years 0
// to 9999 and its durations no longer than that span. The daemon only writes such rows; a row
// edited by hand or left by damage can hold any integer, and is skipped like an unknown word, so
// that nothing downstream overflows or writes a trace that does not read back (found by
// fuzz/store_fuzz).
bool plausible_instant(std::int64_t utc_ms);
bool plausible(const core::Record& utc_record);

}  // namespace sitstretch::store
