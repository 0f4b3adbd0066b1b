#include "app/daemon.hpp"

#include <boost/asio/post.hpp>
#include <csignal>
#include <cstdio>

#include "app/wall_clock.hpp"
#include "busy/recheck_plan.hpp"
#include "control/command_text.hpp"
#include "core/record_json.hpp"
#include "idle/idle_factory.hpp"
#include "session/clocks.hpp"
#include "store/log_format.hpp"
#include "store/settings_toml.hpp"
#include "store/utc.hpp"
#include "stretch/book_stretch.hpp"

namespace sitstretch::app {
namespace {

notify::Urgency to_notify(config::Urgency u) {
  switch (u) {
    case config::Urgency::low:
      return notify::Urgency::low;
    case config::Urgency::critical:
      return notify::Urgency::critical;
    case config::Urgency::normal:
      break;
  }
  return notify::Urgency::normal;
}

constexpr core::Ms kTrayRefresh = std::chrono::minutes(1);

}  // namespace

Daemon::Daemon(boost::asio::io_context& io, DaemonOptions options, config::Config config,
               std::unique_ptr<store::Store> store)
    : io_(io),
      options_(std::move(options)),
      config_(std::move(config)),
      store_(std::move(store)),
      unwritten_(io, *store_,
                 [this](const std::string& summary, const std::string& body) {
                   if (notifier_) notifier_->show_message(summary, body);
                 }),
      model_(config_.model),
      timer_(io),
      signals_(io, SIGTERM, SIGINT, SIGHUP),
      config_source_(options_.config_file, options_.env),
      guide_(io, [this] { return now(); }) {}

Daemon::~Daemon() = default;

std::optional<std::string> Daemon::start() {
  // Before any adapter can hand the model an event: the replayed instants all lie before theirs.
  const Restored restored = restore(now());
  control::ControlServerOptions control_options;
  control_options.on_follow = [this] { on_follow(); };
  auto server = control::ControlServer::start(
      io_, control::control_socket_path(options_.runtime_dir),
      control::command_handler([this](const control::Command& c) { return on_command(c); }),
      control_options);
  if (auto* error = std::get_if<std::string>(&server)) return *error;
  control_.emplace(std::move(std::get<control::ControlServer>(server)));

  glib_ = std::make_unique<GlibBridge>(io_);
  // Before any adapter touches a bus: they all share these connections.
  session_bus_ =
      std::make_unique<session::BusLoss>(G_BUS_TYPE_SESSION, [this] { on_bus_lost("session"); });
  system_bus_ =
      std::make_unique<session::BusLoss>(G_BUS_TYPE_SYSTEM, [this] { on_bus_lost("system"); });
  notifier_ = std::make_unique<notify::PromptNotifier>(
      [this](notify::Answer a) { on_answer(a); },
      [this](const std::string& key) { on_guide_action(key); });
  start_tray();
  session_ = std::make_unique<session::SessionWatch>(
      [this](core::Signal s, core::Ms at) { on_session(s, at); }, session::boottime_now);
  busy_ = std::make_unique<busy::BusyWatch>(
      busy::BusyContext{io_, [this](core::BusyReason r, bool busy) { on_busy(r, busy); },
                        session::log_to_stderr, options_.idle_session},
      config_.model.busy_when);
  if (auto error = start_idle()) return error;
  config_source_.watch(io_, [this] { reload("the file changed"); });

  signals_.async_wait([this](const boost::system::error_code& ec, int signal) {
    if (!ec) stop(signal);
  });

  // The user is sitting at start-up unless input stopped long enough ago to be a break.
  // A run killed less than break_after ago carries on (a `reload` of it); else a new one starts.
  const core::Ms t = now();
  log_run(restored.carried ? store::RunEvent::reload : store::RunEvent::start, t);
  if (restored.pending_prompt) show_prompt(*restored.pending_prompt);
  const auto idle_for = idle_ ? idle_->idle_for() : std::nullopt;
  if (!idle_) {
    std::fprintf(stderr,
                 "sitstretchd: no idle source; sitting counts from now and only lock and suspend "
                 "end it\n");
  }
  const bool active = !idle_for || *idle_for < config_.model.break_after;
  if (active && !(restored.carried && !model_.snapshot(t).absent))
    presence(core::Signal::active, t, {});
  model_.advance(t, records_);
  finish();
  std::fprintf(stderr, "sitstretchd: running (pid %d, idle source %s, log %s)\n", getpid(),
               idle_ ? std::string(idle_->name()).c_str() : "none", store_->file().c_str());
  return std::nullopt;
}

// Picks the idle source (SPEC §6) and logs why; a forced one that is missing stops the start.
std::optional<std::string> Daemon::start_idle() {
  const idle::IdleRequest request{options_.idle_source.value_or(config_.idle.source),
                                  config_.model.break_after, config_.idle.inhibited_is_sitting};
  idle::IdleChoice choice = idle::choose_idle_source(
      io_, [this](const idle::PresenceEvent& e) { on_idle_source(e); }, session::boottime_now,
      options_.idle_session, request);
  if (!choice.error.empty()) {
    idle_source_missing_ = true;
    return choice.error;
  }
  for (const std::string& line : choice.log_lines()) {
    std::fprintf(stderr, "sitstretchd: %s\n", line.c_str());
  }
  idle_ = std::move(choice.source);
  return std::nullopt;
}

// Reads the boot clock, and first tells the model of a suspend that nobody reported (no logind):
// the boot clock ran on while the monotonic clock stood still.
core::Ms Daemon::now() {
  const core::Ms boot = session::boottime_now();
  if (auto span = suspend_.observe(boot, session::monotonic_now())) {
    presence(core::Signal::sleep, span->slept_at, {});
    presence(core::Signal::wake, span->woke_at, {});
  }
  model_.set_local_offset(local_minus_boot());
  return boot;
}

void Daemon::on_idle_source(const idle::PresenceEvent& event) {
  const core::Ms t = now();
  std::optional<core::Ms> last_input;
  if (event.signal == core::Signal::idle) last_input = event.at;
  presence(event.signal, t, last_input);
  finish();
}

void Daemon::on_session(core::Signal signal, core::Ms at) {
  if (signal == core::Signal::sleep) suspend_.note_sleep_reported();
  const core::Ms t = std::max(now(), at);
  if (signal == core::Signal::wake) suspend_.note_wake_reported(t, session::monotonic_now());
  presence(signal, t, {});
  finish();
}

// A busy source's reason starts or ends; the model decides whether it holds prompts.
void Daemon::on_busy(core::BusyReason reason, bool busy) {
  const core::Ms t = now();
  if (busy) {
    model_.busy_begins(reason, t, records_);
  } else {
    model_.busy_ends(reason, t, records_);
  }
  finish();
}

// Hands a presence signal to the model and logs the transition, so a day can be replayed.
void Daemon::presence(core::Signal signal, core::Ms t, std::optional<core::Ms> last_input) {
  model_.signal(signal, t, records_, last_input);
  const core::Ms to_utc = utc_minus_boot();
  std::optional<std::int64_t> last_input_utc;
  if (last_input) last_input_utc = (*last_input + to_utc).count();
  store_->append_presence(signal, (t + to_utc).count(), last_input_utc);
}

// Logs a start, reload or stop with the model's settings, so the log replays as it ran.
void Daemon::log_run(store::RunEvent event, core::Ms t) {
  store_->append_run(event, (t + utc_minus_boot()).count(), store::settings_toml(config_.model));
}

// The prompt's buttons are commands like any other; Done walks through the stretch.
void Daemon::on_answer(notify::Answer answer) {
  if (guide_.running() && answer == notify::Answer::dismissed) {
    guide_.end();  // closing the guide leaves it; the stretch is already recorded
    return;
  }
  control::Command command = control::cmd::Dismiss{};
  switch (answer) {
    case notify::Answer::done:
      command = control::cmd::Stretch{};
      break;
    case notify::Answer::snooze:
      command = control::cmd::Snooze{};
      break;
    case notify::Answer::skip:
      command = control::cmd::Skip{};
      break;
    case notify::Answer::dismissed:
      break;
  }
  if (!std::holds_alternative<control::result::Ok>(on_command(command))) {
    std::fprintf(stderr, "sitstretchd: an answer from the notification came to nothing\n");
  }
}

void Daemon::on_deadline() {
  const core::Ms t = now();
  end_user_busy_by(t);
  if (busy_recheck_at_ && *busy_recheck_at_ <= t) {
    busy_recheck_at_.reset();
    busy_->recheck();  // answers come later, as busy changes
  }
  model_.advance(t, records_);
  finish();
}

// Writes the new records to the log before acting on them, then arms the next deadline.
void Daemon::finish() {
  const core::Ms to_utc = utc_minus_boot();
  for (const core::Record& r : records_) {
    store_->append(store::to_utc(r, to_utc));
    std::fprintf(stderr, "sitstretchd: %s\n",
                 core::to_json(store::to_utc(r, to_utc), store::log_time_format()).c_str());
    act(r);
  }
  records_.clear();
  const core::Ms t = session::boottime_now();
  std::optional<core::Ms> deadline = model_.next_deadline();
  if (user_busy_until_)
    deadline = std::min(deadline.value_or(*user_busy_until_), *user_busy_until_);
  busy_recheck_at_ = busy_ && busy_->needs_recheck()
                         ? busy::next_recheck(t, model_.snapshot(t), busy_recheck_at_)
                         : std::nullopt;
  if (busy_recheck_at_)
    deadline = std::min(deadline.value_or(*busy_recheck_at_), *busy_recheck_at_);
  if (tray_) {
    tray_->update(tray_view(t));
    // A tray host shows the sitting minutes: refresh them while a bout runs, and only then.
    if (tray_->registered() && model_.snapshot(t).sitting) {
      deadline = std::min(deadline.value_or(kTrayRefresh + t), kTrayRefresh + t);
    }
  }
  if (auto minute = publish(t)) deadline = std::min(deadline.value_or(*minute), *minute);
  if (deadline) {
    timer_.arm(*deadline, [this] { on_deadline(); });
  } else {
    timer_.disarm();
  }
  unwritten_.check();
  if (glib_) glib_->wake();
}

void Daemon::act(const core::Record& record) {
  if (!notifier_) return;
  switch (record.kind) {
    case core::RecordKind::prompt:
      guide_.end();  // the prompt takes the notification over
      show_prompt(record);
      break;
    case core::RecordKind::accepted:
    case core::RecordKind::snoozed:
    case core::RecordKind::skipped:
    case core::RecordKind::dismissed:
      notifier_->close();
      break;
    case core::RecordKind::away:
      if (record.prompted) notifier_->close();
      break;
    default:
      break;
  }
}

void Daemon::show_prompt(const core::Record& prompt) {
  const stretch::Text text =
      stretch::prompt_text(prompt.sitting, prompt.attempt, config_.model.hold);
  notify::PromptContent content;
  content.summary = text.summary;
  content.body = text.body;
  content.urgency = to_notify(config_.urgency);
  if (model_.snapshot(prompt.t).snoozes_left > 0) {
    content.snooze_label = stretch::snooze_label(config_.model.snooze);
  }
  notifier_->show(content);
}

void Daemon::log_config_warnings(const std::vector<config::ConfigWarning>& warnings) {
  std::string text;
  for (const auto& warning : warnings) text += "sitstretchd: " + warning.to_string() + "\n";
  if (text == last_config_warnings_) return;
  last_config_warnings_ = text;
  std::fputs(text.c_str(), stderr);
}

// Parse, then swap: a bad file keeps the running configuration, and says why once.
std::optional<std::string> Daemon::reload(const char* why) {
  auto loaded = config_source_.load();
  if (auto* failed = std::get_if<ConfigSource::Failed>(&loaded)) {
    if (failed->new_error) {
      std::fprintf(stderr,
                   "sitstretchd: configuration not reloaded, keeping the last good one: %s\n",
                   failed->error.c_str());
      if (notifier_) notifier_->show_message("sitstretch: settings not applied", failed->error);
    }
    return failed->error;
  }
  log_config_warnings(std::get<config::Loaded>(loaded).warnings);
  auto& fresh = std::get<config::Loaded>(loaded).config;
  if (fresh != config_) {
    config_ = std::move(fresh);
    const core::Ms t = now();
    model_.reconfigure(config_.model, t, records_);
    log_run(store::RunEvent::reload, t);
    if (idle_) idle_->set_threshold(config_.model.break_after);
    if (busy_) {
      const core::BusyReasons stopped = busy_->set_when(config_.model.busy_when);
      for (core::BusyReason r : core::kBusyReasons) {
        if (stopped.has(r)) model_.busy_ends(r, t, records_);
      }
    }
    std::fprintf(stderr, "sitstretchd: configuration reloaded (%s)\n", why);
    finish();
  }
  return std::nullopt;
}

void Daemon::stop(int signal) {
  if (signal == SIGHUP) {
    reload("SIGHUP");
    signals_.async_wait([this](const boost::system::error_code& ec, int s) {
      if (!ec) stop(s);
    });
    return;
  }
  std::fprintf(stderr, "sitstretchd: stopping (%s)\n", strsignal(signal));
  shut_down();
}

// The notification server, the tray, the screensaver (session bus) or logind (system bus) cannot
// be reached again on this connection: exit, and let the service manager (Restart=on-failure)
// start a daemon that connects afresh; shut_down() writes what the log holds back. Called from
// GLib's dispatch, which the shutdown ends: so from the Asio loop, and the reason as the last line.
void Daemon::on_bus_lost(const char* which) {
  exit_status_ = 1;
  boost::asio::post(io_, [this, which] {
    shut_down();
    std::fprintf(stderr,
                 "sitstretchd: the %s bus went away; exiting with status 1 so that the service "
                 "manager restarts the daemon\n",
                 which);
  });
}

void Daemon::shut_down() {
  log_run(store::RunEvent::stop, now());
  if (const std::size_t lost = unwritten_.last_try()) {
    std::fprintf(stderr, "sitstretchd: %zu records could not be written to the log and are lost\n",
                 lost);
  }
  // Every record is committed now (or said lost); only the adapters need to let go.
  config_source_.stop_watching();
  guide_.end();
  tray_.reset();
  idle_.reset();
  session_.reset();
  notifier_.reset();
  control_.reset();
  timer_.disarm();
  session_bus_.reset();
  system_bus_.reset();
  glib_.reset();
  io_.stop();
}

}  // namespace sitstretch::app
