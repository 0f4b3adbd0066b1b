// The Wayland idle sources against real headless compositors: kwin_wayland 5.27
// (ext-idle-notify-v1 and org_kde_kwin_idle) and sway 1.7 (org_kde_kwin_idle). Each compositor
// is started once per test process and shared by its test cases, except where a test kills it.

#include <fcntl.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "compositors.hpp"
#include "idle/ext_idle_notify.hpp"
#include "idle/kde_idle.hpp"
#include "idle/wayland_idle.hpp"
#include "run_command.hpp"

namespace sitstretch::wayland::test {
namespace {

using namespace std::chrono_literals;
using core::Ms;
using idle::IdleSource;
using idle::PresenceEvent;

Kwin& shared_kwin() {
  static Kwin kwin;
  return kwin;
}

Sway& shared_sway() {
  static Sway sway;
  return sway;
}

// An io_context that records the source's events, with when each arrived.
class Loop {
 public:
  boost::asio::io_context& io() { return io_; }
  const std::vector<PresenceEvent>& events() const { return events_; }
  const std::vector<Ms>& arrivals() const { return arrivals_; }
  idle::PresenceSink sink() {
    return [this](const PresenceEvent& event) {
      events_.push_back(event);
      arrivals_.push_back(boot_now());
    };
  }

  bool run_until(const std::function<bool()>& done, Ms timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
      const auto now = std::chrono::steady_clock::now();
      if (now >= deadline) return false;
      if (io_.run_one_for(deadline - now) == 0 && io_.stopped()) {
        io_.restart();  // out of work (the compositor went away): just let time pass
        std::this_thread::sleep_for(10ms);
      }
    }
    return true;
  }
  bool run_until_events(std::size_t count, Ms timeout) {
    return run_until([&] { return events_.size() >= count; }, timeout);
  }
  // Runs the loop for `duration`; returns how many handlers ran (wakeups of the daemon).
  std::size_t run_for(Ms duration) {
    const std::size_t handlers = io_.run_for(duration);
    if (io_.stopped()) io_.restart();
    return handlers;
  }

