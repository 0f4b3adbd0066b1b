// `sitstretch log --trace`: a day recorded as the daemon records it, printed as a trace and
// replayed under the settings the trace names, gives back the logged records to the second.
#include <catch2/catch.hpp>
#include <sstream>

#include "core/record_json.hpp"
#include "core/sitting_model.hpp"
#include "run_command.hpp"
#include "store/settings_toml.hpp"
#include "store/store.hpp"
#include "store/utc.hpp"

using sitstretch::test::run_command;
using sitstretch::test::TempDir;
namespace core = sitstretch::core;
namespace store = sitstretch::store;

namespace {

constexpr std::int64_t kNov25Noon = 1795608000000;  // 2026-11-25 12:00 UTC, 13:00 in Berlin
constexpr std::int64_t kBerlinMidnight = kNov25Noon - 13 * 3600000;

core::Ms at(int seconds) {
  return core::Ms(kNov25Noon + std::int64_t{seconds} * 1000);
}

// Not the defaults, so that the replay can only match if the trace's settings are read.
core::Settings own_settings() {
  core::Settings s;
  s.interval = std::chrono::minutes(30);
  s.break_after = std::chrono::minutes(4);
  s.snooze = std::chrono::minutes(5);
  s.max_snoozes = 2;
  s.answer_within = std::chrono::minutes(1);
  s.repeat_after = std::chrono::minutes(3);
  s.guided = false;
  s.hold = std::chrono::seconds(20);
  s.first_side = core::FirstSide::left;
  s.busy_when.add(core::BusyReason::dnd);
  s.busy_when.add(core::BusyReason::user);
  s.max_defer = std::chrono::minutes(20);
  return s;
}

// The model and the log as the daemon drives them (daemon/app/daemon.cpp): every record the
// model makes is appended, every presence signal is logged with its last input.
struct Daemon {
  std::unique_ptr<store::Store> log;
  core::SittingModel model{own_settings()};
  std::vector<core::Record> logged;

  explicit Daemon(const std::string& file) {
    auto opened = store::Store::open(file);
    REQUIRE(std::holds_alternative<std::unique_ptr<store::Store>>(opened));
    log = std::move(std::get<std::unique_ptr<store::Store>>(opened));
  }
  void finish(std::vector<core::Record>& out) {
    for (const auto& r : out) REQUIRE(log->append(r));
    logged.insert(logged.end(), out.begin(), out.end());
    out.clear();
  }
  void run(store::RunEvent event, int t) {
    REQUIRE(log->append_run(event, at(t).count(), store::settings_toml(model.settings())));
  }
  void signal(core::Signal s, int t, std::optional<int> last_input = {}) {
    std::vector<core::Record> out;
    std::optional<core::Ms> input;
    if (last_input) input = at(*last_input);
    model.signal(s, at(t), out, input);
    REQUIRE(log->append_presence(s, at(t).count(),
                                 input ? std::optional(input->count()) : std::nullopt));
    finish(out);
  }
  template <typename Action>
  void answer(int t, Action action) {
    std::vector<core::Record> out;
    REQUIRE(action(model, at(t), out) == core::Outcome::ok);
    finish(out);
  }
  void busy(bool begins, core::BusyReason reason, int t) {
    std::vector<core::Record> out;
    if (begins) model.busy_begins(reason, at(t), out);
    if (!begins) model.busy_ends(reason, at(t), out);
    finish(out);
  }
};

// A recorded afternoon: a snooze, an ignored re-prompt, a done, a natural break, busy changes,
// a timed and an open pause, a side report and a dismissed prompt; then the daemon stops.
void record_afternoon(Daemon& d) {
  d.run(store::RunEvent::start, 0);
  d.signal(core::Signal::active, 0);
  d.answer(1830, [](auto& m, core::Ms t, auto& out) { return m.snooze(t, out); });
  d.answer(2400, [](auto& m, core::Ms t, auto& out) { return m.done(t, out); });
  d.signal(core::Signal::idle, 3240, 3000);  // noticed break_after after the last input
  d.signal(core::Signal::active, 3600);
  d.busy(true, core::BusyReason::dnd, 3700);
  d.busy(true, core::BusyReason::fullscreen, 3710);  // not in busy.when: holds nothing
  d.busy(false, core::BusyReason::dnd, 3800);
  d.answer(4000, [](auto& m, core::Ms t, auto& out) {
    return m.pause(t, core::Ms(std::chrono::minutes(10)), out);
  });
  d.answer(4700, [](auto& m, core::Ms t, auto& out) { return m.pause(t, std::nullopt, out); });
  d.answer(4750, [](auto& m, core::Ms t, auto& out) { return m.resume(t, out); });
  d.answer(4800,
           [](auto& m, core::Ms t, auto& out) { return m.report_side(t, core::Side::right, out); });
  d.answer(6560, [](auto& m, core::Ms t, auto& out) { return m.dismiss(t, out); });
  std::vector<core::Record> out;
  d.model.advance(at(7000), out);
  d.finish(out);
  d.run(store::RunEvent::stop, 7000);
}

// The records as `replay` prints them: seconds since the trace's start.
std::string as_replayed(const std::vector<core::Record>& logged) {
  std::string out;
  for (const auto& r : logged) {
    out += core::to_json(store::to_utc(r, core::Ms(-kBerlinMidnight)), core::trace_time_format());
    out += "\n";
  }
  return out;
}

// The settings the trace names at its start, as a configuration file.
std::string settings_in(const std::string& trace) {
  std::istringstream in(trace);
  std::string out;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("#   ", 0) == 0) out += line.substr(4) + "\n";
    if (line.rfind("# at", 0) == 0 && line.find("reloaded") != std::string::npos) break;
  }
  return out;
}

