// Every command, whichever side it comes from (the control socket, the tray, the prompt's
// buttons, the guided stretch), goes through apply(): one typed path into the model.
#include <unistd.h>

#include <boost/asio/post.hpp>

#include "app/daemon.hpp"
#include "app/wall_clock.hpp"

namespace sitstretch::app {
namespace {

std::string busy_sources_text(const busy::BusyWatch& watch) {
  std::string text;
  for (const std::string& line : watch.describe()) text += (text.empty() ? "" : "; ") + line;
  return text.empty() ? "none" : text;
}

}  // namespace

control::Result Daemon::on_command(const control::Command& command) {
  const core::Ms t = now();
  end_user_busy_by(t);  // its timer may not have fired yet
  control::Result result = apply(command, t);
  finish();
  return result;
}

control::Result Daemon::apply(const control::Command& command, core::Ms t) {
  namespace cmd = control::cmd;
  auto outcome = [this](core::Outcome o) {
    return control::result_of(o, config_.model.max_snoozes);
  };
  return std::visit(
      control::Overloaded{
          [&](const cmd::Status&) -> control::Result { return status(t); },
          [&](const cmd::Done&) { return outcome(model_.done(t, records_)); },
          [&](const cmd::Snooze&) { return outcome(model_.snooze(t, records_)); },
          [&](const cmd::Skip&) { return outcome(model_.skip(t, records_)); },
          [&](const cmd::Dismiss&) { return outcome(model_.dismiss(t, records_)); },
          [&](const cmd::Pause& p) {
            const auto length = control::pause_length(p, t + utc_minus_boot());
            return outcome(model_.pause(t, length, records_));
          },
          [&](const cmd::Resume&) { return outcome(model_.resume(t, records_)); },
          [&](const cmd::Reload&) -> control::Result {
            if (auto error = reload("sitstretch reload")) return control::result::Refused{*error};
            return control::result::Ok{};
          },
          [&](const cmd::Stretch&) {
            control::Result done = outcome(model_.done(t, records_));
            // The guide shows once the records are handled, and outside any libnotify
            // callback that may have brought the command.
            boost::asio::post(io_, [this, t] { start_guide(t); });
            return done;
          },
          [&](const cmd::Side& s) { return outcome(model_.report_side(t, s.side, records_)); },
          [&](const cmd::Busy& b) { return user_busy(b, t); },
          [&](const cmd::Free&) { return user_free(t); },
      },
      command);
}

// `sitstretch busy`: a repeated one replaces the end time (none: until `sitstretch free`).
control::Result Daemon::user_busy(const control::cmd::Busy& busy, core::Ms t) {
  if (!config_.model.busy_when.has(core::BusyReason::user)) {
    return control::result::Refused{"busy.when leaves out \"user\", so nothing would be held"};
  }
  model_.busy_begins(core::BusyReason::user, t, records_);
  user_busy_until_.reset();
  if (busy.duration) user_busy_until_ = t + *busy.duration;
  return control::result::Ok{};
}

control::Result Daemon::user_free(core::Ms t) {
  const bool held = model_.snapshot(t).busy.has(core::BusyReason::user);
  model_.busy_ends(core::BusyReason::user, t, records_);
  user_busy_until_.reset();
  if (!held) return control::result::Refused{"not busy (no sitstretch busy holds)"};
  return control::result::Ok{};
}

// A timed user busy that ran out by t ends at t: the boot timer wakes for it, and a command
// that comes first ends it too.
void Daemon::end_user_busy_by(core::Ms t) {
  if (!user_busy_until_ || *user_busy_until_ > t) return;
  user_busy_until_.reset();
  model_.busy_ends(core::BusyReason::user, t, records_);
}

control::DaemonStatus Daemon::status(core::Ms t) const {
  control::DaemonStatus s;
  s.snapshot = model_.snapshot(t);
  s.now = t;
  s.utc_minus_boot = utc_minus_boot();
  s.pid = getpid();
  s.interval = config_.model.interval;
  if (idle_) s.idle_source = std::string(idle_->name());
  if (session_) s.lock_source = session_->describe();
  if (busy_) s.busy_sources = busy_sources_text(*busy_);
  s.notifications = notifier_ && notifier_->server_seen();
  s.log = store_->file().string();
  s.config_error = config_source_.error();
  s.user_busy_until = user_busy_until_;
  return s;
}

}  // namespace sitstretch::app
