#include "stats/held.hpp"

#include <algorithm>
#include <limits>

namespace sitstretch::stats {
namespace {

using core::RecordKind;

constexpr core::Ms kLongAgo{std::numeric_limits<core::Ms::rep>::min()};

// The busy reasons holding, as the busy and free records tell.
class BusySpell {
 public:
  void busy(const core::Record& r) {
    if (!held_.any()) start_ = r.t;
    held_.add(r.reason);
  }

  void free(const core::Record& r) {
    // A free of a reason not seen starting began before the records: the spell did too.
    if (!held_.has(r.reason)) start_ = kLongAgo;
    held_.remove(r.reason);
    if (!held_.any()) {
      ended_at_ = r.t;
      ended_start_ = start_;
    }
  }

  // When the spell that holds, or ended at `t`, began; nothing if no spell held a prompt at t.
  std::optional<core::Ms> holding_since(core::Ms t) const {
    if (held_.any()) return start_;
    if (ended_at_ == t) return ended_start_;
    return std::nullopt;
  }

 private:
  core::BusyReasons held_;
  core::Ms start_ = kLongAgo;
  std::optional<core::Ms> ended_at_;
  core::Ms ended_start_ = kLongAgo;
};

// The latest instant the records show the next prompt had not fallen due yet. A snooze's end is
// when its re-prompt falls due.
core::Ms not_due_before(const core::Record& r) {
  if (r.kind == RecordKind::snoozed && r.until) return *r.until;
  return r.t;
}

bool sets_the_clock(RecordKind kind) {
  switch (kind) {
    case RecordKind::prompt:
    case RecordKind::accepted:
    case RecordKind::snoozed:
    case RecordKind::skipped:
    case RecordKind::dismissed:
    case RecordKind::ignored:
    case RecordKind::away:
    case RecordKind::back:
    case RecordKind::resumed:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::vector<Interval> held_prompts(const std::vector<core::Record>& records) {
  std::vector<Interval> out;
  BusySpell spell;
  core::Ms not_due = kLongAgo;
  for (const core::Record& r : records) {
    if (r.kind == RecordKind::busy) spell.busy(r);
    if (r.kind == RecordKind::free) spell.free(r);
    if (r.kind == RecordKind::prompt) {
      if (auto since = spell.holding_since(r.t)) {
        const core::Ms start = std::max({*since, not_due, r.t - r.sitting});
        out.push_back({std::min(start, r.t), r.t});
      }
    }
    if (sets_the_clock(r.kind)) not_due = not_due_before(r);
  }
  return out;
}

std::vector<core::Record> busy_at_end(const std::vector<core::Record>& records) {
  std::vector<core::Record> out;
  for (const core::Record& r : records) {
    if (r.kind != RecordKind::busy && r.kind != RecordKind::free) continue;
    std::erase_if(out, [&](const core::Record& b) { return b.reason == r.reason; });
    if (r.kind == RecordKind::busy) out.push_back(r);
  }
  return out;
}

}  // namespace sitstretch::stats
