#include "busy/recheck_plan.hpp"

namespace sitstretch::busy {

std::optional<core::Ms> next_recheck(core::Ms now, const core::Snapshot& state,
                                     std::optional<core::Ms> planned) {
  if (state.held_until) {
    if (planned && *planned > now) return planned;
    return now + kHeldRecheck;
  }
  if (state.next_prompt && *state.next_prompt - kBeforePrompt > now) {
    return *state.next_prompt - kBeforePrompt;
  }
  return std::nullopt;
}

}  // namespace sitstretch::busy
