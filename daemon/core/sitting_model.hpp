#pragma once

#include <optional>
#include <vector>

#include "core/busy.hpp"
#include "core/record.hpp"
#include "core/settings.hpp"
#include "core/time.hpp"

namespace sitstretch::core {

// Presence signals from the desktop (SPEC §2).
enum class Signal { active, idle, locked, unlocked, sleep, wake };

// What a user action came to; anything but ok leaves the model untouched.
enum class Outcome {
  ok,
  nothing_pending,  // snooze, skip or dismiss with no prompt awaiting an answer
  no_snoozes_left,  // prompt.max_snoozes already used in this episode
  not_paused,       // resume while not paused
};

// Where the current prompt episode stands.
enum class EpisodeState {
  none,      // no prompt since the last resolution
  awaiting,  // a prompt is shown and answer_within has not run out
  snoozed,   // snoozed; re-prompt at snooze end
  ignored,   // answer_within ran out; re-prompt repeat_after later
};

// A read-only view of the model at one instant, for status displays.
struct Snapshot {
  bool sitting = false;  // a bout is running
  Ms sitting_for{};      // continuous sitting time so far
  bool absent = false;   // idle, locked or asleep right now
  EpisodeState episode = EpisodeState::none;
  bool prompt_pending = false;    // a prompt awaits an answer or was ignored: snooze/skip apply
  int attempt = 0;                // prompts in the current episode
  int snoozes_left = 0;           // in the current episode
  std::optional<Ms> next_prompt;  // when the next prompt falls due, if it is scheduled
  bool paused = false;
  std::optional<Ms> paused_until;  // end of a timed pause
  bool quiet = false;              // inside quiet hours
  BusyReasons busy;                // the busy reasons holding prompts now (rule 9)
  std::optional<Ms> held_until;    // when a prompt held while busy fires anyway (max_defer)
};

// The sitting model of SPEC §2: presence signals and user actions in, records and the next
// deadline out. It never reads a clock: every call carries `now`, and calls must come with
// non-decreasing `now`. Timers that fall due at or before `now` fire first, each stamped with its
// own due time (never earlier than a record already returned), so records are time-ordered.
class SittingModel {
 public:
  explicit SittingModel(Settings settings);

  // Fires every timer due at or before `now`.
  void advance(Ms now, std::vector<Record>& out);

  // A presence signal at `now`. For `idle`, `last_input` is when input stopped (defaults to now);
  // it may lie in the past, as idle is noticed only some time after the last input.
  void signal(Signal s, Ms now, std::vector<Record>& out, std::optional<Ms> last_input = {});

  Outcome done(Ms now, std::vector<Record>& out);
  Outcome snooze(Ms now, std::vector<Record>& out);
  Outcome skip(Ms now, std::vector<Record>& out);
  Outcome dismiss(Ms now, std::vector<Record>& out);
  Outcome pause(Ms now, std::optional<Ms> duration, std::vector<Record>& out);
  Outcome resume(Ms now, std::vector<Record>& out);
  Outcome report_side(Ms now, Side side, std::vector<Record>& out);

  // A busy reason starts or ends (rule 9). A reason outside busy.when, a repeated start, or an
  // end of a reason not held records nothing and holds nothing.
  void busy_begins(BusyReason reason, Ms now, std::vector<Record>& out);
  void busy_ends(BusyReason reason, Ms now, std::vector<Record>& out);

  // Swaps in new settings; running deadlines are recomputed from them. Busy reasons that a new
  // busy.when drops end (`free`), reported ones it adds start (`busy`), at `now`.
  void reconfigure(Settings settings, Ms now, std::vector<Record>& out);

  // Local time of day at instant t is (t + offset) mod 24h; used only for quiet hours, so that
  // wall-clock jumps move quiet hours but never sitting time.
  void set_local_offset(Ms offset) { local_offset_ = offset; }

  // The earliest instant at which a timer falls due, if any. Arm one timer for it.
  std::optional<Ms> next_deadline() const;

  Snapshot snapshot(Ms now) const;
  const Settings& settings() const { return settings_; }

 private:
  enum class Timer {
    break_starts,
    pause_ends,
    answer_runs_out,
    quiet_ends,
    defer_ends,
    prompt_due
  };
  enum class Hold { none, lock, pause, busy };  // why a prompt that fell due is waiting
  enum class DueAfter { interval, snooze, repeat };
  struct Due {
    Ms at;
    Timer timer;
  };

  std::optional<Due> next_timer() const;
  std::optional<Ms> prompt_due_at() const;
  void fire(Timer timer, Ms t, std::vector<Record>& out);
  void prompt_due(Ms t, std::vector<Record>& out);
  void fire_prompt(Ms t, std::vector<Record>& out);
  void take_break(Ms t, std::vector<Record>& out);
  void end_pause(Ms t, std::vector<Record>& out);
  void release_hold(Ms t, std::vector<Record>& out);
  Hold hold_at(Ms t) const;
  bool busy_holds(Ms t) const;
  void apply_busy_when(std::vector<Record>& out);
  void record_busy(RecordKind kind, BusyReason reason, std::vector<Record>& out) const;
  void presence_changed(bool was_absent, Ms now, Ms absence_start, std::vector<Record>& out);
  void schedule(DueAfter after, Ms anchor);
  void resolve_episode();
  Outcome leave_unanswered(RecordKind kind, Ms now, std::vector<Record>& out);
  bool absent() const { return idle_ || locked_ || asleep_; }
  bool pending() const;
  bool suppressed(Ms t) const { return paused_ || quiet_at(t); }
  bool quiet_at(Ms t) const;
  std::optional<Ms> quiet_end_after(Ms t) const;
  Ms sitting_at(Ms t) const;
  Record make(RecordKind kind, Ms t) const;

  Settings settings_;
  Ms now_{};
  Ms local_offset_{};

  // Presence. The model starts with the user absent and no bout running.
  bool idle_ = true;
  bool locked_ = false;
  bool asleep_ = false;
  Ms present_since_{};
  Ms absent_since_{};
  bool away_open_ = false;  // `away` recorded, `back` not yet

  // The bout and the next prompt, which falls due at due_anchor_ + the DueAfter duration.
  std::optional<Ms> bout_start_;
  DueAfter due_after_ = DueAfter::interval;
  Ms due_anchor_{};
  Hold hold_ = Hold::none;
  Ms fell_due_{};  // when the held prompt fell due; busy holds it until max_defer after that

  // The prompt episode.
  EpisodeState episode_ = EpisodeState::none;
  Ms prompt_at_{};
  int attempts_ = 0;
  int snoozes_ = 0;

  bool paused_ = false;
  std::optional<Ms> pause_until_;

  BusyState busy_;
};

}  // namespace sitstretch::core
