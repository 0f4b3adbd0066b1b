#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/boot_timer.hpp"
#include "app/config_source.hpp"
#include "app/glib_bridge.hpp"
#include "app/guided_stretch.hpp"
#include "app/unwritten_log.hpp"
#include "busy/busy_watch.hpp"
#include "config/config.hpp"
#include "control/command.hpp"
#include "control/control_server.hpp"
#include "control/runtime_dir.hpp"
#include "core/sitting_model.hpp"
#include "idle/idle_factory.hpp"
#include "idle/presence_source.hpp"
#include "notify/prompt_notifier.hpp"
#include "session/bus_loss.hpp"
#include "session/session_watch.hpp"
#include "session/suspend_detector.hpp"
#include "store/store.hpp"
#include "stretch/guide.hpp"
#include "tray/status_item.hpp"
#include "tray/tray_view.hpp"

namespace sitstretch::app {

struct DaemonOptions {
  std::optional<std::filesystem::path> config_file;  // --config FILE
  config::Environment env;
  std::filesystem::path runtime_dir;       // $XDG_RUNTIME_DIR/sitstretch
  std::string display;                     // X display; empty: $DISPLAY
  idle::IdleSession idle_session;          // what the idle source choice reads of the session
  std::optional<std::string> idle_source;  // --idle-source NAME, over idle.source
};

// The one place that wires the adapters to the sitting model. Every event — presence, a command
// (from the control socket, the tray, the prompt's buttons or the guide), the model's own
// deadline, a reload — goes the same way: read the clocks, hand the event to the model, write the
// records it returns to the log, act on them (show or close the prompt), and arm one timer for the
// model's next deadline. Everything runs on the io_context's one thread; GLib is dispatched there
// by the GlibBridge.
class Daemon {
 public:
  Daemon(boost::asio::io_context& io, DaemonOptions options, config::Config config,
         std::unique_ptr<store::Store> store);
  ~Daemon();
  Daemon(const Daemon&) = delete;
  Daemon& operator=(const Daemon&) = delete;

  // Starts every adapter; returns a one-line reason if the daemon cannot run (the control
  // socket cannot be bound). Adapters that lose their outside system only log; losing the session
  // or system bus ends the loop with exit_status() 1.
  std::optional<std::string> start();
  // After start() failed: whether it was because the forced idle source is missing (exit 2).
  bool idle_source_missing() const { return idle_source_missing_; }

  // The exit status once the loop has stopped: 0 after SIGTERM or SIGINT, 1 when a bus the daemon
  // needs went away (so that the service manager starts it again, connected afresh).
  int exit_status() const { return exit_status_; }

  // Logs the user's settings the administrator's locks ignore, once: again only when they change.
  void log_config_warnings(const std::vector<config::ConfigWarning>& warnings);

 private:
  core::Ms now();
  std::optional<std::string> start_idle();
  void on_idle_source(const idle::PresenceEvent& event);
  void on_session(core::Signal signal, core::Ms at);
  void on_busy(core::BusyReason reason, bool busy);
  void on_answer(notify::Answer answer);
  void on_deadline();
  void presence(core::Signal signal, core::Ms now, std::optional<core::Ms> last_input);
  void log_run(store::RunEvent event, core::Ms t);
  // daemon_restore.cpp: carries a killed run on; the prompt to show again, if one is pending.
  struct Restored {
    bool carried = false;
    std::optional<core::Record> pending_prompt;
  };
  Restored restore(core::Ms t);
  // Commands (daemon_commands.cpp): apply() is the one way from a command to the model.
  control::Result on_command(const control::Command& command);
  control::Result apply(const control::Command& command, core::Ms now);
  control::DaemonStatus status(core::Ms now) const;
  control::Result user_busy(const control::cmd::Busy& busy, core::Ms now);
  control::Result user_free(core::Ms now);
  void end_user_busy_by(core::Ms now);
  std::optional<std::string> reload(const char* why);
  void finish();
  // Followers (daemon_follow.cpp): publish() returns when the shown minute next changes.
  void on_follow();
  std::optional<core::Ms> publish(core::Ms now);
  void act(const core::Record& record);
  void show_prompt(const core::Record& prompt);
  // The guided stretch (daemon_guide.cpp).
  void start_guide(core::Ms now);
  void on_guide_action(const std::string& key);
  std::vector<core::Side> recent_sides();
  // The tray (daemon_tray.cpp).
  void start_tray();
  tray::TrayView tray_view(core::Ms now) const;
  void on_tray_action(tray::TrayAction action);
  void show_summary();
  void stop(int signal);
  void on_bus_lost(const char* which);
  void shut_down();

  boost::asio::io_context& io_;
  DaemonOptions options_;
  config::Config config_;
  std::unique_ptr<store::Store> store_;
  UnwrittenLog unwritten_;  // what the log could not take yet
  core::SittingModel model_;
  std::vector<core::Record> records_;  // produced by the current event, not yet handled
  BootTimer timer_;
  session::SuspendDetector suspend_;
  boost::asio::signal_set signals_;
  std::unique_ptr<GlibBridge> glib_;
  std::unique_ptr<notify::PromptNotifier> notifier_;
  std::unique_ptr<tray::StatusItem> tray_;
  std::unique_ptr<idle::IdleSource> idle_;
  bool idle_source_missing_ = false;
  std::unique_ptr<session::BusLoss> session_bus_;
  std::unique_ptr<session::BusLoss> system_bus_;
  int exit_status_ = 0;
  std::unique_ptr<session::SessionWatch> session_;
  std::unique_ptr<busy::BusyWatch> busy_;
  std::optional<control::ControlServer> control_;
  std::optional<control::DaemonStatus> followed_;  // the status followers were last sent
  ConfigSource config_source_;
  std::string last_config_warnings_;  // said once until they change
  GuidedStretch guide_;
  // When a timed `sitstretch busy` ends; one more deadline for the boot timer.
  std::optional<core::Ms> user_busy_until_;
  // When busy sources that signal no change are asked again (busy::next_recheck); another
  // deadline, set only while a prompt is held or about to fall due.
  std::optional<core::Ms> busy_recheck_at_;
};

}  // namespace sitstretch::app
