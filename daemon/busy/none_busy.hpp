#pragma once

#include <string>

#include "busy/busy_source.hpp"

namespace sitstretch::busy {

// A reason in busy.when that nothing on this desktop can report: it never says busy, and
// describe() says why, e.g. "fullscreen: none (GNOME on Wayland tells no client which window is
// fullscreen)", so that status and doctor show it rather than a guess.
class NoBusySource final : public BusySource {
 public:
  NoBusySource(core::BusyReason reason, std::string why) : reason_(reason), why_(std::move(why)) {}

  core::BusyReason reason() const override { return reason_; }
  std::string describe() const override {
    return std::string(core::to_string(reason_)) + ": none (" + why_ + ")";
  }

 private:
  core::BusyReason reason_;
  std::string why_;
};

}  // namespace sitstretch::busy
