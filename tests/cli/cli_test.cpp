// `sitstretch replay`, `config` and the options of every command, run as a user runs them: the real
// binary, real files, exit codes and messages.
#include <algorithm>
#include <catch2/catch.hpp>

#include "run_command.hpp"

using sitstretch::test::CommandResult;
using sitstretch::test::run_command;
using sitstretch::test::TempDir;

namespace {

// A home with no configuration, so that the user's own files never leak into a test.
struct Cli {
  TempDir home;
  CommandResult run(const std::vector<std::string>& args, const std::string& input = "") const {
    // Not args.insert(args.begin(), ...): GCC 12 at -O2 then warns of a bogus out-of-bounds
    // memcpy (-Warray-bounds), for some lengths of the path only.
    std::vector<std::string> argv{SITSTRETCH_CLI};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv, input,
                       {"HOME=" + home.path(), "XDG_CONFIG_HOME=" + home.path() + "/config",
                        "XDG_CONFIG_DIRS=" + home.path() + "/etc"});
  }
};

}  // namespace

TEST_CASE("replay prints the records of a trace as JSON Lines") {
  Cli cli;
  auto trace = cli.home.write("day.trace", "0 active\n2710 done\n# lunch\n3000 idle\n3400 end\n");
  auto r = cli.run({"replay", trace});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "{\"t\":2700,\"event\":\"prompt\",\"sitting_s\":2700,\"attempt\":1}\n"
        "{\"t\":2710,\"event\":\"accepted\",\"sitting_s\":2710,\"prompted\":true}\n"
        "{\"t\":3300,\"event\":\"away\",\"since\":3000,\"sitting_s\":290,\"prompted\":false}\n");
}

TEST_CASE("replay reads the trace from stdin with -") {
  Cli cli;
  auto r = cli.run({"replay", "-"}, "0 active\n2700 end\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "{\"t\":2700,\"event\":\"prompt\",\"sitting_s\":2700,\"attempt\":1}\n");
}

TEST_CASE("replay stops at a bad line: one error line naming it, exit 2") {
  Cli cli;
  auto trace = cli.home.write("bad.trace", "0 active\n2800 skip\n2900 sit\n3000 skip\n");
  auto r = cli.run({"replay", trace});
  CHECK(r.exit_code == 2);
  CHECK(r.err == trace +
                     ":3: unknown event \"sit\"; expected active, idle, locked, unlocked, "
                     "sleep, wake, done, snooze, skip, dismiss, pause [DURATION], resume, "
                     "side left|right|even, busy REASON, free REASON or end\n");
  // Records up to the bad line are printed, nothing past it.
  CHECK(r.out ==
        "{\"t\":2700,\"event\":\"prompt\",\"sitting_s\":2700,\"attempt\":1}\n"
        "{\"t\":2800,\"event\":\"skipped\",\"sitting_s\":2800}\n");
}

TEST_CASE("replay refuses time going back and answers with nothing pending") {
  Cli cli;
  auto back = cli.run({"replay", "-"}, "0 active\n10 idle\n5 active\n");
  CHECK(back.exit_code == 2);
  CHECK(back.err == "<stdin>:3: time 5 goes back before the previous line's 10\n");
  auto nothing = cli.run({"replay", "-"}, "0 active\n100 snooze\n");
  CHECK(nothing.exit_code == 2);
  CHECK(nothing.err ==
        "<stdin>:2: snooze with no prompt pending; expected it only after a prompt\n");
  CHECK(nothing.out.empty());
}

TEST_CASE("replay holds a prompt while busy and prints busy and free") {
  Cli cli;
  auto trace = cli.home.write("meeting.trace",
                              "0 active\n2600 busy camera  # a call\n2650 busy dnd\n"
                              "2800 free camera\n2900 free dnd\n2901 end\n");
  auto r = cli.run({"replay", trace});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "{\"t\":2600,\"event\":\"busy\",\"reason\":\"camera\"}\n"
        "{\"t\":2650,\"event\":\"busy\",\"reason\":\"dnd\"}\n"
        "{\"t\":2800,\"event\":\"free\",\"reason\":\"camera\"}\n"
        "{\"t\":2900,\"event\":\"free\",\"reason\":\"dnd\"}\n"
        "{\"t\":2900,\"event\":\"prompt\",\"sitting_s\":2900,\"attempt\":1}\n");
}

