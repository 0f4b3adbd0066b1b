// `sitstretch whatif`: a fixture day replayed under two configurations, with numbers worked out
// by hand from the rules of SPEC §2 (interval 45m against 60m, break_after 5m, answer_within 2m,
// repeat_after 5m, max_defer 1h, busy.when all).
#include <catch2/catch.hpp>

#include "cli/whatif.hpp"
#include "run_command.hpp"
#include "store/store.hpp"

using sitstretch::test::run_command;
using sitstretch::test::ScopedTimeZone;
using sitstretch::test::TempDir;
namespace cli = sitstretch::cli;
namespace core = sitstretch::core;
namespace stats = sitstretch::stats;
using std::chrono::minutes;

namespace {

core::Settings with_interval(minutes interval) {
  core::Settings s;
  s.interval = interval;
  s.break_after = minutes(5);
  s.snooze = minutes(10);
  s.max_snoozes = 3;
  s.answer_within = minutes(2);
  s.repeat_after = minutes(5);
  s.busy_when = core::BusyReasons::all();
  s.max_defer = minutes(60);
  return s;
}

// The fixture day, in seconds from midnight. Three bouts:
// - 50 min from 28800: with 45m a prompt at 31500 that the break resolves (5 min past interval);
//   with 60m no prompt, a natural break.
// - 30 min from 36000: a natural break under both.
// - 80 min from 43200, busy until 46000: with 45m the prompt due at 45900 is held until 46000
//   (35 min past interval); with 60m it comes at 46800, unheld (20 min past). Re-prompts after
//   an ignored prompt are not first prompts. The break resolves the episode under both.
}  // namespace

TEST_CASE("whatif counts a day under each configuration as worked out by hand, on a DST day") {
  ScopedTimeZone berlin("Europe/Berlin");
  // 2026-03-29 is 23 hours long in Berlin: a bout from 22:30 elapsed is 30 min in the day.
  const stats::LocalDay day = stats::local_day_of(core::Ms(1774774800000));  // 09:00 CEST
  REQUIRE(day.date == "2026-03-29");
  REQUIRE(day.length() == std::chrono::hours(23));
  // An answer in the trace is not replayed: under 45m it would snooze the first prompt.
  const auto trace = cli::replayed_events(
      "28800 active\n31550 snooze\n31800 idle\n36000 active\n37800 idle\n43200 active\n"
      "43200 busy dnd\n46000 free dnd\n48000 idle\n81000 active\n84600 idle\n86400 end\n");

  const auto now = cli::what_if(trace, day.start, with_interval(minutes(45)), {day});
  const auto later = cli::what_if(trace, day.start, with_interval(minutes(60)), {day});
  REQUIRE(now.days.size() == 1);
  const cli::WhatIfDay& a = now.days[0];
  const cli::WhatIfDay& b = later.days[0];
  CHECK(a.date == "2026-03-29");
  CHECK(a.sitting == minutes(50 + 30 + 80 + 30));
  CHECK(b.sitting == a.sitting);
  CHECK(a.longest_bout == minutes(80));
  CHECK(b.longest_bout == minutes(80));
  CHECK(a.first_prompts == 2);
  CHECK(b.first_prompts == 1);
  CHECK(a.natural_breaks == 1);
  CHECK(b.natural_breaks == 2);
  CHECK(a.past_interval == minutes(5 + 35));
  CHECK(b.past_interval == minutes(20));
  CHECK(a.held_by_busy == 1);
  CHECK(b.held_by_busy == 0);
  CHECK(now.total == cli::WhatIfDay{"total", a.sitting, a.longest_bout, 2, 1, minutes(40), 1});
}

