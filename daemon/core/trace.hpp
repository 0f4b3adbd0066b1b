#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/record.hpp"
#include "core/sitting_model.hpp"

namespace sitstretch::core {

// The words of a trace line (SPEC §5): a presence signal (whose word is its own, see
// to_string(Signal)), the user actions, the busy changes and `end`.
enum class TraceWord {
  signal,
  done,
  snooze,
  skip,
  dismiss,
  pause,
  resume,
  side,
  busy,
  free,
  end,
};

struct TraceEvent {
  Ms at{};
  TraceWord word = TraceWord::end;
  Signal signal = Signal::active;       // signal
  std::optional<Ms> duration;           // pause
  Side side = Side::even;               // side
  BusyReason reason = BusyReason::dnd;  // busy, free
};

// What is wrong with a line, as a phrase for "FILE:LINE: <message>".
struct TraceError {
  std::string message;
};

// One line of a trace: an event, nothing (blank or comment), or an error.
using TraceLine = std::variant<std::monostate, TraceEvent, TraceError>;
TraceLine parse_trace_line(std::string_view line);

// Hands one trace event to the model at e.at (`end` advances to it); what the model answered.
// The daemon replays the log's tail through it at a restart, on its own clock.
Outcome apply_trace_event(SittingModel& model, const TraceEvent& e, std::vector<Record>& out);

// Runs the sitting model over a trace, line by line, in simulated time.
class Replay {
 public:
  explicit Replay(Settings settings) : model_(std::move(settings)) {}

  // Takes the next line of the trace. Records that result are appended to `out`; an error
  // leaves the replay stopped. After `end` further lines are ignored.
  std::optional<TraceError> feed(std::string_view line, std::vector<Record>& out);

  bool ended() const { return ended_; }
  const SittingModel& model() const { return model_; }

 private:
  std::optional<TraceError> apply(const TraceEvent& e, std::vector<Record>& out);

  SittingModel model_;
  Ms last_{};
  bool ended_ = false;
};

}  // namespace sitstretch::core
