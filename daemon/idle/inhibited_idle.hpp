#pragma once

#include <gio/gio.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <memory>

#include "idle/inhibit_watch.hpp"
#include "idle/presence_source.hpp"

namespace sitstretch::idle {

// The inhibitor rule (idle.inhibited_is_sitting) for a source whose idleness is input only (the
// X11 ones): wraps it and, while logind's BlockInhibited contains "idle", the user counts as
// present. An `idle` from the inner source is held, and one already reported is followed by
// `active` when the inhibitor appears. When the inhibitor goes, presence counts from that
// moment: `idle` follows a threshold later if no input came, dated at the inhibitor's end.
// One timer, armed only then. Runs on the loop thread; the inhibitor is read through GDBus on
// the thread-default GMainContext, the inner source through `io`.
class InhibitedIdle final : public IdleSource {
 public:
  // The inner source must have been opened with on_inner() as its sink: make() wires that.
  using OpenInner = std::function<std::unique_ptr<IdleSource>(PresenceSink sink)>;
  // Returns the inner source alone (unwrapped) when there is no system bus.
  static std::unique_ptr<IdleSource> make(boost::asio::io_context& io, PresenceSink sink,
                                          BootClock clock, core::Ms idle_after,
                                          const OpenInner& open_inner, std::string* error);
  ~InhibitedIdle() override;

  std::string_view name() const override { return inner_->name(); }
  void set_threshold(core::Ms idle_after) override;
  std::optional<core::Ms> idle_for() override;

 private:
  InhibitedIdle(boost::asio::io_context& io, PresenceSink sink, BootClock clock,
                core::Ms idle_after);
  void on_inner(const PresenceEvent& event);
  void on_inhibited(bool inhibited);
  void arm_at(core::Ms at);
  void report(core::Signal signal, core::Ms at);

  std::unique_ptr<IdleSource> inner_;
  std::unique_ptr<InhibitWatch> watch_;
  PresenceSink sink_;
  BootClock clock_;
  core::Ms threshold_;
  boost::asio::steady_timer timer_;
  bool inner_idle_ = false;     // the inner source said `idle` and no `active` since
  core::Ms last_input_{0};      // when, by the inner source's `idle`
  bool reported_idle_ = false;  // we said `idle` and no `active` since
  bool inhibited_ = false;
  core::Ms inhibit_over_at_{0};  // boot clock when the last inhibitor went
};

}  // namespace sitstretch::idle
