#pragma once

#include <functional>
#include <optional>
#include <string_view>

#include "core/sitting_model.hpp"
#include "core/time.hpp"

namespace sitstretch::idle {

// One presence signal from a desktop source, ready for core::SittingModel::signal().
struct PresenceEvent {
  core::Signal signal;
  // Boot-clock instant the signal refers to. For `idle` it is when the last input happened
  // (SPEC §2), which lies about the idle threshold before the moment idleness was noticed; for
  // every other signal it is the moment the source noticed it.
  core::Ms at;
};

// Receives presence events. Always called on the loop thread (the thread running the
// io_context), from a handler of its own: never from inside a call into the source, so the sink
// may call back into the source, or destroy it.
using PresenceSink = std::function<void(const PresenceEvent&)>;

// CLOCK_BOOTTIME now, in milliseconds. Injected so that tests control and check `at`.
using BootClock = std::function<core::Ms()>;

// A source of keyboard/mouse idleness (X11 SYNC, X11 screen saver; later Wayland, GNOME). It
// reports `idle` once input has stopped for the threshold, then `active` when input resumes, and
// repeats. Sources never throw out of these calls: when their outside system fails they log
// one line to stderr and fall silent. All members run on the loop thread.
class IdleSource {
 public:
  virtual ~IdleSource() = default;

  // Short, stable name for logs and status, e.g. "x11-sync", "x11-screensaver".
  virtual std::string_view name() const = 0;

  // Report `idle` once input has stopped this long (the daemon passes sitting.break_after).
  // Takes effect at once: if input already stopped longer ago than the new threshold, `idle`
  // follows promptly. While already idle, the change applies from the next `active` on.
  virtual void set_threshold(core::Ms idle_after) = 0;

  // How long input has been stopped right now, for start-up decisions; nullopt if unknown
  // (e.g. the display went away).
  virtual std::optional<core::Ms> idle_for() = 0;
};

}  // namespace sitstretch::idle
