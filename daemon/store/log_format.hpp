#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/record.hpp"
#include "core/record_json.hpp"

namespace sitstretch::store {

// A UTC epoch-millisecond instant as ISO 8601 local time with offset, to the second (rounded
// down): "2026-11-25T14:03:12+01:00". Uses the process time zone (TZ, /etc/localtime).
std::string iso_local_time(std::int64_t utc_ms);

// How `sitstretch log --json` writes stored records (SPEC §3): instants ("t", "since", "until") as
// quoted iso_local_time(), "until_s" as whole epoch seconds.
core::TimeFormat log_time_format();

// `sitstretch log --csv`: the header line and one row per record, both without a newline.
// Instants are iso_local_time(), durations whole seconds; fields the kind lacks stay empty.
std::string_view csv_header();
std::string to_csv_row(const core::Record& utc_record);

}  // namespace sitstretch::store
