// The tray: what the StatusNotifierItem shows, derived from the model's snapshot, and its menu
// entries, each sent through the same path as the `sitstretch` command of the same name.
#include <csignal>
#include <cstdio>
#include <ctime>

#include <glib.h>
#include <unistd.h>

#include "app/daemon.hpp"
#include "app/wall_clock.hpp"
#include "core/duration_text.hpp"
#include "core/episodes.hpp"
#include "session/clocks.hpp"
#include "stretch/book_stretch.hpp"
#include "stretch/guide.hpp"
#include "tray/open_settings.hpp"

namespace sitstretch::app {
namespace {

// A prompt this close is "due soon" in the tray.
constexpr core::Ms kDueSoon = std::chrono::minutes(5);

std::string icon_theme_path() {
  const std::filesystem::path installed = SITSTRETCH_INSTALLED_ICONS;
  std::error_code ec;
  if (std::filesystem::exists(installed / "hicolor/scalable/status/sitstretch-sitting.svg", ec)) {
    return installed.string();
  }
  return SITSTRETCH_SOURCE_ICONS;
}

std::tm local_tm(std::int64_t utc_ms) {
  const time_t t = static_cast<time_t>(utc_ms / 1000);
  std::tm tm{};
  localtime_r(&t, &tm);
  return tm;
}

// Milliseconds from utc_ms until the next local midnight.
core::Ms until_midnight(std::int64_t utc_ms) {
  std::tm tm = local_tm(utc_ms);
  tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
  tm.tm_mday += 1;
  tm.tm_isdst = -1;
  return core::Ms{static_cast<std::int64_t>(mktime(&tm)) * 1000 - utc_ms};
}

// `sitstretch`, installed beside sitstretchd, or in the build tree's cli folder, or on PATH.
std::string cli_program() {
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  for (const auto& candidate : {self.parent_path() / "sitstretch",
                                self.parent_path().parent_path() / "cli" / "sitstretch"}) {
    if (!ec && ::access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return "sitstretch";
}

// "Today's stats": the HTML report of the last days, opened in the browser. GLib reaps the
// child, so no SIGCHLD handling is needed.
void open_report() {
  const std::string program = cli_program();
  gchar* argv[] = {const_cast<gchar*>(program.c_str()), const_cast<gchar*>("report"),
                   const_cast<gchar*>("--days"),        const_cast<gchar*>("7"),
                   const_cast<gchar*>("--open"),        nullptr};
  GError* error = nullptr;
  if (!g_spawn_async(nullptr, argv, nullptr,
                     static_cast<GSpawnFlags>(G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL),
                     nullptr, nullptr, nullptr, &error)) {
    std::fprintf(stderr, "sitstretchd: cannot open the report: %s\n", error->message);
    g_error_free(error);
  }
}

}  // namespace

void Daemon::start_tray() {
  tray_ = std::make_unique<tray::StatusItem>([this](tray::TrayAction a) { on_tray_action(a); },
                                             [this] { show_summary(); }, icon_theme_path());
}

tray::TrayView Daemon::tray_view(core::Ms t) const {
  const core::Snapshot s = model_.snapshot(t);
  const std::int64_t utc = (t + utc_minus_boot()).count();
  tray::TrayView v;
  const bool pending =
      s.episode == core::EpisodeState::awaiting || s.episode == core::EpisodeState::ignored;
  v.paused = s.paused || s.quiet;
  v.state = pending                                           ? tray::TrayState::prompt_pending
            : v.paused                                        ? tray::TrayState::paused
            : s.next_prompt && *s.next_prompt - t <= kDueSoon ? tray::TrayState::due_soon
                                                              : tray::TrayState::sitting;
  v.away = !s.sitting || s.absent;
  v.sitting = s.sitting_for;
  if (s.next_prompt) v.next_prompt_in = std::max(core::Ms{}, *s.next_prompt - t);
  if (s.paused_until) {
    const std::int64_t until = utc + (*s.paused_until - t).count();
    const std::tm end = local_tm(until);
    const std::tm today = local_tm(utc);
    char hhmm[8];
    std::snprintf(hhmm, sizeof hhmm, "%02d:%02d", end.tm_hour, end.tm_min);
    v.paused_until = end.tm_yday == today.tm_yday ? hhmm : "tomorrow";
  }
  v.progress = std::clamp(static_cast<double>(s.sitting_for.count()) /
                              static_cast<double>(config_.model.interval.count()),
                          0.0, 1.0);
  v.can_snooze = pending && s.snoozes_left > 0;
  v.snooze_label = stretch::snooze_label(config_.model.snooze);
  return v;
}

void Daemon::on_tray_action(tray::TrayAction action) {
  const core::Ms t = now();
  control::Request request;
  switch (action) {
    case tray::TrayAction::stretch_now:
      request = {"stretch", {}};
      break;
    case tray::TrayAction::snooze:
      request = {"snooze", {}};
      break;
    case tray::TrayAction::pause_30m:
      request = {"pause", {"30m"}};
      break;
    case tray::TrayAction::pause_1h:
      request = {"pause", {"1h"}};
      break;
    case tray::TrayAction::pause_until_tomorrow:
      request = {"pause", {core::format_duration(until_midnight((t + utc_minus_boot()).count()))}};
      break;
    case tray::TrayAction::resume:
      request = {"resume", {}};
      break;
    case tray::TrayAction::todays_stats:
      open_report();
      return;
    case tray::TrayAction::edit_settings:
      if (auto path = config::user_config_path(options_.env)) {
        const std::string error = tray::open_settings(*path, config::default_toml());
        if (!error.empty()) std::fprintf(stderr, "sitstretchd: %s\n", error.c_str());
      }
      return;
    case tray::TrayAction::quit:
      stop(SIGTERM);
      return;
  }
  const std::string reply = answer_request(request, t);
  if (reply.find("\"ok\":true") == std::string::npos) {
    std::fprintf(stderr, "sitstretchd: tray %s: %s\n", request.command.c_str(), reply.c_str());
  }
  finish();
}

// Today's numbers, as a notification: for a click on the icon.
void Daemon::show_summary() {
  if (!notifier_) return;
  const core::Ms t = now();
  const std::int64_t utc = (t + utc_minus_boot()).count();
  const std::int64_t midnight = utc + until_midnight(utc).count() - 24 * 3'600'000;
  const auto records = store_->records(midnight, std::nullopt);
  const auto fold = core::fold_episodes(records);
  int accepted = 0;
  for (const core::Record& r : records) {
    if (r.kind == core::RecordKind::accepted) ++accepted;
  }
  const core::Snapshot s = model_.snapshot(t);
  std::string body = s.sitting ? "Sitting for " + core::describe_duration(s.sitting_for) + ".\n"
                               : std::string("Away.\n");
  body += "Today: " + std::to_string(accepted) + " stretches, " +
          std::to_string(fold.episodes.size()) + " prompts";
  if (auto rate = core::compliance_rate(fold.episodes)) {
    body += ", " + std::to_string(static_cast<int>(*rate * 100 + 0.5)) + "% complied";
  }
  body += ".\nTighter side: " + stretch::side_trend(recent_sides()) + ".";
  notifier_->show_message("sitstretch", body);
}

}  // namespace sitstretch::app