 private:
  boost::asio::io_context io_;
  std::vector<PresenceEvent> events_;
  std::vector<Ms> arrivals_;
};

using Opener = std::function<std::unique_ptr<IdleSource>(Loop&, Ms, const std::string&)>;

std::unique_ptr<IdleSource> open_ext(Loop& loop, Ms after, const std::string& socket) {
  std::string error;
  auto source =
      idle::open_ext_idle_notify(loop.io(), loop.sink(), &boot_now, after, true, socket, &error);
  INFO(error);
  REQUIRE(source);
  return source;
}

std::unique_ptr<IdleSource> open_kde(Loop& loop, Ms after, const std::string& socket) {
  std::string error;
  auto source = idle::open_kde_idle(loop.io(), loop.sink(), &boot_now, after, true, socket, &error);
  INFO(error);
  REQUIRE(source);
  return source;
}

// Input stops: `idle` after the threshold, dated at the last input; input again: `active`.
void check_idle_then_active(Compositor& compositor, const Opener& open) {
  Loop loop;
  auto source = open(loop, 1s, compositor.socket());
  const InputTime last = compositor.input();
  INFO(compositor.log_tail());
  REQUIRE(loop.run_until_events(1, 6s));
  CHECK(loop.events()[0].signal == core::Signal::idle);
  CHECK(loop.events()[0].at >= last.before - 1s);
  CHECK(loop.events()[0].at <= last.after + 1s);
  // Not before input stopped for the threshold (KWin's coarse Qt timers run up to 5% early).
  CHECK(loop.arrivals()[0] >= last.before + 950ms);
  const auto idle_for = source->idle_for();
  REQUIRE(idle_for);
  CHECK(*idle_for >= boot_now() - loop.events()[0].at - 100ms);

  const InputTime back = compositor.input();
  REQUIRE(loop.run_until_events(2, 3s));
  CHECK(loop.events()[1].signal == core::Signal::active);
  CHECK(loop.events()[1].at >= back.before);
  CHECK(loop.events()[1].at <= back.after + 1s);
  CHECK_FALSE(source->idle_for());
}

// While the user keeps moving, nothing reaches the daemon: not one wakeup of its loop.
void check_no_wakeups_while_active(Compositor& compositor, const Opener& open) {
  Loop loop;
  auto source = open(loop, 2s, compositor.socket());
  loop.run_for(100ms);  // the source's first flush
  std::size_t wakeups = 0;
  for (int i = 0; i < 10; ++i) {
    compositor.input();
    wakeups += loop.run_for(300ms);
  }
  CHECK(wakeups == 0);
  CHECK(loop.events().empty());
}

// A threshold changed while active applies to the next idleness.
void check_new_threshold(Compositor& compositor, const Opener& open) {
  Loop loop;
  auto source = open(loop, 1s, compositor.socket());
  source->set_threshold(2500ms);
  const InputTime last = compositor.input();
  REQUIRE(loop.run_until_events(1, 8s));
  CHECK(loop.events()[0].signal == core::Signal::idle);
  CHECK(loop.arrivals()[0] >= last.before + 2375ms);  // 5% early at most, as above
  CHECK(loop.events()[0].at >= last.before - 1s);
  CHECK(loop.events()[0].at <= last.after + 1s);
}

// A threshold changed while idle keeps the idleness as reported and applies after `active`.
void check_threshold_changed_while_idle(Compositor& compositor, const Opener& open) {
  Loop loop;
  auto source = open(loop, 500ms, compositor.socket());
  compositor.input();
  REQUIRE(loop.run_until_events(1, 4s));
  source->set_threshold(2s);
  CHECK(loop.run_for(500ms) == 0);  // no fresh notification object, no second `idle`
  compositor.input();
  REQUIRE(loop.run_until_events(2, 3s));
  CHECK(loop.events()[1].signal == core::Signal::active);
  const InputTime last = compositor.input();
  REQUIRE(loop.run_until_events(3, 6s));
  CHECK(loop.events()[2].signal == core::Signal::idle);
  CHECK(loop.arrivals()[2] >= last.before + 1900ms);  // 5% early at most, as above
  CHECK(loop.events()[2].at >= last.before - 1s);
  CHECK(loop.events()[2].at <= last.after + 1s);
}

// Sends this process's stderr to a file for the scope, to read what a source logged.
class CapturedStderr {
 public:
  CapturedStderr() : saved_(dup(STDERR_FILENO)) {
    std::fflush(stderr);
    const int fd = open(file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fd, STDERR_FILENO);
    close(fd);
  }
  ~CapturedStderr() { restore(); }
  std::string text() {
    restore();
    return sitstretch::test::run_command({"cat", file_}).out;
  }

