#pragma once

// Command: what a user can ask of the daemon, from whichever side it comes (the control socket,
// the tray menu, the prompt's buttons, the guided stretch), and Result: what it came to. Plain
// values, no I/O: only the socket layer turns text into commands and results into text
// (command_text.hpp), so inside the daemon every path is typed.

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "control/daemon_status.hpp"
#include "core/record.hpp"
#include "core/sitting_model.hpp"
#include "core/time.hpp"

namespace sitstretch::control {

// For std::visit over a Command or a Result: one lambda per alternative.
template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
// Spelled out for clang 14 (the fuzz build), which does not deduce an aggregate's arguments.
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

namespace cmd {
struct Status {
  bool operator==(const Status&) const = default;
};
struct Done {  // the stretch was done, nothing to walk through
  bool operator==(const Done&) const = default;
};
struct Snooze {
  bool operator==(const Snooze&) const = default;
};
struct Skip {
  bool operator==(const Skip&) const = default;
};
struct Dismiss {
  bool operator==(const Dismiss&) const = default;
};
// Open-ended with neither field; `until` (a UTC epoch instant) wins over `duration`.
struct Pause {
  std::optional<core::Ms> duration;
  std::optional<core::Ms> until;
  bool operator==(const Pause&) const = default;
};
struct Resume {
  bool operator==(const Resume&) const = default;
};
struct Reload {
  bool operator==(const Reload&) const = default;
};
struct Stretch {  // done, and then the guided stretch walks through it
  bool operator==(const Stretch&) const = default;
};
struct Side {
  core::Side side = core::Side::even;
  bool operator==(const Side&) const = default;
};
// The `user` busy reason (rule 9): until `duration` runs out, or until Free without one.
struct Busy {
  std::optional<core::Ms> duration;
  bool operator==(const Busy&) const = default;
};
struct Free {
  bool operator==(const Free&) const = default;
};
}  // namespace cmd

using Command =
    std::variant<cmd::Status, cmd::Done, cmd::Snooze, cmd::Skip, cmd::Dismiss, cmd::Pause,
                 cmd::Resume, cmd::Reload, cmd::Stretch, cmd::Side, cmd::Busy, cmd::Free>;

namespace result {
struct Ok {
  bool operator==(const Ok&) const = default;
};
struct Refused {
  std::string reason;  // one line a person can act on
  bool operator==(const Refused&) const = default;
};
}  // namespace result

using Result = std::variant<result::Ok, result::Refused, DaemonStatus>;

// A pause's length: `until` minus now_utc (UTC epoch ms; at least 1 ms), else the duration,
// else nothing (open-ended).
std::optional<core::Ms> pause_length(const cmd::Pause& pause, core::Ms now_utc);

// The Result of a model call: Ok, or Refused with the reason in words. max_snoozes is the
// configured prompt.max_snoozes, named in the no-snoozes-left reason.
Result result_of(core::Outcome outcome, int max_snoozes);

// The command's word on the wire ("status", "pause", ...), for log lines.
std::string_view name_of(const Command& command);

}  // namespace sitstretch::control
