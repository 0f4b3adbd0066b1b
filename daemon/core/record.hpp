#pragma once

#include <optional>
#include <string_view>

#include "core/busy.hpp"
#include "core/time.hpp"

namespace sitstretch::core {

enum class Side { left, right, even };

// The presence signals of SPEC §2, defined with the model (sitting_model.hpp); their words are
// here with the other words of the log.
enum class Signal;

// The records of SPEC §3, one per event, in the order of that table.
enum class RecordKind {
  prompt,
  accepted,
  snoozed,
  skipped,
  dismissed,
  ignored,
  away,
  back,
  paused,
  resumed,
  side,
  busy,
  free,
};

// One record. Which fields are meaningful depends on kind (SPEC §3); the rest stay zero.
struct Record {
  Ms t{};
  RecordKind kind = RecordKind::prompt;
  Ms sitting{};               // prompt, accepted, skipped, dismissed, ignored, away
  int attempt = 0;            // prompt: 1 for the first prompt of an episode
  bool prompted = false;      // accepted: answers a prompt; away: resolves an episode
  std::optional<Ms> until{};  // snoozed: re-prompt time; paused/resumed: end of a timed pause
  Ms since{};                 // away: when the absence began
  Ms away{};                  // back: length of the absence
  Side side = Side::even;     // side
  BusyReason reason = BusyReason::dnd;  // busy, free
  bool operator==(const Record&) const = default;
};

std::string_view to_string(RecordKind kind);
std::optional<RecordKind> record_kind_from_string(std::string_view word);
std::string_view to_string(Side side);
std::optional<Side> side_from_string(std::string_view word);
// A signal's word ("active", "idle", ...): in trace lines (SPEC §5) and the log's presence table.
std::string_view to_string(Signal signal);
std::optional<Signal> signal_from_string(std::string_view word);

}  // namespace sitstretch::core
