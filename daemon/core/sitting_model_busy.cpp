// Rule 9 of SPEC §2: busy reasons hold prompts. The rest of the model is in sitting_model.cpp;
// this file keeps the busy bookkeeping apart so that one stays readable.
#include "core/sitting_model.hpp"

namespace sitstretch::core {

void SittingModel::busy_begins(BusyReason reason, Ms now, std::vector<Record>& out) {
  advance(now, out);
  // A prompt already shown stays, and its answer timer runs on: only prompts that fall due
  // from now on are held.
  if (busy_.begin(reason, settings_.busy_when)) record_busy(RecordKind::busy, reason, out);
}

void SittingModel::busy_ends(BusyReason reason, Ms now, std::vector<Record>& out) {
  advance(now, out);
  if (!busy_.end(reason)) return;
  record_busy(RecordKind::free, reason, out);
  if (hold_ == Hold::busy && !busy_.held().any()) release_hold(now_, out);
}

// Busy only holds while max_defer has not run out since the prompt fell due: after that the
// prompt comes whatever the busy state.
bool SittingModel::busy_holds(Ms t) const {
  return busy_.held().any() && t < fell_due_ + settings_.max_defer;
}

// A reload may change busy.when: held reasons it drops end now and reasons it adds that the
// desktop reports start now, each recorded, so the log stays a faithful trace of what held.
void SittingModel::apply_busy_when(std::vector<Record>& out) {
  BusyReasons ended;
  BusyReasons begun;
  busy_.rewhen(settings_.busy_when, ended, begun);
  for (BusyReason r : kBusyReasons) {
    if (ended.has(r)) record_busy(RecordKind::free, r, out);
  }
  for (BusyReason r : kBusyReasons) {
    if (begun.has(r)) record_busy(RecordKind::busy, r, out);
  }
  if (hold_ == Hold::busy && !busy_.held().any()) release_hold(now_, out);
}

void SittingModel::record_busy(RecordKind kind, BusyReason reason, std::vector<Record>& out) const {
  Record r = make(kind, now_);
  r.reason = reason;
  out.push_back(r);
}

}  // namespace sitstretch::core
