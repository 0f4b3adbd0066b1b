#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/record.hpp"
#include "core/settings.hpp"
#include "core/time.hpp"

namespace sitstretch::stretch {

// Where a guided stretch stands: holding side 1, holding side 2, or asking which side was
// tighter (it stays there until answered or left).
struct GuideView {
  enum class Step { hold, ask };
  Step step = Step::hold;
  int number = 1;                      // 1 or 2 while holding
  core::Side side = core::Side::left;  // the side on the book while holding
  core::Ms remaining{};                // of this side's hold
  bool operator==(const GuideView&) const = default;
};

// The guided book stretch in simulated time: side 1 for `hold`, side 2 for `hold`, then the
// question. Pure: the caller passes `now` and arms a timer for next_update().
class Guide {
 public:
  // How often the countdown may change what it shows.
  static constexpr core::Ms kUpdateEvery = std::chrono::seconds(5);

  Guide(core::Ms start, core::Ms hold, core::Side first);

  GuideView at(core::Ms now) const;
  // When the view should next be shown anew: every kUpdateEvery within a hold, and at the start
  // of each step; nothing once the question is up.
  std::optional<core::Ms> next_update(core::Ms now) const;
  core::Side first() const { return first_; }

 private:
  core::Ms start_;
  core::Ms hold_;
  core::Side first_;
};

// How many of the latest tighter-side reports decide the first side and the trend.
inline constexpr std::size_t kRecentReports = 7;

// The sides of `side` records, in their order.
std::vector<core::Side> sides_of(const std::vector<core::Record>& side_records);

// stretch.first_side: "auto" starts with the side reported less tight, by majority of the last
// seven reports (left when there are none, or no majority); "left" and "right" are fixed.
// `reports` are the side reports in time order.
core::Side first_side(core::FirstSide setting, const std::vector<core::Side>& reports);

// "right tighter in 5 of the last 7", "about even in 3 of the last 4", or "no side reported yet".
std::string side_trend(const std::vector<core::Side>& reports);

}  // namespace sitstretch::stretch
