#pragma once

#include <memory>
#include <string>
#include <vector>

#include "busy/busy_source.hpp"
#include "core/busy.hpp"

namespace sitstretch::busy {

// The busy sources of the reasons in busy.when (`user` is the daemon's own, from the control
// socket, and has none here). Sources for reasons left out of busy.when are not started at all,
// so turning a reason off also stops its watching.
class BusyWatch {
 public:
  // The context's sink hears every change the sources report.
  BusyWatch(BusyContext context, core::BusyReasons when);
  ~BusyWatch();
  BusyWatch(const BusyWatch&) = delete;
  BusyWatch& operator=(const BusyWatch&) = delete;

  // A new busy.when (a reload): starts the sources of reasons added, stops those of reasons left
  // out, and keeps the others running. Returns the reasons whose stopped sources had last said
  // busy; the caller ends them, as no source will.
  core::BusyReasons set_when(core::BusyReasons when);

  // The reasons the running sources last reported busy.
  core::BusyReasons busy() const { return busy_; }

  // One line per running source (BusySource::describe), for status and doctor.
  std::vector<std::string> describe() const;

  // Asks again of the sources that cannot signal changes (BusySource::recheck).
  void recheck();
  // Whether any running source learns of changes only by recheck().
  bool needs_recheck() const;

 private:
  void on_change(core::BusyReason reason, bool busy);
  void start(core::BusyReasons reasons);

  BusyContext context_;  // its sink is on_change, which passes changes on to `sink_`
  BusySink sink_;
  core::BusyReasons when_;
  core::BusyReasons busy_;
  std::vector<std::unique_ptr<BusySource>> sources_;
};

// The sources for the reasons in `reasons` that this desktop offers (busy_sources.cpp).
std::vector<std::unique_ptr<BusySource>> make_busy_sources(const BusyContext& context,
                                                           core::BusyReasons reasons);

}  // namespace sitstretch::busy
