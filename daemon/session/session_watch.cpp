#include "session/session_watch.hpp"

#include "session/logind_source.hpp"
#include "session/screensaver_source.hpp"

namespace sitstretch::session {

SessionWatch::SessionWatch(PresenceSink sink, BootClock clock, LogSink log)
    : sink_(std::move(sink)), clock_(std::move(clock)) {
  logind_ = std::make_unique<LogindSource>(
      LogindSource::Callbacks{[this](bool locked) { on_locked(locked); },
                              [this](bool sleeping) { on_sleeping(sleeping); }, log});
  screensaver_ = std::make_unique<ScreensaverSource>(
      ScreensaverSource::Callbacks{[this](bool locked) { on_locked(locked); }, log});
}

// Out of line so the sources' destructors (which cancel pending calls) are seen here.
SessionWatch::~SessionWatch() = default;

std::string SessionWatch::describe() const {
  std::string text = logind_->describe();
  const std::string screensaver = screensaver_->describe();
  if (!text.empty() && !screensaver.empty()) text += "; ";
  text += screensaver;
  return text.empty() ? "no lock or suspend source" : text;
}

// Loop thread.
void SessionWatch::on_locked(bool locked) {
  if (locked == locked_) return;
  locked_ = locked;
  sink_(locked ? core::Signal::locked : core::Signal::unlocked, clock_());
}

// Loop thread. PrepareForSleep(true) comes just before the suspend, (false) just after resume.
void SessionWatch::on_sleeping(bool sleeping) {
  if (sleeping == sleeping_) return;
  sleeping_ = sleeping;
  sink_(sleeping ? core::Signal::sleep : core::Signal::wake, clock_());
}

}  // namespace sitstretch::session
