#include "core/record.hpp"

#include <array>
#include <utility>

#include "core/sitting_model.hpp"

namespace sitstretch::core {
namespace {

constexpr std::array<std::pair<RecordKind, std::string_view>, 13> kKindNames{{
    {RecordKind::prompt, "prompt"},
    {RecordKind::accepted, "accepted"},
    {RecordKind::snoozed, "snoozed"},
    {RecordKind::skipped, "skipped"},
    {RecordKind::dismissed, "dismissed"},
    {RecordKind::ignored, "ignored"},
    {RecordKind::away, "away"},
    {RecordKind::back, "back"},
    {RecordKind::paused, "paused"},
    {RecordKind::resumed, "resumed"},
    {RecordKind::side, "side"},
    {RecordKind::busy, "busy"},
    {RecordKind::free, "free"},
}};

constexpr std::array<std::pair<Side, std::string_view>, 3> kSideNames{{
    {Side::left, "left"},
    {Side::right, "right"},
    {Side::even, "even"},
}};

constexpr std::array<std::pair<Signal, std::string_view>, 6> kSignalNames{{
    {Signal::active, "active"},
    {Signal::idle, "idle"},
    {Signal::locked, "locked"},
    {Signal::unlocked, "unlocked"},
    {Signal::sleep, "sleep"},
    {Signal::wake, "wake"},
}};

template <typename Table, typename Value>
std::string_view name_of(const Table& table, Value v) {
  for (const auto& [value, name] : table) {
    if (value == v) return name;
  }
  return "?";
}

template <typename Value, typename Table>
std::optional<Value> value_of(const Table& table, std::string_view word) {
  for (const auto& [value, name] : table) {
    if (name == word) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(RecordKind kind) {
  return name_of(kKindNames, kind);
}
std::optional<RecordKind> record_kind_from_string(std::string_view word) {
  return value_of<RecordKind>(kKindNames, word);
}
std::string_view to_string(Side side) {
  return name_of(kSideNames, side);
}
std::optional<Side> side_from_string(std::string_view word) {
  return value_of<Side>(kSideNames, word);
}
std::string_view to_string(Signal signal) {
  return name_of(kSignalNames, signal);
}
std::optional<Signal> signal_from_string(std::string_view word) {
  return value_of<Signal>(kSignalNames, word);
}

}  // namespace sitstretch::core
