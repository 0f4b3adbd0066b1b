#pragma once

#include <optional>

#include "core/sitting_model.hpp"

namespace sitstretch::busy {

// How often a busy source that signals no change (BusySource::needs_recheck) is asked again
// while a prompt is held, and how long before a prompt falls due it is asked once, so that the
// answer can hold that prompt.
inline constexpr core::Ms kHeldRecheck = std::chrono::seconds(2);
inline constexpr core::Ms kBeforePrompt = std::chrono::seconds(2);

// When to recheck next, given the model's state at `now` and the recheck planned before
// (kept while still ahead, so that frequent events do not postpone it): every kHeldRecheck while
// a prompt is held, kBeforePrompt before the next prompt, and never while neither is the case,
// so a daemon with nothing held does not wake for it.
std::optional<core::Ms> next_recheck(core::Ms now, const core::Snapshot& state,
                                     std::optional<core::Ms> planned);

}  // namespace sitstretch::busy
