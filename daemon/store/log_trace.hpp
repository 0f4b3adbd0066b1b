#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/record.hpp"
#include "store/store.hpp"

namespace sitstretch::store {

// A stretch of the log, read for `sitstretch log --trace`. All instants UTC epoch ms.
struct LogSpan {
  std::int64_t start_ms = 0;  // trace second 0: a local midnight, so quiet hours line up
  std::int64_t end_ms = 0;    // the `end` line
  std::vector<PresenceRow> presence;
  std::vector<core::Record> records;
  std::vector<RunRow> runs;                  // starts, reloads and stops inside the span
  std::optional<RunRow> running;             // the start or reload in force when the span begins
  std::optional<std::int64_t> runs_from_ms;  // the log's first run row: none kept before it
};

// The span as a trace (SPEC §5): the first line a comment with the ISO 8601 start; then the
// presence signals (idle at its last input, as the trace means it), the answers and the busy
// changes, seconds from the start; then `end`. Daemon starts, reloads and stops, the settings in
// force, and what the log cannot tell (no runs kept before version 5) are comment lines, never
// invented events. Records the model makes by itself (prompt, ignored, away, back, a timed pause
// running out) are not inputs and stay out. Pure but for the time zone.
std::string to_trace(const LogSpan& span);

// Reads the span from since to until (now if absent) out of the log.
LogSpan read_span(Store& store, std::optional<std::int64_t> since_utc_ms,
                  std::optional<std::int64_t> until_utc_ms, std::int64_t now_utc_ms);

}  // namespace sitstretch::store
