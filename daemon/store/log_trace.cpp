#include "store/log_trace.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "core/duration_text.hpp"
#include "stats/local_day.hpp"
#include "store/log_format.hpp"

namespace sitstretch::store {
namespace {

// One line of the trace before it is numbered; rank orders lines at the same instant the way
// the daemon met them: a start before the signals it reads, answers after them, a stop last.
struct Line {
  std::int64_t t_ms;
  int rank;
  std::string text;  // "active", "pause 30m", or "# ..." for a comment
};

std::string seconds(std::int64_t ms) {
  char text[32];
  if (ms % 1000 == 0) {
    std::snprintf(text, sizeof text, "%lld", static_cast<long long>(ms / 1000));
  } else {
    std::snprintf(text, sizeof text, "%lld.%03lld", static_cast<long long>(ms / 1000),
                  static_cast<long long>(ms % 1000));
  }
  return text;
}

const char* signal_word(core::Signal s) {
  switch (s) {
    case core::Signal::active:
      return "active";
    case core::Signal::idle:
      return "idle";
    case core::Signal::locked:
      return "locked";
    case core::Signal::unlocked:
      return "unlocked";
    case core::Signal::sleep:
      return "sleep";
    case core::Signal::wake:
      break;
  }
  return "wake";
}

// The trace word of a record the user or the desktop caused, or nothing for the model's own.
std::optional<std::string> input_of(const core::Record& r) {
  using K = core::RecordKind;
  switch (r.kind) {
    case K::accepted:
      return "done";
    case K::snoozed:
      return "snooze";
    case K::skipped:
      return "skip";
    case K::dismissed:
      return "dismiss";
    case K::paused:
      if (!r.until) return "pause";
      return "pause " + core::format_duration(*r.until - r.t);
    case K::resumed:
      // A timed pause that ran out resumed by itself, at its end.
      if (r.until && *r.until <= r.t) return std::nullopt;
      return "resume";
    case K::side:
      return "side " + std::string(core::to_string(r.side));
    case K::busy:
    case K::free:
      return std::string(core::to_string(r.kind)) + " " + std::string(core::to_string(r.reason));
    default:
      return std::nullopt;
  }
}

// The settings as comment lines, so that `sed -n 's/^#   //p'` gives a file for --config.
void add_settings(std::vector<Line>& lines, std::int64_t t, int rank, const std::string& toml) {
  std::istringstream in(toml);
  for (std::string line; std::getline(in, line);) lines.push_back({t, rank, "#   " + line});
}

void add_run(std::vector<Line>& lines, const RunRow& run, std::int64_t start_ms) {
  const std::string at =
      "# at " + seconds(run.t_ms - start_ms) + " s (" + iso_local_time(run.t_ms) + ") the daemon ";
  switch (run.event) {
    case RunEvent::start:
      lines.push_back({run.t_ms, 0,
                       at + "started: a new model, the user absent until the first signal "
                            "(replay from here to match its records exactly); its settings:"});
      break;
    case RunEvent::reload:
      lines.push_back({run.t_ms, 0,
                       at + "reloaded its configuration (a replay keeps one; records from here "
                            "follow these):"});
      break;
    case RunEvent::stop:
      lines.push_back({run.t_ms, 3, at + "stopped"});
      return;
  }
  add_settings(lines, run.t_ms, 0, run.settings);
}

// Whether the span holds signals or records from before the log kept the daemon's runs.
bool older_than_runs(const LogSpan& span) {
  if (!span.runs_from_ms) return true;
  const std::int64_t from = *span.runs_from_ms;
  return (!span.presence.empty() && span.presence.front().t_ms < from) ||
         (!span.records.empty() && span.records.front().t.count() < from);
}

std::vector<Line> header(const LogSpan& span) {
  std::vector<Line> lines;
  const std::int64_t t = span.start_ms;
  lines.push_back({t, -1, "# start " + iso_local_time(t) + " (trace second 0)"});
  if (older_than_runs(span)) {
    const std::string until =
        span.runs_from_ms ? "before " + iso_local_time(*span.runs_from_ms) : "at all";
    lines.push_back({t, -1,
                     "# this log keeps no daemon starts, stops or settings " + until +
                         " (written by a sitstretch before log schema 5): replay under the "
                         "configuration you ran then"});
  }
  if (span.running) {
    lines.push_back({t, -1, "# settings in force at the start (the daemon was running):"});
    add_settings(lines, t, -1, span.running->settings);
  }
  return lines;
}

}  // namespace

std::string to_trace(const LogSpan& span) {
  std::vector<Line> lines = header(span);
  lines.reserve(lines.size() + span.presence.size() + span.records.size() + 32 * span.runs.size());
  for (const RunRow& run : span.runs) add_run(lines, run, span.start_ms);
  std::int64_t last_presence = span.start_ms;
  for (const PresenceRow& p : span.presence) {
    // Idle counts from the last input (SPEC §2), never before the signal the log has before it.
    std::int64_t t = p.t_ms;
    if (p.signal == core::Signal::idle && p.last_input_ms) {
      t = std::clamp(*p.last_input_ms, last_presence, p.t_ms);
    }
    last_presence = p.t_ms;
    lines.push_back({t, 1, signal_word(p.signal)});
  }
  for (const core::Record& r : span.records) {
    if (auto word = input_of(r)) lines.push_back({r.t.count(), 2, *word});
  }
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return a.t_ms != b.t_ms ? a.t_ms < b.t_ms : a.rank < b.rank;
  });
  std::string out;
  out.reserve(lines.size() * 16);
  for (const Line& line : lines) {
    if (line.text[0] != '#') out += seconds(line.t_ms - span.start_ms) + " ";
    out += line.text + "\n";
  }
  out += seconds(span.end_ms - span.start_ms) + " end\n";
  return out;
}

LogSpan read_span(Store& store, std::optional<std::int64_t> since_utc_ms,
                  std::optional<std::int64_t> until_utc_ms, std::int64_t now_utc_ms) {
  LogSpan span;
  span.end_ms = until_utc_ms.value_or(now_utc_ms);
  span.presence = store.presence(since_utc_ms, span.end_ms);
  span.records = store.records(since_utc_ms, span.end_ms);
  std::int64_t first = since_utc_ms.value_or(span.end_ms);
  if (!since_utc_ms) {
    if (!span.presence.empty()) first = std::min(first, span.presence.front().t_ms);
    if (!span.records.empty()) first = std::min(first, span.records.front().t.count());
  }
  span.start_ms = stats::local_day_of(core::Ms(first)).start.count();
  for (const RunRow& run : store.runs(std::nullopt, span.end_ms)) {
    if (!span.runs_from_ms) span.runs_from_ms = run.t_ms;
    if (run.t_ms >= first) {
      span.runs.push_back(run);
    } else {
      span.running = run.event == RunEvent::stop ? std::nullopt : std::optional<RunRow>(run);
    }
  }
  // A stopped daemon makes no more records: the replay ends where it stopped.
  if (!span.runs.empty() && span.runs.back().event == RunEvent::stop) {
    span.end_ms = span.runs.back().t_ms;
  }
  return span;
}

}  // namespace sitstretch::store
