// `sitstretch stats`: per-day statistics of the compliance log as a table, JSON or CSV.
#include <sys/time.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "cli/open_log.hpp"
#include "cli/stats_commands.hpp"
#include "cli/when.hpp"
#include "stats/day_stats.hpp"
#include "stats/stats_format.hpp"
#include "store/store.hpp"
#include "stretch/guide.hpp"

namespace sitstretch::cli {
namespace {

enum class Format { table, json, csv };

struct StatsArgs {
  std::vector<stats::LocalDay> days;
  core::Ms now{};
  Format format = Format::table;
};

constexpr const char* kUsage = "usage: sitstretch stats [--days N | --since DATE] [--json | --csv]";

std::variant<StatsArgs, std::string> parse_args(const Args& args) {
  StatsArgs out;
  out.now = core::Ms(wall_now_ms());
  const core::Ms now = out.now;
  std::optional<int> days = 7;
  std::optional<std::int64_t> since;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--json" || a == "--csv") {
      out.format = a == "--json" ? Format::json : Format::csv;
    } else if (a == "--days" && i + 1 < args.size()) {
      days = parse_days(args[++i]);
      if (!days) return "--days: expected a whole number from 1 to 3660, got \"" + args[i] + "\"";
    } else if (a == "--since" && i + 1 < args.size()) {
      since = parse_when(args[++i], now.count());
      if (!since) {
        return "--since: expected today, yesterday or YYYY-MM-DD, got \"" + args[i] + "\"";
      }
    } else {
      return kUsage;
    }
  }
  out.days = since ? stats::days_between(core::Ms(*since), now) : stats::last_days(now, *days);
  if (out.days.empty()) return "--since: that day has not begun yet";
  return out;
}

// Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org).
bool use_colour() {
  const char* no_colour = std::getenv("NO_COLOR");
  return ::isatty(STDOUT_FILENO) == 1 && (no_colour == nullptr || *no_colour == '\0');
}

}  // namespace

std::int64_t wall_now_ms() {
  timeval tv{};
  gettimeofday(&tv, nullptr);
  return static_cast<std::int64_t>(tv.tv_sec) * 1000 + tv.tv_usec / 1000;
}

std::optional<int> parse_days(const std::string& text) {
  if (text.empty() || text.size() > 4) return std::nullopt;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  const int n = std::stoi(text);
  if (n < 1 || n > 3660) return std::nullopt;
  return n;
}

namespace {

// Below the table: the tighter-side trend of the latest reports of the range shown.
std::string side_trend_line(store::Store* log, const stats::LocalDay& first_day) {
  const auto reports =
      log ? log->latest_of(core::RecordKind::side, stretch::kRecentReports, first_day.start.count())
          : std::vector<core::Record>{};
  return "\nTighter side: " + stretch::side_trend(stretch::sides_of(reports)) + "\n";
}

}  // namespace

int stats_command(const Args& args) {
  auto parsed = parse_args(args);
  if (auto* error = std::get_if<std::string>(&parsed)) return fail(kBadInput, *error);
  const StatsArgs& a = std::get<StatsArgs>(parsed);
  auto opened = open_log();
  if (auto* error = std::get_if<std::string>(&opened)) return fail(kFailed, *error);
  auto& log = std::get<std::unique_ptr<store::Store>>(opened);
  const stats::Summary summary = log ? log->summary(a.days, a.now) : stats::summarize({}, a.days);
  std::string out;
  switch (a.format) {
    case Format::table:
      out = stats::stats_table(summary, use_colour()) + side_trend_line(log.get(), a.days.front());
      break;
    case Format::json:
      out = stats::stats_json(summary);
      break;
    case Format::csv:
      out = stats::stats_csv(summary);
      break;
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kOk;
}

}  // namespace sitstretch::cli
