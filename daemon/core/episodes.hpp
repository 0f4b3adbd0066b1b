#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/record.hpp"

namespace sitstretch::core {

enum class Resolution { accepted, skipped, dismissed, took_break };

// A prompt episode as the records tell it: a first prompt, its re-prompts and snoozes, and at
// most one resolution.
struct Episode {
  Ms first_prompt{};
  int prompts = 0;
  int snoozes = 0;
  int ignored = 0;
  std::optional<Resolution> resolution;
  Ms resolved_at{};
  // SPEC §2: done, or a break whose absence began while a prompt awaited an answer or during a
  // snooze (or before the first prompt, which then fired while the user was already away).
  // Skip, dismiss, and a break that began after the latest prompt was ignored are not.
  bool complied = false;
};

struct EpisodeFold {
  std::vector<Episode> episodes;
  // Records that cannot belong to a well-formed sequence (an answer outside an episode, a
  // second resolution, a re-prompt with no episode); empty for anything the model produces.
  std::vector<std::string> problems;
};

// Groups records (in time order) into prompt episodes.
EpisodeFold fold_episodes(const std::vector<Record>& records);

// Complied episodes divided by resolved ones; nothing when none resolved.
std::optional<double> compliance_rate(const std::vector<Episode>& episodes);

}  // namespace sitstretch::core
