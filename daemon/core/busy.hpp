#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace sitstretch::core {

// Why the desktop says the user must not be disturbed (SPEC §2 rule 9).
enum class BusyReason { dnd, fullscreen, camera, user };

inline constexpr std::array<BusyReason, 4> kBusyReasons{BusyReason::dnd, BusyReason::fullscreen,
                                                        BusyReason::camera, BusyReason::user};

std::string_view to_string(BusyReason reason);
std::optional<BusyReason> busy_reason_from_string(std::string_view word);

// A set of busy reasons: busy.when, or the reasons holding right now.
class BusyReasons {
 public:
  constexpr BusyReasons() = default;
  static constexpr BusyReasons all() { return BusyReasons(kAll); }

  constexpr bool has(BusyReason r) const { return (bits_ & bit(r)) != 0; }
  constexpr bool any() const { return bits_ != 0; }
  constexpr void add(BusyReason r) { bits_ = static_cast<std::uint8_t>(bits_ | bit(r)); }
  constexpr void remove(BusyReason r) { bits_ = static_cast<std::uint8_t>(bits_ & ~bit(r)); }
  constexpr bool operator==(const BusyReasons&) const = default;

 private:
  static constexpr std::uint8_t kAll = 0x0f;
  constexpr explicit BusyReasons(std::uint8_t bits) : bits_(bits) {}
  static constexpr std::uint8_t bit(BusyReason r) {
    return static_cast<std::uint8_t>(1u << static_cast<unsigned>(r));
  }
  std::uint8_t bits_ = 0;
};

// Which reasons the desktop reports busy, and which of them hold prompts: only those in
// busy.when. Reported reasons outside busy.when are remembered, without effect, so that a reload
// that adds them to busy.when can start holding at once.
class BusyState {
 public:
  // Each returns whether the reason's hold changed, i.e. whether a record is due.
  bool begin(BusyReason r, BusyReasons when);
  bool end(BusyReason r);

  // A new busy.when: sets `ended` to the reasons that stop holding, `begun` to those that start.
  void rewhen(BusyReasons when, BusyReasons& ended, BusyReasons& begun);

  const BusyReasons& held() const { return held_; }

 private:
  BusyReasons reported_;
  BusyReasons held_;
};

}  // namespace sitstretch::core
