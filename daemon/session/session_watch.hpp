#pragma once

#include <functional>
#include <memory>
#include <string>

#include "core/sitting_model.hpp"
#include "core/time.hpp"
#include "session/log_sink.hpp"

namespace sitstretch::session {

class LogindSource;
class ScreensaverSource;

// Receives presence signals: locked, unlocked, sleep or wake, stamped with the boot clock.
using PresenceSink = std::function<void(core::Signal signal, core::Ms at)>;
// CLOCK_BOOTTIME milliseconds (session::boottime_now in the daemon, a fixed value in tests).
using BootClock = std::function<core::Ms()>;

// Screen lock and suspend from D-Bus, merged into one stream of changes:
//  - logind (system bus): our session's Lock/Unlock and LockedHint, the manager's
//    PrepareForSleep;
//  - screen lockers (session bus): org.freedesktop.ScreenSaver and org.gnome.ScreenSaver
//    ActiveChanged.
// Several sources usually report the same lock; the combined state follows whichever source
// spoke last, and the sink hears only changes (never locked twice in a row). The initial state is
// unlocked and awake without a report: `unlocked` means `active` to the model, which must not be
// claimed at start.
//
// With SuspendDetector: on `sleep` from here call SuspendDetector::note_sleep_reported(), on
// `wake` note_wake_reported(boottime_now(), monotonic_now()), so a suspend logind reported is not
// reported again from the clocks.
//
// Threading: construct, use and destroy on the loop thread, whose thread-default GMainContext
// must be iterated (the GLib bridge); the sink and clock are called there. Construction never
// blocks and never fails: connections are made asynchronously, and a missing bus or a missing
// logind is logged once and leaves the other sources working.
class SessionWatch {
 public:
  SessionWatch(PresenceSink sink, BootClock clock, LogSink log = log_to_stderr);
  ~SessionWatch();
  SessionWatch(const SessionWatch&) = delete;
  SessionWatch& operator=(const SessionWatch&) = delete;

  // The live sources, for `sitstretch status`, e.g.
  // "logind session /org/freedesktop/login1/session/_31; screensaver signals
  // (org.gnome.ScreenSaver running)"; "no lock or suspend source" when there is none.
  std::string describe() const;

  bool locked() const { return locked_; }
  bool sleeping() const { return sleeping_; }

 private:
  void on_locked(bool locked);
  void on_sleeping(bool sleeping);

  PresenceSink sink_;
  BootClock clock_;
  bool locked_ = false;
  bool sleeping_ = false;
  std::unique_ptr<LogindSource> logind_;
  std::unique_ptr<ScreensaverSource> screensaver_;
};

}  // namespace sitstretch::session
