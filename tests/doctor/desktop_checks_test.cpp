// doctor's verdicts on the desktop's parts, each from facts a probe could have found.
#include <catch2/catch.hpp>

#include "doctor/checks.hpp"

using namespace sitstretch::doctor;

TEST_CASE("idle: the chosen source, with the ones passed over and why", "[doctor]") {
  const Finding f = check_idle({"auto", "x11-sync", {"mutter: no GNOME Shell"}, ""});
  CHECK(f.part == "idle source");
  CHECK(f.verdict == Verdict::ok);
  CHECK(f.found == "x11-sync (passed over: mutter: no GNOME Shell)");
  CHECK(f.advice.empty());
  CHECK(check_idle({"auto", "mutter", {}, ""}).found == "mutter");
}

TEST_CASE("idle: no source at all warns and names the desktops that have one", "[doctor]") {
  const Finding f = check_idle({"auto", "", {"x11-sync: no X display"}, ""});
  CHECK(f.verdict == Verdict::warn);
  CHECK(f.found == "none (passed over: x11-sync: no X display)");
  CHECK(f.advice.find("only lock and suspend end it") != std::string::npos);
  CHECK(f.advice.find("ext-idle-notify-v1") != std::string::npos);
}

TEST_CASE("idle: a forced source that is missing fails, as the daemon will not start", "[doctor]") {
  const Finding f =
      check_idle({"mutter", "", {}, "idle source mutter is not available: no GNOME Shell"});
  CHECK(f.verdict == Verdict::fail);
  CHECK(f.found == "idle source mutter is not available: no GNOME Shell");
  CHECK(f.advice.find("idle.source = \"auto\"") != std::string::npos);
}

TEST_CASE("lock: logind with our session and a screensaver is all there is", "[doctor]") {
  LockFacts facts;
  facts.logind = true;
  facts.logind_session = "/org/freedesktop/login1/session/_32";
  facts.screensavers = {"org.gnome.ScreenSaver"};
  const Finding f = check_lock(facts);
  CHECK(f.verdict == Verdict::ok);
  CHECK(f.found ==
        "logind session /org/freedesktop/login1/session/_32; screensaver org.gnome.ScreenSaver");
  CHECK(f.advice.empty());
}

TEST_CASE("lock: logind without our session sees only suspend", "[doctor]") {
  LockFacts facts;
  facts.logind = true;
  const Finding f = check_lock(facts);
  CHECK(f.verdict == Verdict::warn);
  CHECK(f.found ==
        "logind without a session of ours (suspend only); no screensaver on the session bus");
  CHECK(f.advice.find("display manager") != std::string::npos);
}

TEST_CASE("lock: no system bus warns with the bus's own words", "[doctor]") {
  LockFacts facts;
  facts.system_bus_error = "Could not connect: No such file or directory";
  facts.session_bus_error = "no address";
  const Finding f = check_lock(facts);
  CHECK(f.verdict == Verdict::warn);
  CHECK(f.found ==
        "no logind (Could not connect: No such file or directory); no session bus "
        "(no address)");
  CHECK(f.advice.find("systemd-logind or elogind") != std::string::npos);
  LockFacts no_logind;
  CHECK(check_lock(no_logind).found.starts_with("no logind (logind is not on the system bus)"));
}

TEST_CASE("notifications: a server with actions and persistence is fine", "[doctor]") {
  const NotifyFacts facts{"",      "dunst", "dunstproject",
                          "1.9.0", "1.2",   {"body", "actions", "persistence"}};
  const Finding f = check_notifications(facts);
  CHECK(f.part == "notifications");
  CHECK(f.verdict == Verdict::ok);
  CHECK(f.found == "dunst 1.9.0 by dunstproject (spec 1.2); actions: yes, persistence: yes");
  CHECK(f.advice.empty());
}

