#include "core/busy.hpp"

namespace sitstretch::core {
namespace {

constexpr std::array<std::string_view, 4> kReasonNames{"dnd", "fullscreen", "camera", "user"};

}  // namespace

std::string_view to_string(BusyReason reason) {
  return kReasonNames[static_cast<std::size_t>(reason)];
}

std::optional<BusyReason> busy_reason_from_string(std::string_view word) {
  for (BusyReason r : kBusyReasons) {
    if (to_string(r) == word) return r;
  }
  return std::nullopt;
}

bool BusyState::begin(BusyReason r, BusyReasons when) {
  reported_.add(r);
  if (!when.has(r) || held_.has(r)) return false;
  held_.add(r);
  return true;
}

bool BusyState::end(BusyReason r) {
  reported_.remove(r);
  if (!held_.has(r)) return false;
  held_.remove(r);
  return true;
}

void BusyState::rewhen(BusyReasons when, BusyReasons& ended, BusyReasons& begun) {
  ended = {};
  begun = {};
  for (BusyReason r : kBusyReasons) {
    const bool holds = reported_.has(r) && when.has(r);
    if (held_.has(r) && !holds) ended.add(r);
    if (!held_.has(r) && holds) begun.add(r);
  }
  held_ = {};
  for (BusyReason r : kBusyReasons) {
    if (reported_.has(r) && when.has(r)) held_.add(r);
  }
}

}  // namespace sitstretch::core
