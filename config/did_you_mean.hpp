#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace sitstretch::config {

// Edit distance (optimal string alignment: insertions, deletions, substitutions and swaps of
// neighbours each cost 1), ignoring ASCII case, since "Interval" is the same slip as "intervl".
int edit_distance(std::string_view a, std::string_view b);

// The candidate closest to word if it is a plausible typo of it: at most 1 edit for words of up
// to 4 letters, 2 for longer ones. Ties go to the earlier candidate.
std::optional<std::string_view> closest_match(std::string_view word,
                                              std::span<const std::string_view> candidates);

}  // namespace sitstretch::config
