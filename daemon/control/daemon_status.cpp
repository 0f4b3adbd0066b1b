#include "control/daemon_status.hpp"

#include <algorithm>

#include "control/flat_json.hpp"
#include "control/protocol.hpp"
#include "store/log_format.hpp"

namespace sitstretch::control {
namespace {

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

long long seconds(core::Ms d) {
  return std::chrono::duration_cast<std::chrono::seconds>(d).count();
}

void next_prompt(JsonObjectWriter& w, const DaemonStatus& status) {
  const auto& at = status.snapshot.next_prompt;
  if (!at) {
    w.null("next_prompt_s").null("next_prompt_at").null("next_prompt_epoch_ms");
    return;
  }
  const std::int64_t utc = (*at + status.utc_minus_boot).count();
  w.integer("next_prompt_s", std::max<long long>(0, seconds(*at - status.now)));
  w.string("next_prompt_at", store::iso_local_time(utc));
  w.integer("next_prompt_epoch_ms", utc);
}

std::string busy_words(core::BusyReasons held) {
  std::string words;
  for (core::BusyReason r : core::kBusyReasons) {
    if (!held.has(r)) continue;
    if (!words.empty()) words += ',';
    words += core::to_string(r);
  }
  return words;
}

void local_time(JsonObjectWriter& w, std::string_view key, std::optional<core::Ms> at,
                const DaemonStatus& status) {
  if (at) {
    w.string(key, store::iso_local_time((*at + status.utc_minus_boot).count()));
  } else {
    w.null(key);
  }
}

// Appended after the older keys, whose order readers may rely on.
void busy(JsonObjectWriter& w, const DaemonStatus& status) {
  const core::Snapshot& s = status.snapshot;
  w.string("busy", busy_words(s.busy));
  local_time(w, "busy_user_until", status.user_busy_until, status);
  local_time(w, "held_until", s.held_until, status);
  if (s.held_until) {
    w.integer("held_until_s", std::max<long long>(0, seconds(*s.held_until - status.now)));
  } else {
    w.null("held_until_s");
  }
  w.string("busy_sources", status.busy_sources);
}

}  // namespace

std::string status_json(const DaemonStatus& status) {
  const core::Snapshot& s = status.snapshot;
  auto w = ok_reply();
  w.integer("pid", status.pid);
  w.boolean("sitting", s.sitting).integer("sitting_s", seconds(s.sitting_for));
  w.boolean("absent", s.absent);
  next_prompt(w, status);
  w.boolean("pending", s.prompt_pending);
  w.string("episode", episode_name(s.episode)).integer("attempt", s.attempt);
  w.integer("snoozes_left", s.snoozes_left);
  w.boolean("paused", s.paused);
  if (s.paused_until) {
    w.string("paused_until",
             store::iso_local_time((*s.paused_until + status.utc_minus_boot).count()));
  } else {
    w.null("paused_until");
  }
  w.boolean("quiet", s.quiet);
  w.integer("interval_s", seconds(status.interval));
  w.string("idle_source", status.idle_source).string("lock_source", status.lock_source);
  w.boolean("notifications", status.notifications);
  w.string("log", status.log);
  if (!status.config_error.empty()) w.string("config_error", status.config_error);
  busy(w, status);
  // Last: `sitstretch doctor` compares it with its own, to spot a daemon left from an upgrade.
  w.string("version", SITSTRETCH_VERSION);
  return w.str();
}

}  // namespace sitstretch::control
