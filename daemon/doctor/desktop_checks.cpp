// The checks of the parts the desktop session provides: idle source, lock and suspend,
// notification server, busy sources and tray host.
#include <algorithm>

#include "doctor/checks.hpp"

namespace sitstretch::doctor {
namespace {

bool has(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string passed_over(const IdleFacts& facts) {
  if (facts.passed_over.empty()) return "";
  return " (passed over: " + join(facts.passed_over) + ")";
}

std::string screensavers(const LockFacts& facts) {
  if (!facts.session_bus_error.empty()) return "no session bus (" + facts.session_bus_error + ")";
  if (facts.screensavers.empty()) return "no screensaver on the session bus";
  return "screensaver " + join(facts.screensavers, ", ");
}

}  // namespace

Finding check_idle(const IdleFacts& facts) {
  Finding f{"idle source", Verdict::ok, facts.chosen + passed_over(facts), ""};
  if (!facts.error.empty()) {
    f.verdict = Verdict::fail;
    f.found = facts.error + passed_over(facts);
    f.advice =
        "sitstretchd will not start: set idle.source = \"auto\" (or drop --idle-source) "
        "so it picks one this session has";
  } else if (facts.chosen.empty()) {
    f.verdict = Verdict::warn;
    f.found = "none" + passed_over(facts);
    f.advice =
        "sitting then counts from the daemon's start and only lock and suspend end it; "
        "run it in an X11 session, GNOME, KDE Plasma or a compositor with "
        "ext-idle-notify-v1 (sway, Hyprland, labwc)";
  }
  return f;
}

Finding check_lock(const LockFacts& facts) {
  Finding f{"lock and suspend", Verdict::ok, "", ""};
  if (facts.logind && !facts.logind_session.empty()) {
    f.found = "logind session " + facts.logind_session + "; " + screensavers(facts);
    return f;
  }
  f.verdict = Verdict::warn;
  if (facts.logind) {
    f.found = "logind without a session of ours (suspend only); " + screensavers(facts);
    f.advice =
        "log in through a display manager so that logind knows the session; until then "
        "a lock is seen only through a screensaver";
    return f;
  }
  const std::string why =
      facts.system_bus_error.empty() ? "logind is not on the system bus" : facts.system_bus_error;
  f.found = "no logind (" + why + "); " + screensavers(facts);
  f.advice =
      "a suspend is then seen from the clocks after waking, and a lock only through a "
      "screensaver; run systemd-logind or elogind";
  return f;
}

Finding check_notifications(const NotifyFacts& facts) {
  Finding f{"notifications", Verdict::ok, "", ""};
  if (!facts.error.empty()) {
    f.verdict = Verdict::fail;
    f.found = "no notification server answered (" + facts.error + ")";
    f.advice =
        "start one (your desktop's own, or dunst, mako, xfce4-notifyd): without it no "
        "prompt is shown";
    return f;
  }
  const bool actions = has(facts.capabilities, "actions");
  const bool persistence = has(facts.capabilities, "persistence");
  f.found = facts.name + " " + facts.version + " by " + facts.vendor + " (spec " +
            facts.spec_version + "); actions: " + (actions ? "yes" : "no") +
            ", persistence: " + (persistence ? "yes" : "no");
  std::vector<std::string> advice;
  if (!actions) {
    advice.push_back(
        "its prompts have no buttons: answer with sitstretch done, snooze or skip, "
        "or from the tray");
  }
  if (!persistence) {
    advice.push_back(
        "a prompt may vanish before it is answered: sitstretch status and the "
        "tray still show it");
  }
  if (!advice.empty()) f.verdict = Verdict::warn;
  f.advice = join(advice);
  return f;
}

Finding check_busy(const BusyFacts& facts) {
  const std::string when = "busy.when = " + (facts.when.empty() ? "[]" : join(facts.when, ", "));
  Finding f{"busy sources", Verdict::ok, join(facts.sources) + " (" + when + ")", ""};
  const bool automatic =
      std::any_of(facts.when.begin(), facts.when.end(), [](const auto& r) { return r != "user"; });
  if (facts.sources.empty()) {
    f.found = "none yet (" + when + ")";
    if (!automatic) return f;
    f.verdict = Verdict::warn;
    f.advice =
        "prompts are not held by themselves while you are busy; hold them with "
        "sitstretch busy [DURATION] (e.g. from a meeting script)";
  }
  return f;
}

Finding check_tray(const TrayFacts& facts) {
  Finding f{"tray", Verdict::ok, "", ""};
  if (!facts.bus_error.empty() || !facts.watcher) {
    f.verdict = Verdict::warn;
    f.found = facts.bus_error.empty() ? "no StatusNotifierWatcher on the session bus"
                                      : "no session bus (" + facts.bus_error + ")";
    f.advice =
        "no tray icon (prompts still come): turn on your panel's tray or StatusNotifier "
        "area; on GNOME install gnome-shell-extension-appindicator";
    return f;
  }
  f.found = "StatusNotifierWatcher present";
  if (!facts.host_registered) {
    f.found += "; it does not say whether a host is registered";
  } else if (*facts.host_registered) {
    f.found += "; a host is registered";
  } else {
    f.verdict = Verdict::warn;
    f.found += ", but no host is registered with it";
    f.advice = "start the panel that shows tray icons";
  }
  return f;
}

}  // namespace sitstretch::doctor
