// `sitstretch whatif FILE`: the last days of the log replayed under the running configuration and
// under FILE, side by side (SPEC §5, "Your own days").
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/open_log.hpp"
#include "cli/options.hpp"
#include "cli/stats_commands.hpp"
#include "cli/whatif.hpp"
#include "cli/when.hpp"
#include "config/config.hpp"
#include "store/log_trace.hpp"

namespace sitstretch::cli {
namespace {

constexpr const char* kUsage = "usage: sitstretch whatif FILE [--days N] [--json]";
constexpr const char* kNote =
    "Answers are not replayed (they answered prompts that move): both columns replay presence "
    "and busy changes only.";

struct WhatIfArgs {
  std::filesystem::path file;
  int days = 7;
  bool json = false;
};

std::variant<WhatIfArgs, std::string> parse_args(const Args& args) {
  static constexpr Option kOptions[] = {{"json"}, {"days", true}};
  auto parsed = parse_options(args, kOptions, kUsage);
  if (auto* error = std::get_if<std::string>(&parsed)) return *error;
  const ParsedArgs& given = std::get<ParsedArgs>(parsed);
  if (given.operands.size() != 1) return kUsage;
  WhatIfArgs out;
  out.file = given.operands[0];
  for (const auto& [name, value] : given.options) {
    if (name == "json") out.json = true;
    if (name != "days") continue;
    const auto days = parse_days(value);
    if (!days) return "--days: expected a whole number from 1 to 3660, got \"" + value + "\"";
    out.days = *days;
  }
  return out;
}

// "4:05": hours and minutes, rounded down.
std::string clock(core::Ms d) {
  const long long minutes = std::chrono::duration_cast<std::chrono::minutes>(d).count();
  char text[32];
  std::snprintf(text, sizeof text, "%lld:%02lld", minutes / 60, minutes % 60);
  return text;
}

long long minutes(core::Ms d) {
  return std::chrono::duration_cast<std::chrono::minutes>(d).count();
}

std::string pair(const std::string& a, const std::string& b) {
  return a + " | " + b;
}

void print_row(const WhatIfDay& a, const WhatIfDay& b) {
  std::printf(
      "%-10s  %-13s  %-13s  %-13s  %-14s  %-17s  %s\n", a.date.c_str(),
      pair(clock(a.sitting), clock(b.sitting)).c_str(),
      pair(clock(a.longest_bout), clock(b.longest_bout)).c_str(),
      pair(std::to_string(a.first_prompts), std::to_string(b.first_prompts)).c_str(),
      pair(std::to_string(a.natural_breaks), std::to_string(b.natural_breaks)).c_str(),
      pair(std::to_string(minutes(a.past_interval)), std::to_string(minutes(b.past_interval)))
          .c_str(),
      pair(std::to_string(a.held_by_busy), std::to_string(b.held_by_busy)).c_str());
}

std::string json_of(const WhatIfDay& d) {
  using std::chrono::duration_cast;
  using std::chrono::seconds;
  return "{\"sitting_s\":" + std::to_string(duration_cast<seconds>(d.sitting).count()) +
         ",\"longest_bout_s\":" + std::to_string(duration_cast<seconds>(d.longest_bout).count()) +
         ",\"first_prompts\":" + std::to_string(d.first_prompts) +
         ",\"natural_breaks\":" + std::to_string(d.natural_breaks) +
         ",\"past_interval_s\":" + std::to_string(duration_cast<seconds>(d.past_interval).count()) +
         ",\"held_by_busy\":" + std::to_string(d.held_by_busy) + "}";
}

void print(const WhatIf& running, const WhatIf& other, const WhatIfArgs& a) {
  if (a.json) {
    for (std::size_t i = 0; i <= running.days.size(); ++i) {
      const bool total = i == running.days.size();
      const WhatIfDay& r = total ? running.total : running.days[i];
      const WhatIfDay& o = total ? other.total : other.days[i];
      std::printf("{\"date\":\"%s\",\"running\":%s,\"file\":%s}\n", r.date.c_str(),
                  json_of(r).c_str(), json_of(o).c_str());
    }
    return;
  }
  std::printf("%s\nEach column: running configuration | %s\n\n", kNote, a.file.c_str());
  std::printf("%-10s  %-13s  %-13s  %-13s  %-14s  %-17s  %s\n", "day", "sitting", "longest bout",
              "first prompts", "natural breaks", "min past interval", "held by busy");
  for (std::size_t i = 0; i < running.days.size(); ++i) print_row(running.days[i], other.days[i]);
  print_row(running.total, other.total);
}

}  // namespace

int whatif_command(const Args& args, const config::Environment& env) {
  auto parsed = parse_args(args);
  if (auto* error = std::get_if<std::string>(&parsed)) return fail(kBadInput, *error);
  const WhatIfArgs& a = std::get<WhatIfArgs>(parsed);
  // The file first: a typo in it is what the user is here to fix.
  const config::Result other = config::load(a.file, env);
  const config::Result running = config::load(std::nullopt, env);
  for (const config::Result* r : {&other, &running}) {
    if (auto* error = std::get_if<config::ConfigError>(r)) {
      std::fprintf(stderr, "%s\n", error->to_string().c_str());
      return kBadInput;
    }
  }
  auto opened = open_log();
  if (auto* error = std::get_if<std::string>(&opened)) return fail(kFailed, *error);
  auto& log = std::get<std::unique_ptr<store::Store>>(opened);

  const core::Ms now(wall_now_ms());
  const auto days = stats::last_days(now, a.days);
  store::LogSpan span;
  span.start_ms = span.end_ms = days.front().start.count();
  if (log) span = store::read_span(*log, days.front().start.count(), std::nullopt, now.count());
  // Only presence and busy changes: the answers answered prompts that move.
  std::erase_if(span.records, [](const core::Record& r) {
    return r.kind != core::RecordKind::busy && r.kind != core::RecordKind::free;
  });
  const auto events = replayed_events(store::to_trace(span));
  const core::Ms start(span.start_ms);
  print(what_if(events, start, std::get<config::Config>(running).model, days),
        what_if(events, start, std::get<config::Config>(other).model, days), a);
  return kOk;
}

}  // namespace sitstretch::cli
