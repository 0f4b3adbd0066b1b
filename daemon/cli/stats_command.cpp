// `sitstretch stats`: per-day statistics of the compliance log as a table, JSON or CSV.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "cli/open_log.hpp"
#include "cli/options.hpp"
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
  static constexpr Option kOptions[] = {{"json"}, {"csv"}, {"days", true}, {"since", true}};
  auto parsed = parse_options(args, kOptions, kUsage);
  if (auto* error = std::get_if<std::string>(&parsed)) return *error;
  if (!std::get<ParsedArgs>(parsed).operands.empty()) return kUsage;
  StatsArgs out;
  out.now = core::Ms(wall_now_ms());
  std::optional<int> days = 7;
  std::optional<std::int64_t> since;
  for (const auto& [name, value] : std::get<ParsedArgs>(parsed).options) {
    if (name == "json" || name == "csv") {
      out.format = name == "json" ? Format::json : Format::csv;
    } else if (name == "days") {
      days = parse_days(value);
      if (!days) return "--days: expected a whole number from 1 to 3660, got \"" + value + "\"";
    } else {
      since = parse_when(value, out.now.count());
      if (!since) return "--since: expected today, yesterday or YYYY-MM-DD, got \"" + value + "\"";
    }
  }
  out.days =
      since ? stats::days_between(core::Ms(*since), out.now) : stats::last_days(out.now, *days);
  if (out.days.empty()) return "--since: that day has not begun yet";
  return out;
}

// Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org).
bool use_colour() {
  const char* no_colour = std::getenv("NO_COLOR");
  return ::isatty(STDOUT_FILENO) == 1 && (no_colour == nullptr || *no_colour == '\0');
}

}  // namespace

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
