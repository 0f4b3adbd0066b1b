// The tray: the view of the model it shows, and its menu entries, each run as the same
// control::Command as the `sitstretch` command of the same name.
#include <csignal>
#include <cstdio>

#include "app/daemon.hpp"
#include "app/wall_clock.hpp"
#include "session/clocks.hpp"
#include "stats/day_summary.hpp"
#include "stats/local_day.hpp"
#include "stretch/book_stretch.hpp"
#include "stretch/guide.hpp"
#include "tray/launcher.hpp"
#include "tray/open_settings.hpp"

namespace sitstretch::app {
namespace {

std::string icon_theme_path() {
  const std::filesystem::path installed = SITSTRETCH_INSTALLED_ICONS;
  std::error_code ec;
  if (std::filesystem::exists(installed / "hicolor/scalable/status/sitstretch-sitting.svg", ec)) {
    return installed.string();
  }
  return SITSTRETCH_SOURCE_ICONS;
}

// The entries that are commands; the others (stats, settings, quit) are not.
std::optional<control::Command> command_of(tray::TrayAction action, core::Ms now_utc) {
  using namespace std::chrono_literals;
  namespace cmd = control::cmd;
  switch (action) {
    case tray::TrayAction::stretch_now:
      return cmd::Stretch{};
    case tray::TrayAction::snooze:
      return cmd::Snooze{};
    case tray::TrayAction::pause_30m:
      return cmd::Pause{30min, std::nullopt};
    case tray::TrayAction::pause_1h:
      return cmd::Pause{1h, std::nullopt};
    case tray::TrayAction::pause_until_tomorrow:
      return cmd::Pause{std::nullopt, stats::next_day(stats::local_day_of(now_utc)).start};
    case tray::TrayAction::resume:
      return cmd::Resume{};
    case tray::TrayAction::todays_stats:
    case tray::TrayAction::edit_settings:
    case tray::TrayAction::quit:
      break;
  }
  return std::nullopt;
}

void log_error(const std::string& error) {
  if (!error.empty()) std::fprintf(stderr, "sitstretchd: %s\n", error.c_str());
}

}  // namespace

void Daemon::start_tray() {
  tray_ = std::make_unique<tray::StatusItem>([this](tray::TrayAction a) { on_tray_action(a); },
                                             [this] { show_summary(); }, icon_theme_path());
}

tray::TrayView Daemon::tray_view(core::Ms t) const {
  return tray::view_of(model_.snapshot(t), t, utc_minus_boot(), config_.model.interval,
                       stretch::snooze_label(config_.model.snooze));
}

void Daemon::on_tray_action(tray::TrayAction action) {
  if (auto command = command_of(action, session::boottime_now() + utc_minus_boot())) {
    const control::Result result = on_command(*command);
    if (const auto* refused = std::get_if<control::result::Refused>(&result)) {
      std::fprintf(stderr, "sitstretchd: tray %s: %s\n",
                   std::string(control::name_of(*command)).c_str(), refused->reason.c_str());
    }
    return;
  }
  switch (action) {
    case tray::TrayAction::todays_stats:
      log_error(tray::launch(tray::report_command(tray::running_program()), true));
      break;
    case tray::TrayAction::edit_settings:
      if (auto path = config::user_config_path(options_.env)) {
        log_error(tray::open_settings(*path, config::default_toml()));
      }
      break;
    case tray::TrayAction::quit:
      stop(SIGTERM);
      break;
    default:
      break;
  }
}

// Today's numbers, as a notification: for a click on the icon.
void Daemon::show_summary() {
  if (!notifier_) return;
  const core::Ms t = now();
  const stats::LocalDay today = stats::local_day_of(t + utc_minus_boot());
  const auto records = store_->records(stats::summary_records_from(today).count(), std::nullopt);
  const core::Snapshot s = model_.snapshot(t);
  const std::optional<core::Ms> sitting =
      s.sitting ? std::optional<core::Ms>(s.sitting_for) : std::nullopt;
  notifier_->show_message("sitstretch",
                          stats::summary_text(stats::summarize_day(records, today), sitting,
                                              stretch::side_trend(recent_sides())));
}

}  // namespace sitstretch::app
