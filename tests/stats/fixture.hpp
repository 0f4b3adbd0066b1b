#pragma once

// Fixtures for the stats tests: replayed traces moved to a chosen local midnight, written to a
// real log file, and a scoped time zone.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/record.hpp"
#include "run_command.hpp"
#include "scenario.hpp"
#include "stats/local_day.hpp"

namespace sitstretch::stats::test {

// Replays a trace (SPEC §5) under SPEC §4's defaults (a trace error fails the test) and moves its
// records to UTC, trace second 0 being the instant `origin`, as the daemon's store would hold them.
std::vector<core::Record> replay_at(std::string_view trace, core::Ms origin);

// Local midnight of a date ("2026-11-24") in the process time zone, UTC epoch ms.
core::Ms local_midnight(const std::string& date);

// The local days from `first` to `last` (dates), oldest first.
std::vector<LocalDay> days(const std::string& first, const std::string& last);

// Appends the records to the log file (created if needed) through the real Store, then reads
// the whole log back.
std::vector<core::Record> through_store(const std::filesystem::path& file,
                                        const std::vector<core::Record>& records);

// Runs one SQL statement on a connection of its own; the first column of its first row, if any.
std::int64_t sql(const std::filesystem::path& file, const std::string& statement);

using sitstretch::test::ScopedTimeZone;
using sitstretch::test::spec_defaults;

// Two days in Berlin, hand-checked in day_stats_test.cpp: a prompt accepted, a snoozed then
// skipped episode, natural breaks, and a bout from 23:30 to 00:30 whose episode is ignored, then
// dismissed. Trace second 0 is 00:00 of the first day.
extern const char* const kTwoDays;
// 2026-03-29, the 23-hour day in Berlin: an accepted prompt across the 02:00 -> 03:00 jump, and a
// bout from 23:30 into the next day with a snooze and a break during it.
extern const char* const kSpringForward;

// One day in Berlin with three prompts held while busy, hand-checked in held_test.cpp: one held
// by do-not-disturb that comes when it ends, a snooze's re-prompt held by the camera, and one
// held by the user's own busy and a fullscreen window until busy.max_defer lets it through.
extern const char* const kBusyDay;

// `days` workdays, trace second 0 being 00:00 of the first: sitting from about 08:00 to 17:00
// with a lunch break, prompts answered in turn by done, snooze then skip, no answer, and dismiss,
// and a tighter side reported each day.
std::string workdays_trace(int days);

}  // namespace sitstretch::stats::test
