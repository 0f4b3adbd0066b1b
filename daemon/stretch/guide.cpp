#include "stretch/guide.hpp"

#include <algorithm>

namespace sitstretch::stretch {
namespace {

core::Side other(core::Side s) {
  return s == core::Side::left ? core::Side::right : core::Side::left;
}

struct Tally {
  int left = 0, right = 0, even = 0, total = 0;
};

Tally tally_recent(const std::vector<core::Side>& reports) {
  Tally t;
  const std::size_t from = reports.size() > kRecentReports ? reports.size() - kRecentReports : 0;
  for (std::size_t i = from; i < reports.size(); ++i) {
    ++t.total;
    switch (reports[i]) {
      case core::Side::left:
        ++t.left;
        break;
      case core::Side::right:
        ++t.right;
        break;
      case core::Side::even:
        ++t.even;
        break;
    }
  }
  return t;
}

}  // namespace

Guide::Guide(core::Ms start, core::Ms hold, core::Side first)
    : start_(start), hold_(hold), first_(first == core::Side::right ? first : core::Side::left) {}

GuideView Guide::at(core::Ms now) const {
  const core::Ms elapsed = std::max(core::Ms{}, now - start_);
  GuideView v;
  if (elapsed >= 2 * hold_) {
    v.step = GuideView::Step::ask;
    v.number = 2;
    v.side = other(first_);
    return v;
  }
  const bool second = elapsed >= hold_;
  v.number = second ? 2 : 1;
  v.side = second ? other(first_) : first_;
  v.remaining = (second ? 2 * hold_ : hold_) - elapsed;
  return v;
}

std::optional<core::Ms> Guide::next_update(core::Ms now) const {
  const core::Ms elapsed = std::max(core::Ms{}, now - start_);
  if (elapsed >= 2 * hold_) return std::nullopt;
  const core::Ms step_start = elapsed >= hold_ ? hold_ : core::Ms{};
  const core::Ms in_step = elapsed - step_start;
  const core::Ms tick = (in_step / kUpdateEvery + 1) * kUpdateEvery;  // next 5 s mark of the step
  return start_ + std::min(step_start + tick, step_start + hold_);
}

std::vector<core::Side> sides_of(const std::vector<core::Record>& side_records) {
  std::vector<core::Side> out;
  for (const core::Record& r : side_records) out.push_back(r.side);
  return out;
}

core::Side first_side(core::FirstSide setting, const std::vector<core::Side>& reports) {
  if (setting == core::FirstSide::left) return core::Side::left;
  if (setting == core::FirstSide::right) return core::Side::right;
  const Tally t = tally_recent(reports);
  // Start with the easier side: the one that was not the tighter one more often.
  if (t.right > t.left && t.right > t.even) return core::Side::left;
  if (t.left > t.right && t.left > t.even) return core::Side::right;
  return core::Side::left;
}

std::string side_trend(const std::vector<core::Side>& reports) {
  const Tally t = tally_recent(reports);
  if (t.total == 0) return "no side reported yet";
  const int most = std::max({t.left, t.right, t.even});
  const std::string of = " in " + std::to_string(most) + " of the last " + std::to_string(t.total);
  if ((t.left == most) + (t.right == most) + (t.even == most) > 1) {
    return "no clear tighter side in the last " + std::to_string(t.total);
  }
  if (t.right == most) return "right tighter" + of;
  if (t.left == most) return "left tighter" + of;
  return "about even" + of;
}

}  // namespace sitstretch::stretch
