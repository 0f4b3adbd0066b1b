// `sitstretch stats` and `report` as commands: arguments, the real log file, exit codes.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "fixture.hpp"
#include "run_command.hpp"

namespace sitstretch::stats::test {
namespace {

using sitstretch::test::CommandResult;
using sitstretch::test::run_command;
using sitstretch::test::TempDir;

// A state directory whose log holds a trace (kTwoDays unless told), starting the day before
// yesterday (Berlin).
struct TwoDayLog {
  TempDir dir;
  std::string state = dir.path() + "/state";
  std::string log = state + "/sitstretch/log.sqlite3";
  explicit TwoDayLog(const char* trace = kTwoDays) {
    ScopedTimeZone berlin("Europe/Berlin");
    const auto range = last_days(core::Ms(std::time(nullptr) * 1000LL), 3);
    through_store(log, replay_at(trace, range.front().start));
  }
  CommandResult run(const std::vector<std::string>& args) const {
    std::vector<std::string> argv{SITSTRETCH_STATS_CLI};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv, "", {"TZ=Europe/Berlin", "XDG_STATE_HOME=" + state});
  }
};

TEST_CASE("stats --json reads the log and gives the hand-counted numbers per day") {
  TwoDayLog fixture;
  const CommandResult r = fixture.run({"stats", "--days", "3", "--json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("\"sitting_s\":11000,\"bouts\":4,\"longest_bout_s\":5000"));
  CHECK_THAT(r.out, Catch::Contains("\"sitting_s\":1800,\"bouts\":1,\"longest_bout_s\":1800"));
  CHECK_THAT(r.out, Catch::Contains("\"total\":{\"date\":\"total\",\"sitting_s\":12800"));
}

TEST_CASE("stats and report show the prompts held while busy, counted and kept alike") {
  TwoDayLog fixture(kBusyDay);
  for (int pass = 0; pass < 2; ++pass) {  // the day counted, then read back as kept
    const CommandResult r = fixture.run({"stats", "--days", "3", "--json"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("\"held_prompts\":3,\"held_s\":8750,"));
  }
  const CommandResult report = fixture.run({"report", "--days", "3", "-o", "-"});
  REQUIRE(report.exit_code == 0);
  CHECK_THAT(report.out, Catch::Contains("<rect class=\"held\""));
}

TEST_CASE("stats keeps the finished days and gives the same numbers from them next time") {
  TwoDayLog fixture;
  const CommandResult first = fixture.run({"stats", "--days", "3", "--json"});
  REQUIRE(first.exit_code == 0);
  CHECK(sql(fixture.log, "SELECT count(*) FROM day_stats") == 2);  // not today
  const CommandResult again = fixture.run({"stats", "--days", "3", "--json"});
  REQUIRE(again.exit_code == 0);
  CHECK(again.out == first.out);
  CHECK(fixture.run({"stats", "--days", "3"}).out == fixture.run({"stats", "--days", "3"}).out);
}

TEST_CASE("stats prints a plain table when stdout is not a terminal, and CSV on request") {
  TwoDayLog fixture;
  const CommandResult table = fixture.run({"stats", "--days", "3"});
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.find('\033') == std::string::npos);
  CHECK_THAT(table.out, Catch::Contains("    3:03     4    1:23"));
  const CommandResult csv = fixture.run({"stats", "--days", "2", "--csv"});
  REQUIRE(csv.exit_code == 0);
  CHECK_THAT(csv.out, Catch::StartsWith("date,sitting_s,"));
  CHECK_THAT(csv.out, Catch::Contains(",1800,1,1800,1,1,0,0,0,0,1,1,1,0,0,0,1,0,0,1,0,0\n"));
  CHECK(std::count(csv.out.begin(), csv.out.end(), '\n') == 4);  // header, 2 days, total
}

TEST_CASE("stats refuses bad arguments with exit status 2") {
  TwoDayLog fixture;
  for (const std::vector<std::string>& args : {std::vector<std::string>{"stats", "--days", "0"},
                                               {"stats", "--days", "x"},
                                               {"stats", "--since", "someday"},
                                               {"stats", "--frobnicate"},
                                               {"report", "--days"}}) {
    const CommandResult r = fixture.run(args);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::StartsWith("sitstretch: "));
  }
}

TEST_CASE("stats and log with no log yet show empty days and no records, and create nothing") {
  TempDir dir;
  const CommandResult r = run_command({SITSTRETCH_STATS_CLI, "stats", "--days", "2", "--csv"}, "",
                                      {"XDG_STATE_HOME=" + dir.path()});
  CHECK(r.exit_code == 0);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 4);
  const CommandResult log = run_command({SITSTRETCH_STATS_CLI, "log", "--all", "--csv"}, "",
                                        {"XDG_STATE_HOME=" + dir.path()});
  CHECK(log.exit_code == 0);
  CHECK(log.out == "t,event,sitting_s,attempt,prompted,until,since,away_s,side,reason\n");
  CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("stats, report and log leave a damaged log alone and say so") {
  TempDir dir;
  std::filesystem::create_directories(dir.path() + "/sitstretch");
  const std::string log = dir.write("sitstretch/log.sqlite3", std::string(4096, 'x'));
  const std::vector<std::string> env{"XDG_STATE_HOME=" + dir.path()};
  const CommandResult stats = run_command({SITSTRETCH_STATS_CLI, "stats"}, "", env);
  const CommandResult report =
      run_command({SITSTRETCH_STATS_CLI, "report", "-o", dir.path() + "/r.html"}, "", env);
  const CommandResult records = run_command({SITSTRETCH_STATS_CLI, "log", "--csv"}, "", env);
  CHECK(records.out.empty());
  for (const CommandResult& r : {stats, report, records}) {
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains(log + ": ") && Catch::Contains("not a database"));
  }
  std::size_t entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path() + "/sitstretch")) {
    entries += e.is_regular_file() ? 1 : 0;
  }
  CHECK(entries == 1);
  std::ifstream in(log);
  CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == std::string(4096, 'x'));
}

TEST_CASE("report -o - writes the page to stdout") {
  TwoDayLog fixture;
  const CommandResult r = fixture.run({"report", "--days", "3", "-o", "-"});
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::StartsWith("<!DOCTYPE html>") && Catch::EndsWith("</html>\n"));
  CHECK_THAT(r.out, Catch::Contains("<section id=\"compliance\">"));
}

}  // namespace
}  // namespace sitstretch::stats::test