TEST_CASE("notifications: without actions or persistence it warns what that costs", "[doctor]") {
  const Finding f = check_notifications({"", "mako", "emersion", "1.7", "1.2", {"body"}});
  CHECK(f.verdict == Verdict::warn);
  CHECK(f.found.ends_with("actions: no, persistence: no"));
  CHECK(f.advice ==
        "its prompts have no buttons: answer with sitstretch done, snooze or skip, or from the "
        "tray; a prompt may vanish before it is answered: sitstretch status and the tray still "
        "show it");
  const Finding only_actions = check_notifications({"", "x", "y", "1", "1.2", {"actions"}});
  CHECK(only_actions.verdict == Verdict::warn);
  CHECK(only_actions.advice.starts_with("a prompt may vanish"));
}

TEST_CASE("notifications: no server fails: no prompt can be shown", "[doctor]") {
  NotifyFacts facts;
  facts.error = "The name org.freedesktop.Notifications was not provided by any .service files";
  const Finding f = check_notifications(facts);
  CHECK(f.verdict == Verdict::fail);
  CHECK(f.found ==
        "no notification server answered (The name org.freedesktop.Notifications was "
        "not provided by any .service files)");
  CHECK(f.advice.find("dunst, mako, xfce4-notifyd") != std::string::npos);
}

TEST_CASE("busy: the sources' own lines, or none yet with what to do", "[doctor]") {
  const Finding running =
      check_busy({{"dnd", "user"}, {"dnd: dunst (paused, via org.dunstproject.cmd0)"}});
  CHECK(running.verdict == Verdict::ok);
  CHECK(running.found == "dnd: dunst (paused, via org.dunstproject.cmd0) (busy.when = dnd, user)");
  const Finding none = check_busy({{"dnd", "fullscreen", "camera", "user"}, {}});
  CHECK(none.verdict == Verdict::warn);
  CHECK(none.found == "none yet (busy.when = dnd, fullscreen, camera, user)");
  CHECK(none.advice.find("sitstretch busy [DURATION]") != std::string::npos);
  // Only the user's own busy (from the control socket), or nothing: no source is wanted.
  CHECK(check_busy({{"user"}, {}}).verdict == Verdict::ok);
  const Finding off = check_busy({{}, {}});
  CHECK(off.verdict == Verdict::ok);
  CHECK(off.found == "none yet (busy.when = [])");
}

TEST_CASE("tray: a watcher with a host registered", "[doctor]") {
  const Finding f = check_tray({"", true, true});
  CHECK(f.verdict == Verdict::ok);
  CHECK(f.found == "StatusNotifierWatcher present; a host is registered");
  CHECK(check_tray({"", true, std::nullopt}).found ==
        "StatusNotifierWatcher present; it does not say whether a host is registered");
}

TEST_CASE("tray: a watcher without a host, no watcher, no bus", "[doctor]") {
  const Finding no_host = check_tray({"", true, false});
  CHECK(no_host.verdict == Verdict::warn);
  CHECK(no_host.advice == "start the panel that shows tray icons");
  const Finding none = check_tray({"", false, std::nullopt});
  CHECK(none.verdict == Verdict::warn);
  CHECK(none.found == "no StatusNotifierWatcher on the session bus");
  CHECK(none.advice.find("gnome-shell-extension-appindicator") != std::string::npos);
  CHECK(check_tray({"no address", false, std::nullopt}).found == "no session bus (no address)");
}

TEST_CASE("a line per part, FAIL standing out, and the exit verdict", "[doctor]") {
  const Finding bad{"notifications", Verdict::fail, "none", "start one"};
  const Finding fine{"config", Verdict::ok, "read a.toml", ""};
  const Finding meh{"tray", Verdict::warn, "none", "turn it on"};
  CHECK(format_line(bad) == "FAIL notifications: none -> start one");
  CHECK(format_line(fine) == "ok   config: read a.toml");
  CHECK(format_line(meh) == "warn tray: none -> turn it on");
  CHECK(prompts_work({fine, meh}));
  CHECK_FALSE(prompts_work({fine, meh, bad}));
  CHECK(to_string(Verdict::fail) == "fail");
}