TEST_CASE("replay --config applies busy.when and busy.max_defer") {
  Cli cli;
  auto config = cli.home.write("busy.toml", "[busy]\nwhen = [\"dnd\"]\nmax_defer = \"5m\"\n");
  const std::string trace = "0 active\n2600 busy camera\n2610 busy dnd\n3100 end\n";
  auto r = cli.run({"replay", "-", "--config", config}, trace);
  CHECK(r.exit_code == 0);
  // The camera is not in busy.when; dnd holds the prompt due at 2700 until 3000.
  CHECK(r.out ==
        "{\"t\":2610,\"event\":\"busy\",\"reason\":\"dnd\"}\n"
        "{\"t\":3000,\"event\":\"prompt\",\"sitting_s\":3000,\"attempt\":1}\n");
  auto never =
      cli.run({"replay", "-", "--config", cli.home.write("never.toml", "busy.when = []\n")}, trace);
  CHECK(never.out ==
        "{\"t\":2700,\"event\":\"prompt\",\"sitting_s\":2700,\"attempt\":1}\n"
        "{\"t\":2820,\"event\":\"ignored\",\"sitting_s\":2820}\n");
}

TEST_CASE("replay refuses a busy line with an unknown reason, naming the line and the words") {
  Cli cli;
  auto r = cli.run({"replay", "-"}, "0 active\n10 busy meeting\n");
  CHECK(r.exit_code == 2);
  CHECK(r.err == "<stdin>:2: expected busy dnd, fullscreen, camera or user, got \"meeting\"\n");
  CHECK(r.out.empty());
}

