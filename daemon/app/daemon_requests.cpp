// The daemon's side of the control protocol: each command of `sitstretch` goes through the
// model exactly as the same answer from the notification or the tray does.
#include <unistd.h>

#include "app/daemon.hpp"
#include "app/wall_clock.hpp"
#include "control/flat_json.hpp"
#include "core/duration_text.hpp"
#include "store/log_format.hpp"

namespace sitstretch::app {
namespace {

std::string refusal(core::Outcome outcome, const config::Config& config) {
  switch (outcome) {
    case core::Outcome::ok:
      break;
    case core::Outcome::nothing_pending:
      return "no prompt is waiting for an answer";
    case core::Outcome::no_snoozes_left:
      return "no snoozes left for this prompt (prompt.max_snoozes = " +
             std::to_string(config.model.max_snoozes) + ")";
    case core::Outcome::not_paused:
      return "not paused";
  }
  return "";
}

std::string_view episode_name(core::EpisodeState e) {
  switch (e) {
    case core::EpisodeState::none:
      return "none";
    case core::EpisodeState::awaiting:
      return "awaiting";
    case core::EpisodeState::snoozed:
      return "snoozed";
    case core::EpisodeState::ignored:
      return "ignored";
  }
  return "none";
}

}  // namespace

std::string Daemon::on_request(const control::Request& request) {
  const core::Ms t = now();
  std::string reply;
  if (request.command == "status") {
    reply = status_reply(t);
  } else if (request.command == "reload") {
    auto error = reload("sitstretch reload");
    reply = error ? control::error_reply(*error) : control::ok_reply().str();
  } else {
    reply = answer_request(request, t);
  }
  finish();
  return reply;
}

std::string Daemon::answer_request(const control::Request& request, core::Ms t) {
  const std::string& c = request.command;
  core::Outcome outcome = core::Outcome::ok;
  if (c == "done" || c == "stretch") {
    outcome = model_.done(t, records_);
    // "Stretch now" (the tray, `sitstretch stretch --notify`) walks through it; `done` says
    // it has been done.
    if (c == "stretch") {
      finish();
      start_guide(t);
    }
  } else if (c == "snooze") {
    outcome = model_.snooze(t, records_);
  } else if (c == "skip") {
    outcome = model_.skip(t, records_);
  } else if (c == "dismiss") {
    outcome = model_.dismiss(t, records_);
  } else if (c == "resume") {
    outcome = model_.resume(t, records_);
  } else if (c == "pause") {
    std::optional<core::Ms> duration;
    if (!request.args.empty()) {
      duration = core::parse_duration(request.args[0]);
      if (!duration || *duration <= core::Ms{}) {
        return control::error_reply("expected a pause duration like 30m or 1h30m, got \"" +
                                    request.args[0] + "\"");
      }
    }
    outcome = model_.pause(t, duration, records_);
  } else if (c == "side") {
    auto side = core::side_from_string(request.args.at(0));
    if (!side) return control::error_reply("expected side left, right or even");
    outcome = model_.report_side(t, *side, records_);
  } else {
    return control::error_reply("unknown command " + c);
  }
  if (outcome != core::Outcome::ok) return control::error_reply(refusal(outcome, config_));
  return control::ok_reply().str();
}

std::string Daemon::status_reply(core::Ms t) const {
  const core::Snapshot s = model_.snapshot(t);
  const core::Ms to_utc = utc_minus_boot();
  auto seconds = [](core::Ms d) {
    return std::chrono::duration_cast<std::chrono::seconds>(d).count();
  };
  auto w = control::ok_reply();
  w.integer("pid", getpid());
  w.boolean("sitting", s.sitting).integer("sitting_s", seconds(s.sitting_for));
  w.boolean("absent", s.absent);
  if (s.next_prompt) {
    w.integer("next_prompt_s", std::max<long long>(0, seconds(*s.next_prompt - t)));
    w.string("next_prompt_at", store::iso_local_time((*s.next_prompt + to_utc).count()));
    w.integer("next_prompt_epoch_ms", (*s.next_prompt + to_utc).count());
  } else {
    w.null("next_prompt_s").null("next_prompt_at").null("next_prompt_epoch_ms");
  }
  w.boolean("pending",
            s.episode == core::EpisodeState::awaiting || s.episode == core::EpisodeState::ignored);
  w.string("episode", episode_name(s.episode)).integer("attempt", s.attempt);
  w.integer("snoozes_left", s.snoozes_left);
  w.boolean("paused", s.paused);
  if (s.paused_until) {
    w.string("paused_until", store::iso_local_time((*s.paused_until + to_utc).count()));
  } else {
    w.null("paused_until");
  }
  w.boolean("quiet", s.quiet);
  w.integer("interval_s", seconds(config_.model.interval));
  w.string("idle_source", idle_ ? std::string(idle_->name()) : "none");
  w.string("lock_source", session_ ? session_->describe() : "none");
  w.boolean("notifications", notifier_ && notifier_->server_seen());
  w.string("log", store_->file().string());
  if (!last_config_error_.empty()) w.string("config_error", last_config_error_);
  return w.str();
}

}  // namespace sitstretch::app
