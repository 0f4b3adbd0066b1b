// `sitstretch status --follow`: the daemon pushes a status line to followers when what they show
// changes. Nothing here polls: publish() runs at the end of every event (finish()), and asks for
// one wake-up at the next sitting minute only while someone follows and a bout runs.
#include "app/daemon.hpp"
#include "control/follow.hpp"

namespace sitstretch::app {

// A new follower: its first line goes out now, through the same path as every later one.
void Daemon::on_follow() {
  const core::Ms t = now();
  end_user_busy_by(t);
  finish();
}

std::optional<core::Ms> Daemon::publish(core::Ms t) {
  if (!control_ || control_->followers() == 0) return std::nullopt;
  const control::DaemonStatus s = status(t);
  const bool changed = !followed_ || control::line_due(*followed_, s);
  control_->publish(control::status_json(s), changed);
  followed_ = s;
  return control::next_minute_change(s);
}

}  // namespace sitstretch::app