TEST_CASE("replay --config tries another configuration") {
  Cli cli;
  auto config = cli.home.write("short.toml", "[sitting]\ninterval = \"10m\"\n");
  auto r = cli.run({"replay", "-", "--config", config}, "0 active\n600 end\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "{\"t\":600,\"event\":\"prompt\",\"sitting_s\":600,\"attempt\":1}\n");
}

TEST_CASE("replay reads the user's configuration when no --config is given") {
  Cli cli;
  cli.home.write("config/sitstretch/config.toml", "[sitting]\ninterval = \"20m\"\n");
  auto r = cli.run({"replay", "-"}, "0 active\n1200 end\n");
  CHECK(r.out == "{\"t\":1200,\"event\":\"prompt\",\"sitting_s\":1200,\"attempt\":1}\n");
}

TEST_CASE("replay with a bad configuration names file, line and column") {
  Cli cli;
  auto config = cli.home.write("bad.toml", "[prompt]\nsnooze = 10\n");
  auto r = cli.run({"replay", "-", "--config", config}, "0 active\n");
  CHECK(r.exit_code == 2);
  CHECK(r.err.starts_with(config + ":2:10: prompt.snooze:"));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

TEST_CASE("replay usage errors") {
  Cli cli;
  CHECK(cli.run({"replay"}).exit_code == 2);
  auto missing = cli.run({"replay", cli.home.path() + "/nope.trace"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == "sitstretch: cannot read trace " + cli.home.path() + "/nope.trace\n");
}

TEST_CASE("config check validates a file without a daemon") {
  Cli cli;
  auto good = cli.home.write("good.toml", "[prompt]\nmax_snoozes = 2\n");
  auto ok = cli.run({"config", "check", good});
  CHECK(ok.exit_code == 0);
  CHECK(ok.out == good + ": ok\n");
  auto typo = cli.home.write("typo.toml", "[sitting]\nintervall = \"30m\"\n");
  auto bad = cli.run({"config", "check", typo});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.starts_with(typo + ":2:1: "));
  CHECK(bad.err.find("did you mean \"sitting.interval\"") != std::string::npos);
}

TEST_CASE("config check without a file checks what the daemon would read") {
  Cli cli;
  CHECK(cli.run({"config", "check"}).out == "no configuration file; the built-in defaults apply\n");
  auto user =
      cli.home.write("config/sitstretch/config.toml", "[quiet]\nhours = [\"25:00-01:00\"]\n");
  auto r = cli.run({"config", "check"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.starts_with(user + ":2:"));
}

TEST_CASE("config check passes a locked key the user set, with a warning naming both files") {
  Cli cli;
  auto site = cli.home.write("etc/sitstretch/config.toml",
                             "locked = [\"sitting.interval\"]\n[sitting]\ninterval = \"30m\"\n");
  auto user = cli.home.write("config/sitstretch/config.toml",
                             "[prompt]\nsnooze = \"5m\"\n[sitting]\ninterval = \"2h\"\n");
  auto r = cli.run({"config", "check"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == site + ": ok\n" + user + ": ok\n");
  CHECK(r.err == "warning: " + user + ":4:1: sitting.interval is locked by the administrator (" +
                     site + ":1:11); this setting is ignored\n");
  // In the user's own file, or a file given to check, `locked` is an error.
  auto own = cli.home.write("own.toml", "\nlocked = [\"prompt.snooze\"]\n");
  auto refused = cli.run({"config", "check", own});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.starts_with(own + ":2:1: locked: only a system file"));
}

TEST_CASE("config default prints the documented defaults, which check accepts") {
  Cli cli;
  auto r = cli.run({"config", "default"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("interval = \"45m\"") != std::string::npos);
  auto copy = cli.home.write("copy.toml", r.out);
  CHECK(cli.run({"config", "check", copy}).exit_code == 0);
}

TEST_CASE("help, version and unknown commands") {
  Cli cli;
  auto help = cli.run({"--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("replay TRACE") != std::string::npos);
  CHECK(cli.run({"--version"}).out == "sitstretch " SITSTRETCH_VERSION "\n");
  auto unknown = cli.run({"stretchh"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "sitstretch: unknown command \"stretchh\"; see sitstretch --help\n");
}

TEST_CASE("the shipped example trace replays cleanly") {
  Cli cli;
  auto r = cli.run({"replay", SITSTRETCH_EXAMPLE_TRACE});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out.find("\"event\":\"prompt\"") != std::string::npos);
  CHECK(r.out.find("\"event\":\"away\"") != std::string::npos);
}

TEST_CASE("sitstretchd has help and version and refuses unknown arguments") {
  Cli cli;
  auto help = run_command({SITSTRETCH_DAEMON, "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.starts_with("Usage: sitstretchd [--config FILE]"));
  CHECK(run_command({SITSTRETCH_DAEMON, "--version"}).out == "sitstretchd " SITSTRETCH_VERSION
                                                             "\n");
  auto bad = run_command({SITSTRETCH_DAEMON, "--frobnicate"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err == "sitstretchd: unknown argument --frobnicate; see sitstretchd --help\n");
}

TEST_CASE("options take their value after = as well: stats --days=3, log --since=...") {
  Cli cli;  // no log yet: every day shows, empty
  auto lines = [](const CommandResult& r) { return std::count(r.out.begin(), r.out.end(), '\n'); };
  const CommandResult days = cli.run({"stats", "--days=3", "--csv"});
  CHECK(days.exit_code == 0);
  CHECK(days.err.empty());
  CHECK(lines(days) == 5);  // header, three days, total
  CHECK(days.out == cli.run({"stats", "--days", "3", "--csv"}).out);
  const CommandResult since = cli.run({"stats", "--since=yesterday", "--csv"});
  CHECK(since.exit_code == 0);
  CHECK(lines(since) == 4);  // header, yesterday, today, total
  const CommandResult log = cli.run({"log", "--since=2h", "--until=1h", "--csv"});
  CHECK(log.exit_code == 0);
  CHECK(log.out == "t,event,sitting_s,attempt,prompted,until,since,away_s,side,reason\n");
}

TEST_CASE("an unknown option or a missing value: one line naming it, exit 2") {
  Cli cli;
  const std::string stats_usage =
      "usage: sitstretch stats [--days N | --since DATE] [--json | --csv]\n";
  const CommandResult unknown = cli.run({"stats", "--frobnicate=3"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "sitstretch: unknown option --frobnicate; " + stats_usage);
  const CommandResult missing = cli.run({"stats", "--json", "--days"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == "sitstretch: --days needs a value; " + stats_usage);
  const CommandResult bad = cli.run({"stats", "--since=someday"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err ==
        "sitstretch: --since: expected today, yesterday or YYYY-MM-DD, got \"someday\"\n");
  const CommandResult flag = cli.run({"status", "--json=yes"});
  CHECK(flag.exit_code == 2);
  CHECK(flag.err ==
        "sitstretch: --json takes no value; usage: sitstretch status [--follow] [--json | --format "
        "text|json|waybar]\n");
  const CommandResult replay = cli.run({"replay", "-", "--config"});
  CHECK(replay.exit_code == 2);
  CHECK(replay.err.starts_with("sitstretch: --config needs a value; usage: sitstretch replay"));
  const CommandResult report = cli.run({"report", "-o"});
  CHECK(report.exit_code == 2);
  CHECK(report.err.starts_with("sitstretch: -o needs a value; usage: sitstretch report"));
  CHECK(cli.run({"pause", "--until=5"}).err ==
        "sitstretch: unknown option --until; see sitstretch --help\n");
}
