// `sitstretch report`: writes the HTML report and, with --open, shows it with xdg-open.
#include <spawn.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <variant>
#include <vector>

#include "cli/open_log.hpp"
#include "cli/options.hpp"
#include "cli/stats_commands.hpp"
#include "cli/when.hpp"
#include "stats/local_day.hpp"
#include "stats/report.hpp"
#include "store/log_format.hpp"

extern char** environ;

namespace sitstretch::cli {
namespace {

namespace fs = std::filesystem;

struct ReportArgs {
  int days = 30;
  fs::path output;  // "-" for stdout
  bool open = false;
};

constexpr const char* kUsage = "usage: sitstretch report [--days N] [-o FILE | -o -] [--open]";

// $XDG_CACHE_HOME/sitstretch/report.html, or ~/.cache/...: a report is derived data, rebuilt
// from the log at will.
fs::path default_output() {
  const char* cache = std::getenv("XDG_CACHE_HOME");
  if (cache && fs::path(cache).is_absolute()) return fs::path(cache) / "sitstretch" / "report.html";
  const char* home = std::getenv("HOME");
  if (home && *home) return fs::path(home) / ".cache" / "sitstretch" / "report.html";
  return {};
}

std::variant<ReportArgs, std::string> parse_args(const Args& args) {
  static constexpr Option kOptions[] = {{"days", true}, {"output", true, 'o'}, {"open"}};
  auto parsed = parse_options(args, kOptions, kUsage);
  if (auto* error = std::get_if<std::string>(&parsed)) return *error;
  if (!std::get<ParsedArgs>(parsed).operands.empty()) return kUsage;
  ReportArgs out;
  for (const auto& [name, value] : std::get<ParsedArgs>(parsed).options) {
    if (name == "days") {
      auto days = parse_days(value);
      if (!days) return "--days: expected a whole number from 1 to 3660, got \"" + value + "\"";
      out.days = *days;
    } else if (name == "output") {
      if (value.empty()) return kUsage;
      out.output = value;
    } else {
      out.open = true;
    }
  }
  if (out.output.empty()) out.output = default_output();
  if (out.output.empty()) return "no place for the report: give -o FILE (HOME is not set)";
  if (out.open && out.output == "-") return "--open needs a file, not -o -";
  return out;
}

// Writes next to the target and renames, so a browser never sees half a page.
std::optional<std::string> write_file(const fs::path& file, const std::string& html) {
  std::error_code ec;
  if (file.has_parent_path()) fs::create_directories(file.parent_path(), ec);
  const fs::path partial = file.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << html;
    if (!out.flush()) return "cannot write " + partial.string();
  }
  fs::rename(partial, file, ec);
  if (ec) return "cannot write " + file.string() + ": " + ec.message();
  return std::nullopt;
}

// Runs `xdg-open FILE` and waits for it (it hands the file to the desktop and returns).
std::optional<std::string> open_with_desktop(const fs::path& file) {
  const std::string path = fs::absolute(file).string();
  char* argv[] = {const_cast<char*>("xdg-open"), const_cast<char*>(path.c_str()), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, argv, environ) != 0) {
    return "cannot run xdg-open (is xdg-utils installed?); the report is " + path;
  }
  int status = 0;
  if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return "xdg-open could not open " + path;
  }
  return std::nullopt;
}

// The records the days need: from a day before the first day (so episodes and bouts that began
// earlier are whole) to the end, after the busy spells still going on then (so prompts they
// held are seen as held). No log file yet means no records.
std::variant<std::vector<core::Record>, std::string> read_log(
    const std::vector<stats::LocalDay>& days) {
  auto opened = open_log();
  if (auto* error = std::get_if<std::string>(&opened)) return *error;
  auto& log = std::get<std::unique_ptr<store::Store>>(opened);
  if (!log || days.empty()) return std::vector<core::Record>{};
  const std::int64_t from = (days.front().start - core::kDay).count();
  std::vector<core::Record> records = log->busy_before(from);
  const std::vector<core::Record> later = log->records(from, std::nullopt);
  records.insert(records.end(), later.begin(), later.end());
  return records;
}

}  // namespace

int report_command(const Args& args) {
  auto parsed = parse_args(args);
  if (auto* error = std::get_if<std::string>(&parsed)) return fail(kBadInput, *error);
  const ReportArgs& a = std::get<ReportArgs>(parsed);
  const std::int64_t now = wall_now_ms();
  const auto days = stats::last_days(core::Ms(now), a.days);
  auto records = read_log(days);
  if (auto* error = std::get_if<std::string>(&records)) return fail(kFailed, *error);
  const std::string html = stats::report_html(std::get<std::vector<core::Record>>(records), days,
                                              store::iso_local_time(now));
  if (a.output == "-") {
    std::fwrite(html.data(), 1, html.size(), stdout);
    return kOk;
  }
  if (auto error = write_file(a.output, html)) return fail(kFailed, *error);
  std::printf("%s\n", a.output.c_str());
  if (a.open) {
    if (auto error = open_with_desktop(a.output)) return fail(kFailed, *error);
  }
  return kOk;
}

}  // namespace sitstretch::cli
