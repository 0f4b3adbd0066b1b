// sitstretchd: the daemon. Runs in the foreground (as a systemd user service does) and logs
// to stderr, which the journal keeps.
#include <malloc.h>

#include <boost/asio/io_context.hpp>
#include <cstdio>
#include <cstring>
#include <string>
#include <variant>

#include "app/daemon.hpp"
#include "control/instance_lock.hpp"
#include "control/runtime_dir.hpp"
#include "store/connection_setup.hpp"

namespace {

constexpr const char* kHelp =
    R"(Usage: sitstretchd [--config FILE] [--display DISPLAY] [--idle-source NAME]

The sitstretch daemon: counts how long you sit, prompts you to do the book stretch, and logs
every prompt, answer and break. Runs in the foreground; control it with sitstretch(1).

  --config FILE      read only FILE over the defaults (default: the XDG lookup)
  --display DISPLAY  the X display to watch for input (default: $DISPLAY)
  --idle-source NAME watch input through NAME only, over the idle.source setting: auto,
                     mutter, ext-idle-notify, kde-idle, x11-sync or x11-screensaver
  -h, --help         show this help
  -V, --version      show the version

Exit status: 0 after SIGTERM or SIGINT, 1 if it cannot run (another daemon runs, the log or
the control socket cannot be opened) or the session or system bus goes away, 2 for bad
arguments or configuration, or when a forced idle source is not available.
See sitstretchd(1).
)";

// SQLite's share of the daemon's heap: its cache gives pages back rather than grow past this.
constexpr long long kSqliteHeapLimitBytes = 512 * 1024;

// The daemon stays resident all session, so it keeps little. Runs before any thread starts: one
// malloc arena for every thread, as GLib's GDBus worker would otherwise get one of its own (a
// heap of its own for a few small messages), and SQLite set up before its first connection.
void use_little_memory() {
  mallopt(M_ARENA_MAX, 1);
  if (auto error = sitstretch::store::use_little_memory(kSqliteHeapLimitBytes)) {
    std::fprintf(stderr, "sitstretchd: %s\n", error->c_str());
  }
}

int usage_error(const std::string& message) {
  std::fprintf(stderr, "sitstretchd: %s\n", message.c_str());
  return 2;
}

// The options of the command line, or the exit status when there is nothing to run (help,
// version, a bad argument).
std::variant<sitstretch::app::DaemonOptions, int> parse_arguments(int argc, char** argv) {
  sitstretch::app::DaemonOptions options;
  options.env = sitstretch::config::Environment::from_process();
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      std::fputs(kHelp, stdout);
      return 0;
    }
    if (arg == "-V" || arg == "--version") {
      std::printf("sitstretchd %s\n", SITSTRETCH_VERSION);
      return 0;
    }
    if (arg == "--config" && i + 1 < argc) {
      options.config_file = argv[++i];
      continue;
    }
    if (arg == "--display" && i + 1 < argc) {
      options.display = argv[++i];
      continue;
    }
    if (arg == "--idle-source" && i + 1 < argc) {
      const std::string name = argv[++i];
      if (name != "auto" && !sitstretch::idle::is_idle_source_name(name)) {
        return usage_error("unknown idle source " + name + "; see sitstretchd --help");
      }
      options.idle_source = name;
      continue;
    }
    return usage_error("unknown argument " + arg + "; see sitstretchd --help");
  }
  options.idle_session = sitstretch::idle::IdleSession::from_process(options.display);
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace sitstretch;
  auto parsed = parse_arguments(argc, argv);
  if (const int* status = std::get_if<int>(&parsed)) return *status;
  app::DaemonOptions options = std::move(std::get<app::DaemonOptions>(parsed));

  use_little_memory();
  const auto runtime = control::runtime_dir();
  if (!runtime.note.empty()) std::fprintf(stderr, "sitstretchd: %s\n", runtime.note.c_str());
  options.runtime_dir = runtime.path;
  auto lock = control::InstanceLock::acquire(runtime.path);
  if (auto* error = std::get_if<std::string>(&lock)) {
    std::fprintf(stderr, "sitstretchd: %s\n", error->c_str());
    return 1;
  }

  config::LoadResult loaded = config::load_with_warnings(options.config_file, options.env);
  if (auto* error = std::get_if<config::ConfigError>(&loaded)) {
    std::fprintf(stderr, "%s\n", error->to_string().c_str());
    return 2;
  }
  auto opened =
      store::Store::open(store::default_path(std::getenv), store::Store::IfDamaged::move_aside);
  if (auto* error = std::get_if<std::string>(&opened)) {
    std::fprintf(stderr, "sitstretchd: %s\n", error->c_str());
    return 1;
  }

  boost::asio::io_context io;
  app::Daemon daemon(io, std::move(options), std::get<config::Loaded>(loaded).config,
                     std::move(std::get<std::unique_ptr<store::Store>>(opened)));
  daemon.log_config_warnings(std::get<config::Loaded>(loaded).warnings);
  if (auto error = daemon.start()) {
    std::fprintf(stderr, "sitstretchd: %s\n", error->c_str());
    return daemon.idle_source_missing() ? 2 : 1;
  }
  // Start-up (the configuration, the log read back, the prepared statements) has freed most of
  // what it used; give the free pages inside the heap back to the system.
  malloc_trim(0);
  io.run();
  return daemon.exit_status();
}