TEST_CASE("whatif replays yesterday from the log, running configuration beside FILE") {
  ScopedTimeZone utc("UTC");
  TempDir home;
  const std::int64_t now_ms =
      std::chrono::duration_cast<core::Ms>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  const stats::LocalDay yesterday = stats::local_day_of(core::Ms(now_ms - 86400000));
  {
    auto opened = sitstretch::store::Store::open(home.path() + "/state/sitstretch/log.sqlite3");
    REQUIRE(std::holds_alternative<std::unique_ptr<sitstretch::store::Store>>(opened));
    auto& log = std::get<std::unique_ptr<sitstretch::store::Store>>(opened);
    auto at = [&](int s) { return yesterday.start.count() + std::int64_t{s} * 1000; };
    for (int s : {28800, 36000, 43200})
      REQUIRE(log->append_presence(core::Signal::active, at(s), {}));
    // Idle as the daemon logs it: noticed break_after after the last input.
    for (int s : {31800, 37800, 48000}) {
      REQUIRE(log->append_presence(core::Signal::idle, at(s + 300), at(s)));
    }
    for (auto [kind, s] :
         {std::pair{core::RecordKind::busy, 43200}, {core::RecordKind::free, 46000}}) {
      core::Record r;
      r.kind = kind;
      r.t = core::Ms(at(s));
      REQUIRE(log->append(r));
    }
    core::Record answer;  // an answer in the log is not replayed
    answer.kind = core::RecordKind::accepted;
    answer.t = core::Ms(at(30000));
    REQUIRE(log->append(answer));
  }
  const std::string hour = home.write("hour.toml", "[sitting]\ninterval = \"60m\"\n");
  auto run = [&](const std::vector<std::string>& args) {
    // Not args.insert(args.begin(), ...): GCC 12 warns of a bogus memcpy (see cli_test.cpp).
    std::vector<std::string> argv{SITSTRETCH_CLI};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(
        argv, "",
        {"TZ=UTC", "HOME=" + home.path(), "XDG_STATE_HOME=" + home.path() + "/state",
         "XDG_CONFIG_HOME=" + home.path() + "/config", "XDG_CONFIG_DIRS=" + home.path() + "/etc"});
  };
  auto json = run({"whatif", hour, "--days", "2", "--json"});
  CHECK(json.err.empty());
  REQUIRE(json.exit_code == 0);
  const std::string day =
      "{\"date\":\"" + yesterday.date +
      "\",\"running\":{\"sitting_s\":9600,\"longest_bout_s\":4800,\"first_prompts\":2,"
      "\"natural_breaks\":1,\"past_interval_s\":2400,\"held_by_busy\":1},\"file\":{"
      "\"sitting_s\":9600,\"longest_bout_s\":4800,\"first_prompts\":1,\"natural_breaks\":2,"
      "\"past_interval_s\":1200,\"held_by_busy\":0}}\n";
  CHECK(json.out.rfind(day, 0) == 0);
  CHECK_THAT(json.out, Catch::Contains("{\"date\":\"total\",\"running\":{\"sitting_s\":9600,"));

  auto table = run({"whatif", hour});
  CHECK(table.exit_code == 0);
  CHECK_THAT(table.out, Catch::StartsWith("Answers are not replayed"));
  CHECK_THAT(table.out,
             Catch::Contains(yesterday.date + "  2:40 | 2:40    1:20 | 1:20    2 | 1          "
                                              "1 | 2           40 | 20            1 | 0\n"));

  const std::string bad = home.write("bad.toml", "[sitting]\ninterval = 45\n");
  auto refused = run({"whatif", bad});
  auto checked = run({"config", "check", bad});
  CHECK(refused.exit_code == 2);
  CHECK(refused.out.empty());
  CHECK(refused.err == checked.err);
  CHECK_THAT(refused.err, Catch::StartsWith(bad + ":2:"));
}

TEST_CASE("whatif counts a bout still open at the end, with no prompt in it") {
  ScopedTimeZone utc("UTC");
  const stats::LocalDay day = stats::local_day_of(core::Ms(1795608000000));  // 2026-11-25 12:00
  const auto events = cli::replayed_events("36000 active\n36600 end\n");
  const auto counted = cli::what_if(events, day.start, with_interval(minutes(45)), {day});
  CHECK(counted.days[0].sitting == minutes(10));
  CHECK(counted.days[0].longest_bout == minutes(10));
  CHECK(counted.days[0].first_prompts == 0);
  CHECK(counted.total.sitting == minutes(10));
}
