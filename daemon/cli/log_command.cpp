// `sitstretch log`: the raw records of the compliance log, read straight from the database (no
// daemon needed; SQLite's WAL lets the daemon write meanwhile).
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/open_log.hpp"
#include "cli/options.hpp"
#include "cli/when.hpp"
#include "core/record_json.hpp"
#include "store/log_format.hpp"
#include "store/log_trace.hpp"
#include "store/store.hpp"

namespace sitstretch::cli {
namespace {

enum class Format { text, json, csv, trace };

struct LogArgs {
  std::optional<std::int64_t> since;
  std::optional<std::int64_t> until;
  Format format = Format::text;
};

constexpr const char* kUsage =
    "usage: sitstretch log [--since WHEN] [--until WHEN] [--all] [--json | --csv | --trace]";

std::variant<LogArgs, std::string> parse_args(const Args& args) {
  static constexpr Option kOptions[] = {{"json"},        {"csv"},         {"trace"},
                                        {"since", true}, {"until", true}, {"all"}};
  auto parsed = parse_options(args, kOptions, kUsage);
  if (auto* error = std::get_if<std::string>(&parsed)) return *error;
  if (!std::get<ParsedArgs>(parsed).operands.empty()) return kUsage;
  const std::int64_t now = wall_now_ms();
  LogArgs out;
  out.since = parse_when("today", now);
  for (const auto& [name, value] : std::get<ParsedArgs>(parsed).options) {
    if (name == "json" || name == "csv" || name == "trace") {
      out.format = name == "json" ? Format::json : name == "csv" ? Format::csv : Format::trace;
    } else if (name == "all") {
      out.since.reset();
    } else {
      const auto when = parse_when(value, now);
      if (!when) {
        return "--" + name +
               ": expected today, yesterday, YYYY-MM-DD, YYYY-MM-DDTHH:MM or a duration "
               "like 2h, got \"" +
               value + "\"";
      }
      (name == "since" ? out.since : out.until) = when;
    }
  }
  return out;
}

// "14:03:12  prompt     sitting 45 min, attempt 1"
std::string text_line(const core::Record& r) {
  std::string line = store::iso_local_time(r.t.count()).substr(0, 19);
  line[10] = ' ';
  std::string event(core::to_string(r.kind));
  event.resize(10, ' ');
  line += "  " + event;
  const std::string json = core::to_json(r, store::log_time_format());
  // The kind's own keys, as JSON gives them, after "t" and "event".
  const auto keys = json.find(",", json.find("\"event\""));
  if (keys != std::string::npos) line += json.substr(keys + 1, json.size() - keys - 2);
  return line;
}

}  // namespace

int log_command(const Args& args) {
  auto parsed = parse_args(args);
  if (auto* error = std::get_if<std::string>(&parsed)) return fail(kBadInput, *error);
  const LogArgs& a = std::get<LogArgs>(parsed);
  auto opened = open_log();
  if (auto* error = std::get_if<std::string>(&opened)) return fail(kFailed, *error);
  auto& log = std::get<std::unique_ptr<store::Store>>(opened);
  if (a.format == Format::csv) std::printf("%s\n", std::string(store::csv_header()).c_str());
  if (a.format == Format::trace) {
    // Nothing logged yet is an empty day: still a trace that replays.
    const std::int64_t now = wall_now_ms();
    store::LogSpan span;
    if (log) span = store::read_span(*log, a.since, a.until, now);
    if (!log) span.start_ms = span.end_ms = a.since.value_or(now);
    const std::string text = store::to_trace(span);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return kOk;
  }
  if (!log) return kOk;  // nothing logged yet
  const core::TimeFormat format = store::log_time_format();
  for (const core::Record& r : log->records(a.since, a.until)) {
    switch (a.format) {
      case Format::json:
        std::printf("%s\n", core::to_json(r, format).c_str());
        break;
      case Format::csv:
        std::printf("%s\n", store::to_csv_row(r).c_str());
        break;
      case Format::text:
      case Format::trace:  // printed above
        std::printf("%s\n", text_line(r).c_str());
        break;
    }
  }
  return kOk;
}

}  // namespace sitstretch::cli
