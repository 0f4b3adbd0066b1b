#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "idle/presence_source.hpp"

namespace sitstretch::idle {

class WaylandConnection;

// One Wayland idle protocol's notification object (ext-idle-notify-v1, org_kde_kwin_idle), made
// and remade by WaylandIdleSource. Both protocols share the shape "notify me once input stopped
// for T ms, and again when it resumes"; only the requests differ.
class WaylandIdleProtocol {
 public:
  // What the notification object reports; called from the connection's event dispatch.
  class Events {
   public:
    virtual void idled() = 0;
    virtual void resumed() = 0;

   protected:
    ~Events() = default;
  };

  virtual ~WaylandIdleProtocol() = default;
  // Replaces the notification object with one for timeout_ms, reporting to events.
  virtual void watch(std::uint32_t timeout_ms, Events& events) = 0;
};

// An IdleSource over a Wayland idle protocol. The compositor does the timing, so the daemon
// wakes only on transitions, never while the user types:
//   `idled`   -> report `idle` dated at (now - timeout): the compositor's timer restarts at each
//                input, so that is when the last input happened;
//   `resumed` -> report `active` at now.
// The protocols do not tell how long input has been stopped, so a new threshold counts from the
// moment it is set, and idle_for() knows only the length of an idleness already reported.
class WaylandIdleSource final : public IdleSource, private WaylandIdleProtocol::Events {
 public:
  WaylandIdleSource(std::string name, std::unique_ptr<WaylandConnection> connection,
                    std::unique_ptr<WaylandIdleProtocol> protocol, PresenceSink sink,
                    BootClock clock, core::Ms idle_after);
  ~WaylandIdleSource() override;

  std::string_view name() const override { return name_; }
  void set_threshold(core::Ms idle_after) override;
  std::optional<core::Ms> idle_for() override;

 private:
  void idled() override;
  void resumed() override;
  void watch();
  void emit(core::Signal signal, core::Ms at);

  std::string name_;
  std::unique_ptr<WaylandConnection> connection_;  // declared before protocol_: outlives it
  std::unique_ptr<WaylandIdleProtocol> protocol_;
  PresenceSink sink_;
  BootClock clock_;
  core::Ms threshold_;
  core::Ms watched_{0};  // the timeout of the live notification object
  bool idle_ = false;    // `idle` reported and no `active` since
  core::Ms idle_at_{0};  // the `at` of that `idle`
};

}  // namespace sitstretch::idle
