#include "core/sitting_model.hpp"

#include <algorithm>
#include <array>

namespace sitstretch::core {

SittingModel::SittingModel(Settings settings) : settings_(std::move(settings)) {}

// --- Timers ---------------------------------------------------------------------------------
//
// No timer is stored: each deadline is derived from the state and the settings, so a reload
// moves every running deadline with it. Timers due at the same instant fire in the order of the
// Timer enum: a break first (it ends the bout, so a prompt due then never fires), the prompt
// last. A prompt held while busy fires max_defer after it fell due (rule 9).

std::optional<SittingModel::Due> SittingModel::next_timer() const {
  std::optional<Due> best;
  auto consider = [&](Ms at, Timer timer) {
    if (!best || at < best->at) best = Due{at, timer};
  };
  if (bout_start_ && absent()) consider(absent_since_ + settings_.break_after, Timer::break_starts);
  if (paused_ && pause_until_) consider(*pause_until_, Timer::pause_ends);
  if (episode_ == EpisodeState::awaiting) {
    consider(prompt_at_ + settings_.answer_within, Timer::answer_runs_out);
  }
  if (hold_ == Hold::pause && !paused_) {
    if (auto end = quiet_end_after(now_)) consider(*end, Timer::quiet_ends);
  }
  if (hold_ == Hold::busy) consider(fell_due_ + settings_.max_defer, Timer::defer_ends);
  if (auto at = prompt_due_at()) consider(*at, Timer::prompt_due);
  return best;
}

std::optional<Ms> SittingModel::prompt_due_at() const {
  if (!bout_start_ || hold_ != Hold::none || episode_ == EpisodeState::awaiting) return {};
  const Ms wait = due_after_ == DueAfter::interval ? settings_.interval
                  : due_after_ == DueAfter::snooze ? settings_.snooze
                                                   : settings_.repeat_after;
  return due_anchor_ + wait;
}

std::optional<Ms> SittingModel::next_deadline() const {
  auto due = next_timer();
  if (!due) return std::nullopt;
  return due->at;
}

void SittingModel::advance(Ms now, std::vector<Record>& out) {
  while (auto due = next_timer()) {
    if (due->at > now) break;
    now_ = std::max(now_, due->at);
    fire(due->timer, now_, out);
  }
  now_ = std::max(now_, now);
}

void SittingModel::fire(Timer timer, Ms t, std::vector<Record>& out) {
  switch (timer) {
    case Timer::break_starts:
      take_break(t, out);
      break;
    case Timer::pause_ends: {
      Record r = make(RecordKind::resumed, t);
      r.until = pause_until_;
      out.push_back(r);
      end_pause(t, out);
      break;
    }
    case Timer::answer_runs_out: {
      out.push_back(make(RecordKind::ignored, t));
      episode_ = EpisodeState::ignored;
      schedule(DueAfter::repeat, t);
      break;
    }
    case Timer::quiet_ends:
    case Timer::defer_ends:
      release_hold(t, out);
      break;
    case Timer::prompt_due:
      prompt_due(t, out);
      break;
  }
}

void SittingModel::prompt_due(Ms t, std::vector<Record>& out) {
  fell_due_ = t;
  hold_ = hold_at(t);
  if (hold_ == Hold::none) fire_prompt(t, out);
}

// What holds a prompt due at t. Rule 5: no prompt while locked or asleep; rules 6 and 7: none
// while paused or in quiet hours; rule 9: none while busy, for max_defer at most. The first that
// applies wins, so a lock outlasting busy holds the prompt until the unlock.
SittingModel::Hold SittingModel::hold_at(Ms t) const {
  if (locked_ || asleep_) return Hold::lock;
  if (suppressed(t)) return Hold::pause;
  if (busy_holds(t)) return Hold::busy;
  return Hold::none;
}

void SittingModel::fire_prompt(Ms t, std::vector<Record>& out) {
  hold_ = Hold::none;
  attempts_ = episode_ == EpisodeState::none ? 1 : attempts_ + 1;
  episode_ = EpisodeState::awaiting;
  prompt_at_ = t;
  Record r = make(RecordKind::prompt, t);
  r.attempt = attempts_;
  out.push_back(r);
}

// Rule 2: the bout ended when the absence began; the break resolves any open episode.
void SittingModel::take_break(Ms t, std::vector<Record>& out) {
  Record r = make(RecordKind::away, t);
  r.since = absent_since_;
  r.sitting = std::max(Ms{}, absent_since_ - *bout_start_);
  r.prompted = episode_ != EpisodeState::none;
  out.push_back(r);
  resolve_episode();
  bout_start_.reset();
  hold_ = Hold::none;
  away_open_ = true;
}

void SittingModel::end_pause(Ms t, std::vector<Record>& out) {
  paused_ = false;
  pause_until_.reset();
  if (hold_ == Hold::pause) release_hold(t, out);
}

// A prompt held by a pause or quiet hours comes repeat_after once both are over (rule 6); one
// held by a lock, suspend or busy comes at once when that ends (rules 5 and 9), unless another
// rule holds it further.
void SittingModel::release_hold(Ms t, std::vector<Record>& out) {
  if (hold_ == Hold::none) return;
  if (hold_ == Hold::pause) {
    if (!suppressed(t)) schedule(DueAfter::repeat, t);
    return;
  }
  hold_ = hold_at(t);
  if (hold_ == Hold::none) fire_prompt(t, out);
}

void SittingModel::schedule(DueAfter after, Ms anchor) {
  due_after_ = after;
  due_anchor_ = anchor;
  hold_ = Hold::none;
}

void SittingModel::resolve_episode() {
  episode_ = EpisodeState::none;
  attempts_ = 0;
  snoozes_ = 0;
}

// --- Presence ------------------------------------------------------------------------------

void SittingModel::signal(Signal s, Ms now, std::vector<Record>& out,
                          std::optional<Ms> last_input) {
  advance(now, out);
  const bool was_absent = absent();
  Ms absence_start = now_;
  switch (s) {
    case Signal::active:
      idle_ = false;
      break;
    case Signal::idle:
      idle_ = true;
      // Idle is noticed after the fact; the absence began with the last input, but never before
      // the user was last seen arriving.
      if (last_input) absence_start = std::clamp(*last_input, present_since_, now_);
      break;
    case Signal::locked:
      locked_ = true;
      break;
    case Signal::unlocked:
      locked_ = false;
      idle_ = false;  // unlocking takes input
      break;
    case Signal::sleep:
      asleep_ = true;
      break;
    case Signal::wake:
      // Waking alone is no sign of the user: the absence goes on until input.
      if (asleep_) idle_ = true;
      asleep_ = false;
      break;
  }
  presence_changed(was_absent, now_, absence_start, out);
  if (hold_ == Hold::lock) release_hold(now_, out);
}

void SittingModel::presence_changed(bool was_absent, Ms now, Ms absence_start,
                                    std::vector<Record>& out) {
  if (!was_absent && absent()) {
    absent_since_ = absence_start;
    // The absence may already be break_after long when it is reported.
    advance(now, out);
  } else if (was_absent && !absent()) {
    present_since_ = now;
    if (away_open_) {
      Record r = make(RecordKind::back, now);
      r.away = now - absent_since_;
      out.push_back(r);
      away_open_ = false;
    }
    if (!bout_start_) {
      bout_start_ = now;
      schedule(DueAfter::interval, now);
    }
  }
}

// --- User actions ----------------------------------------------------------------------------

bool SittingModel::pending() const {
  return episode_ == EpisodeState::awaiting || episode_ == EpisodeState::ignored;
}

Outcome SittingModel::done(Ms now, std::vector<Record>& out) {
  advance(now, out);
  Record r = make(RecordKind::accepted, now_);
  r.prompted = episode_ != EpisodeState::none;
  out.push_back(r);
  resolve_episode();
  if (bout_start_) {
    bout_start_ = now_;
    schedule(DueAfter::interval, now_);
  }
  return Outcome::ok;
}

Outcome SittingModel::snooze(Ms now, std::vector<Record>& out) {
  advance(now, out);
  if (!pending()) return Outcome::nothing_pending;
  if (snoozes_ >= settings_.max_snoozes) return Outcome::no_snoozes_left;
  ++snoozes_;
  episode_ = EpisodeState::snoozed;
  schedule(DueAfter::snooze, now_);
  Record r = make(RecordKind::snoozed, now_);
  r.until = now_ + settings_.snooze;
  out.push_back(r);
  return Outcome::ok;
}

Outcome SittingModel::skip(Ms now, std::vector<Record>& out) {
  return leave_unanswered(RecordKind::skipped, now, out);
}

Outcome SittingModel::dismiss(Ms now, std::vector<Record>& out) {
  return leave_unanswered(RecordKind::dismissed, now, out);
}

// Rule 4: skip and dismiss resolve the episode unanswered; the bout goes on, and the next
// prompt comes a full interval later.
Outcome SittingModel::leave_unanswered(RecordKind kind, Ms now, std::vector<Record>& out) {
  advance(now, out);
  if (!pending()) return Outcome::nothing_pending;
  out.push_back(make(kind, now_));
  resolve_episode();
  schedule(DueAfter::interval, now_);
  return Outcome::ok;
}

Outcome SittingModel::pause(Ms now, std::optional<Ms> duration, std::vector<Record>& out) {
  advance(now, out);
  paused_ = true;
  pause_until_.reset();
  if (duration) pause_until_ = now_ + *duration;
  Record r = make(RecordKind::paused, now_);
  r.until = pause_until_;
  out.push_back(r);
  return Outcome::ok;
}

Outcome SittingModel::resume(Ms now, std::vector<Record>& out) {
  advance(now, out);
  if (!paused_) return Outcome::not_paused;
  Record r = make(RecordKind::resumed, now_);
  r.until = pause_until_;
  out.push_back(r);
  end_pause(now_, out);
  return Outcome::ok;
}

Outcome SittingModel::report_side(Ms now, Side side, std::vector<Record>& out) {
  advance(now, out);
  Record r = make(RecordKind::side, now_);
  r.side = side;
  out.push_back(r);
  return Outcome::ok;
}

void SittingModel::reconfigure(Settings settings, Ms now, std::vector<Record>& out) {
  advance(now, out);
  settings_ = std::move(settings);
  apply_busy_when(out);
  // A snooze count above a lowered max_snoozes simply leaves none; deadlines that the new
  // settings put in the past fire now.
  advance(now, out);
}

// --- Quiet hours -----------------------------------------------------------------------------

namespace {

Ms time_of_day(Ms local) {
  return ((local % kDay) + kDay) % kDay;
}

bool in_range(const QuietRange& q, Ms tod) {
  const Ms start = std::chrono::minutes(q.start_min);
  const Ms end = std::chrono::minutes(q.end_min);
  if (start <= end) return tod >= start && tod < end;
  return tod >= start || tod < end;
}

}  // namespace

bool SittingModel::quiet_at(Ms t) const {
  const Ms tod = time_of_day(t + local_offset_);
  return std::any_of(settings_.quiet.begin(), settings_.quiet.end(),
                     [&](const QuietRange& q) { return in_range(q, tod); });
}

// The first instant at or after t outside every quiet range; ranges may chain into each other,
// and if together they cover the whole day quiet hours never end.
std::optional<Ms> SittingModel::quiet_end_after(Ms t) const {
  Ms at = t;
  for (std::size_t i = 0; i <= settings_.quiet.size(); ++i) {
    const Ms tod = time_of_day(at + local_offset_);
    Ms furthest = at;
    for (const QuietRange& q : settings_.quiet) {
      if (!in_range(q, tod)) continue;
      Ms to_end = std::chrono::minutes(q.end_min) - tod;
      if (to_end <= Ms{}) to_end += kDay;
      furthest = std::max(furthest, at + to_end);
    }
    if (furthest == at) return at;
    at = furthest;
  }
  return std::nullopt;
}

// --- Views -----------------------------------------------------------------------------------

Ms SittingModel::sitting_at(Ms t) const {
  if (!bout_start_) return Ms{};
  return std::max(Ms{}, t - *bout_start_);
}

Record SittingModel::make(RecordKind kind, Ms t) const {
  Record r;
  r.t = t;
  r.kind = kind;
  r.sitting = sitting_at(t);
  return r;
}

Snapshot SittingModel::snapshot(Ms now) const {
  Snapshot s;
  s.sitting = bout_start_.has_value();
  s.sitting_for = sitting_at(now);
  s.absent = absent();
  s.episode = episode_;
  s.prompt_pending = pending();
  s.attempt = attempts_;
  s.snoozes_left = std::max(0, settings_.max_snoozes - snoozes_);
  s.paused = paused_;
  s.paused_until = pause_until_;
  s.quiet = quiet_at(now);
  s.next_prompt = prompt_due_at();
  s.busy = busy_.held();
  if (hold_ == Hold::busy) s.held_until = fell_due_ + settings_.max_defer;
  return s;
}

}  // namespace sitstretch::core
