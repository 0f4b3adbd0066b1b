#pragma once

#include <vector>

#include "core/record.hpp"
#include "stats/bouts.hpp"

namespace sitstretch::stats {

// The prompts that busy held (SPEC §2 rule 9), each as the span from when its hold began to the
// `prompt` record that ended it, in time order. doc/stats.md explains the choices; in short:
//
// A prompt was held by busy when its record comes at the instant a `free` left no reason
// holding (busy ended and it came at once), or while a reason still holds (busy.max_defer ran
// out). The log does not say when a held prompt fell due, so its hold is counted from the
// latest instant the records prove it had not yet fallen due: the start of the busy spell, the
// start of the bout (its `sitting` before the prompt), the previous prompt or answer, or, for a
// re-prompt after a snooze, the snooze's end (exactly when it fell due). The span is therefore
// the hold or longer, never shorter; it is exact when the prompt fell due as busy began, or at
// the end of a snooze.
//
// Whether a prompt was held depends on busy spells that may have begun long before it, so the
// records given must start with the `busy` record of each spell still going on at their first
// record (busy_at_end of the earlier records; Store::busy_before). Otherwise a `free` of a reason
// not seen starting is taken to end a spell that began before the records, and a prompt that came
// at max_defer inside a spell whose `busy` record is missing is not seen as held. Records must be
// in time order, as Store::records returns them.
std::vector<Interval> held_prompts(const std::vector<core::Record>& utc_records);

// The `busy` record of each reason still busy after the records, oldest first.
std::vector<core::Record> busy_at_end(const std::vector<core::Record>& utc_records);

}  // namespace sitstretch::stats