 private:
  void restore() {
    if (saved_ < 0) return;
    std::fflush(stderr);
    dup2(saved_, STDERR_FILENO);
    close(saved_);
    saved_ = -1;
  }
  sitstretch::test::TempDir dir_;
  std::string file_ = dir_.path() + "/stderr";
  int saved_;
};

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Both sources idle, then the compositor is killed: each logs one line, falls silent, and
// later calls on it do nothing.
void check_killed(Compositor& compositor, std::vector<Opener> openers) {
  Loop loop;
  std::vector<std::unique_ptr<IdleSource>> sources;
  for (const auto& open : openers) sources.push_back(open(loop, 500ms, compositor.socket()));
  compositor.input();
  REQUIRE(loop.run_until_events(sources.size(), 5s));
  for (auto& source : sources) REQUIRE(source->idle_for());

  CapturedStderr captured;
  compositor.kill();
  const bool silent = loop.run_until(
      [&] {
        for (auto& source : sources) {
          if (source->idle_for()) return false;
        }
        return true;
      },
      5s);
  for (auto& source : sources) source->set_threshold(2s);
  const std::size_t handlers = loop.run_for(1s);
  const std::string log = captured.text();
  INFO(log);
  CHECK(silent);
  CHECK(handlers == 0);
  CHECK(loop.events().size() == sources.size());
  CHECK(count(log, "lost the connection to Wayland compositor") == sources.size());
}

TEST_CASE("ext-idle-notify on kwin: idle dated at the last input, then active", "[wayland]") {
  check_idle_then_active(shared_kwin(), open_ext);
  check_new_threshold(shared_kwin(), open_ext);
}

TEST_CASE("ext-idle-notify on kwin: no wakeups while the user moves", "[wayland]") {
  check_no_wakeups_while_active(shared_kwin(), open_ext);
}

TEST_CASE("org_kde_kwin_idle on kwin: idle dated at the last input, then active", "[wayland]") {
  check_idle_then_active(shared_kwin(), open_kde);
  check_no_wakeups_while_active(shared_kwin(), open_kde);
}

TEST_CASE("ext-idle-notify on kwin: a threshold changed while idle applies after active",
          "[wayland]") {
  check_threshold_changed_while_idle(shared_kwin(), open_ext);
}

TEST_CASE("a killed kwin leaves both sources silent, logged once each", "[wayland]") {
  Kwin kwin;
  check_killed(kwin, {open_ext, open_kde});
}

TEST_CASE("org_kde_kwin_idle on sway: idle dated at the last input, then active", "[wayland]") {
  check_idle_then_active(shared_sway(), open_kde);
  check_new_threshold(shared_sway(), open_kde);
  check_threshold_changed_while_idle(shared_sway(), open_kde);
}

TEST_CASE("org_kde_kwin_idle on sway: no wakeups while the user moves", "[wayland]") {
  check_no_wakeups_while_active(shared_sway(), open_kde);
}

TEST_CASE("sway 1.7 has no ext-idle-notify, and the source says so", "[wayland]") {
  boost::asio::io_context io;
  std::string error;
  CHECK(idle::open_ext_idle_notify(
            io, [](const PresenceEvent&) {}, &boot_now, 1s, true, shared_sway().socket(), &error) ==
        nullptr);
  CHECK_THAT(error, Catch::Contains("offers no ext_idle_notifier_v1"));
}

TEST_CASE("a killed sway leaves the source silent, logged once", "[wayland]") {
  Sway sway;
  check_killed(sway, {open_kde});
}

TEST_CASE("without WAYLAND_DISPLAY the factory functions say so", "[wayland]") {
  const char* old = std::getenv("WAYLAND_DISPLAY");
  const std::optional<std::string> saved = old ? std::optional<std::string>(old) : std::nullopt;
  unsetenv("WAYLAND_DISPLAY");
  boost::asio::io_context io;
  auto ignore = [](const PresenceEvent&) {};
  std::string ext_error, kde_error;
  CHECK(idle::make_ext_idle_notify(io, ignore, &boot_now, 1s, true, &ext_error) == nullptr);
  CHECK(idle::make_kde_idle(io, ignore, &boot_now, 1s, true, &kde_error) == nullptr);
  if (saved) setenv("WAYLAND_DISPLAY", saved->c_str(), 1);
  CHECK_THAT(ext_error, Catch::Contains("WAYLAND_DISPLAY"));
  CHECK_THAT(kde_error, Catch::Contains("WAYLAND_DISPLAY"));
}

TEST_CASE("a WAYLAND_DISPLAY with no compositor behind it is named", "[wayland]") {
  boost::asio::io_context io;
  std::string error;
  sitstretch::test::TempDir dir;
  const std::string missing = dir.path() + "/wayland-none";
  CHECK(idle::open_kde_idle(
            io, [](const PresenceEvent&) {}, &boot_now, 1s, true, missing, &error) == nullptr);
  CHECK_THAT(error, Catch::Contains(missing));
}

}  // namespace
}  // namespace sitstretch::wayland::test
