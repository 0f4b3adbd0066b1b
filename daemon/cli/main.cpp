// sitstretch: the command-line client. Commands that need no daemon (replay, config) run here;
// the others talk to sitstretchd over its control socket.
#include <cstdio>
#include <cstring>

#include "cli/commands.hpp"
#include "cli/stats_commands.hpp"

namespace {

constexpr const char* kHelp = R"(Usage: sitstretch COMMAND [ARGS]

Sitting and stretching, from the command line.

With the daemon (sitstretchd) running:
  status [--json]                sitting time, next prompt, pending prompt, pause, busy
  status --follow [--format text|json|waybar]
                                 a line now and another at each change, for status bars
  done                           record a stretch (answers a pending prompt)
  snooze | skip                  answer the pending prompt
  pause [DURATION]               no prompts for DURATION (30m, 1h30m) or until resume
  resume                         end a pause
  busy [DURATION]                hold prompts for DURATION (30m, 1h) or until free
                                 (the "user" busy reason, for meeting scripts)
  free                           end busy; a held prompt comes now
  reload                         re-read the configuration
  side left|right|even           report which side felt tighter
  stretch --notify               be guided through the stretch by notifications

Without a daemon:
  stretch [--config FILE]        the guided book stretch in this terminal (recorded
                                 through the daemon when one runs)
  log [--since WHEN] [--until WHEN] [--all] [--json | --csv | --trace]
                                 the compliance log (default: today); --trace prints
                                 it as a trace for replay
  whatif FILE [--days N] [--json]
                                 the last N days (default 7) replayed under the running
                                 configuration and under FILE, side by side
  stats [--days N | --since DATE] [--json | --csv]
                                 per-day statistics (default: 7 days) and a total
  report [--days N] [-o FILE | -o -] [--open]
                                 HTML report (default: 30 days, ~/.cache/sitstretch/report.html)
  replay TRACE [--config FILE]   run the sitting model over a trace (SPEC §5), print records
                                 (TRACE - reads standard input)
  config check [FILE]            validate FILE, or the files the daemon would read
  config default                 print the documented default configuration
  config path                    print where your configuration file lives
  doctor [--json]                check each part sitstretch needs (idle source, lock,
                                 notifications, busy sources, tray, config, log,
                                 service) and say what to do about what is missing;
                                 exits 1 when prompts cannot work

Options:
  -h, --help      show this help
  -V, --version   show the version
An option's value follows it or comes after = (--days 3, --days=3).

Exit status: 0 success, 1 the daemon is not running or refused, 2 bad input.
See sitstretch(1).
)";

}  // namespace

namespace sitstretch::cli {

int fail(int code, const std::string& message) {
  std::fprintf(stderr, "sitstretch: %s\n", message.c_str());
  return code;
}

}  // namespace sitstretch::cli

int main(int argc, char** argv) {
  using namespace sitstretch::cli;
  if (argc < 2) {
    std::fputs(kHelp, stderr);
    return kBadInput;
  }
  const std::string command = argv[1];
  if (command == "-h" || command == "--help" || command == "help") {
    std::fputs(kHelp, stdout);
    return kOk;
  }
  if (command == "-V" || command == "--version") {
    std::printf("sitstretch %s\n", SITSTRETCH_VERSION);
    return kOk;
  }
  const Args args(argv + 2, argv + argc);
  const auto env = sitstretch::config::Environment::from_process();
  if (command == "replay") return replay_command(args, env);
  if (command == "config") return config_command(args, env);
  if (command == "status") return status_command(args);
  if (command == "log") return log_command(args);
  if (command == "stats") return stats_command(args);
  if (command == "report") return report_command(args);
  if (command == "stretch") return stretch_command(args, env);
  if (command == "whatif") return whatif_command(args, env);
  if (command == "doctor") return doctor_command(args, env);
  for (const char* c :
       {"done", "snooze", "skip", "dismiss", "pause", "resume", "reload", "side", "busy", "free"}) {
    if (command == c) return control_command(command, args);
  }
  return fail(kBadInput, "unknown command \"" + command + "\"; see sitstretch --help");
}