struct Home {
  TempDir dir;
  std::string log_file() const { return dir.path() + "/state/sitstretch/log.sqlite3"; }
  sitstretch::test::CommandResult run(std::vector<std::string> args,
                                      const std::string& input = "") const {
    std::vector<std::string> argv{SITSTRETCH_CLI};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(
        argv, input,
        {"TZ=Europe/Berlin", "HOME=" + dir.path(), "XDG_STATE_HOME=" + dir.path() + "/state",
         "XDG_CONFIG_HOME=" + dir.path() + "/config"});
  }
};

}  // namespace

TEST_CASE("log --trace replayed under its settings gives back the logged records") {
  Home home;
  Daemon d(home.log_file());
  record_afternoon(d);
  REQUIRE(d.logged.size() >= 15);
  d.log.reset();

  auto trace = home.run({"log", "--trace", "--since", "2026-11-25"});
  REQUIRE(trace.exit_code == 0);
  CHECK(trace.err.empty());
  CHECK(trace.out.rfind("# start 2026-11-25T00:00:00+01:00", 0) == 0);
  // idle at the last input (13:50:00), not when it was noticed.
  CHECK_THAT(trace.out, Catch::Contains("\n49800 idle\n"));
  CHECK_THAT(trace.out, Catch::Contains("\n50800 pause 10m\n"));
  CHECK_THAT(trace.out, Catch::Contains("\n53800 end\n"));  // where the daemon stopped

  const std::string config = home.dir.write("ran.toml", settings_in(trace.out));
  auto replayed = home.run({"replay", "-", "--config", config}, trace.out);
  CHECK(replayed.err.empty());
  CHECK(replayed.exit_code == 0);
  CHECK(replayed.out == as_replayed(d.logged));
}

TEST_CASE("log --trace names reloads and restarts, and what an older log lacks") {
  Home home;
  {
    Daemon d(home.log_file());
    d.signal(core::Signal::active, 0);  // before version 5: no start kept
    d.run(store::RunEvent::start, 600);
    d.signal(core::Signal::active, 600);
    std::vector<core::Record> out;
    core::Settings longer = own_settings();
    longer.interval = std::chrono::minutes(50);
    d.model.reconfigure(longer, at(900), out);
    d.run(store::RunEvent::reload, 900);
  }
  auto trace = home.run({"log", "--trace", "--since", "2026-11-25", "--until", "2026-11-26"});
  REQUIRE(trace.exit_code == 0);
  CHECK_THAT(trace.out, Catch::Contains("# this log keeps no daemon starts, stops or settings "
                                        "before 2026-11-25T13:10:00+01:00"));
  CHECK_THAT(trace.out, Catch::Contains("# at 47400 s (2026-11-25T13:10:00+01:00) the daemon "
                                        "started: a new model"));
  CHECK_THAT(trace.out, Catch::Contains("the daemon reloaded its configuration"));
  CHECK_THAT(trace.out, Catch::Contains("#   interval = \"50m\"\n"));
  CHECK_THAT(trace.out, Catch::Contains("\n86400 end\n"));
  // A start at 13:10 seen from a later --since: its settings are the ones in force.
  auto later = home.run({"log", "--trace", "--since", "2026-11-25T14:00"});
  CHECK_THAT(later.out, Catch::Contains("# settings in force at the start (the daemon was "
                                        "running):\n#   [sitting]\n#   interval = \"50m\"\n"));
}

TEST_CASE("log --trace of no log is an empty trace that replays") {
  Home home;
  auto trace = home.run({"log", "--trace"});
  CHECK(trace.exit_code == 0);
  CHECK_THAT(trace.out, Catch::Contains("# this log keeps no daemon starts"));
  auto replayed = home.run({"replay", "-"}, trace.out);
  CHECK(replayed.exit_code == 0);
  CHECK(replayed.out.empty());
}
