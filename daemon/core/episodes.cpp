#include "core/episodes.hpp"

#include "core/record_json.hpp"

namespace sitstretch::core {
namespace {

class Folder {
 public:
  enum class State { before, awaiting, snoozed, ignored };
  void take(const Record& r) {
    switch (r.kind) {
      case RecordKind::prompt:
        prompt(r);
        break;
      case RecordKind::snoozed:
        if (require_open(r)) {
          ++open_->snoozes;
          states_.push_back({r.t, State::snoozed});
        }
        break;
      case RecordKind::ignored:
        if (require_open(r)) {
          ++open_->ignored;
          states_.push_back({r.t, State::ignored});
        }
        break;
      case RecordKind::accepted:
        if (r.prompted && require_open(r)) resolve(Resolution::accepted, r.t, true);
        break;
      case RecordKind::skipped:
        if (require_open(r)) resolve(Resolution::skipped, r.t, false);
        break;
      case RecordKind::dismissed:
        if (require_open(r)) resolve(Resolution::dismissed, r.t, false);
        break;
      case RecordKind::away:
        if (r.prompted && require_open(r)) {
          resolve(Resolution::took_break, r.t, state_at(r.since) != State::ignored);
        }
        break;
      default:
        break;
    }
  }

  EpisodeFold finish() {
    if (open_) fold_.episodes.push_back(*open_);
    return std::move(fold_);
  }

 private:
  void prompt(const Record& r) {
    if (r.attempt == 1) {
      if (open_) problem(r, "a first prompt while an episode is open");
      finish_open();
      open_ = Episode{};
      open_->first_prompt = r.t;
    } else if (!open_) {
      problem(r, "a re-prompt with no episode open");
      return;
    } else if (r.attempt != open_->prompts + 1) {
      problem(r, "attempt out of sequence");
    }
    ++open_->prompts;
    states_.push_back({r.t, State::awaiting});
  }

  // Where the episode stood at instant t; before its first prompt it stood nowhere yet. Of
  // records at the same instant the last counts: an absence that began as a prompt was ignored
  // began after it.
  State state_at(Ms t) const {
    State state = State::before;
    for (const auto& [at, s] : states_) {
      if (at > t) break;
      state = s;
    }
    return state;
  }

  bool require_open(const Record& r) {
    if (!open_) problem(r, "an answer with no episode open");
    return open_.has_value();
  }

  void resolve(Resolution how, Ms t, bool complied) {
    open_->resolution = how;
    open_->resolved_at = t;
    open_->complied = complied;
    finish_open();
  }

  void finish_open() {
    if (open_) fold_.episodes.push_back(*open_);
    open_.reset();
    states_.clear();
  }

  void problem(const Record& r, const char* what) {
    fold_.problems.push_back(decimal_seconds(r.t) + " " + std::string(to_string(r.kind)) + ": " +
                             what);
  }

  EpisodeFold fold_;
  std::optional<Episode> open_;
  std::vector<std::pair<Ms, State>> states_;  // of the open episode, in time order
};

}  // namespace

EpisodeFold fold_episodes(const std::vector<Record>& records) {
  Folder folder;
  for (const Record& r : records) folder.take(r);
  return folder.finish();
}

std::optional<double> compliance_rate(const std::vector<Episode>& episodes) {
  int resolved = 0;
  int complied = 0;
  for (const Episode& e : episodes) {
    if (!e.resolution) continue;
    ++resolved;
    if (e.complied) ++complied;
  }
  if (resolved == 0) return std::nullopt;
  return static_cast<double>(complied) / resolved;
}

}  // namespace sitstretch::core
