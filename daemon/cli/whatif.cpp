#include "cli/whatif.hpp"

#include <algorithm>
#include <set>
#include <sstream>

#include "core/sitting_model.hpp"
#include "core/trace.hpp"
#include "stats/bouts.hpp"
#include "stats/day_stats.hpp"
#include "store/utc.hpp"

namespace sitstretch::cli {
namespace {

// The model over the trace's signals and busy changes, stepping timer by timer so that every
// prompt a busy reason holds is seen while it is held.
class Run {
 public:
  explicit Run(const core::Settings& settings) : model_(settings), max_defer_(settings.max_defer) {}

  void until(core::Ms t) {
    now_ = std::max(now_, t);
    while (auto deadline = model_.next_deadline()) {
      if (*deadline > t) break;
      model_.advance(*deadline, records_);
      observe(*deadline);
    }
    model_.advance(t, records_);
    observe(t);
  }

  void apply(const core::TraceEvent& e) {
    using W = core::TraceWord;
    until(e.at);
    if (e.word == W::signal) model_.signal(e.signal, e.at, records_);
    if (e.word == W::busy) model_.busy_begins(e.reason, e.at, records_);
    if (e.word == W::free) model_.busy_ends(e.reason, e.at, records_);
    observe(e.at);
  }

  // A bout still running at the end is known to stats only from a record inside it, and one
  // with none (no prompt yet under a long interval) would count as no sitting at all. So a
  // record that stats count for nothing, `resumed`, carries the bout's sitting time to the end.
  void close() {
    const core::Snapshot now = model_.snapshot(now_);
    if (!now.sitting) return;
    core::Record r;
    r.kind = core::RecordKind::resumed;
    r.t = now_;
    r.sitting = now.sitting_for;
    records_.push_back(r);
  }

  std::vector<core::Record>& records() { return records_; }
  const std::set<core::Ms>& held() const { return held_; }

 private:
  void observe(core::Ms now) {
    const auto held_until = model_.snapshot(now).held_until;
    if (held_until) held_.insert(*held_until - max_defer_);  // when the held prompt fell due
  }

  core::SittingModel model_;
  core::Ms max_defer_;
  core::Ms now_{};
  std::vector<core::Record> records_;
  std::set<core::Ms> held_;  // trace time
};

core::Ms past_interval(const std::vector<stats::Interval>& bouts, core::Ms interval, core::Ms from,
                       core::Ms to) {
  core::Ms sum{};
  for (const stats::Interval& bout : bouts) {
    const stats::Interval beyond{bout.start + interval, bout.end};
    if (beyond.end <= beyond.start) continue;
    if (auto part = stats::clip(beyond, from, to)) sum += part->length();
  }
  return sum;
}

WhatIfDay from_stats(const stats::DayStats& s) {
  WhatIfDay d;
  d.date = s.date;
  d.sitting = s.sitting;
  d.longest_bout = s.longest_bout;
  d.first_prompts = s.break_prompts;
  d.natural_breaks = s.natural_breaks;
  return d;
}

}  // namespace

std::vector<core::TraceEvent> replayed_events(const std::string& trace) {
  using W = core::TraceWord;
  std::vector<core::TraceEvent> events;
  std::istringstream in(trace);
  for (std::string line; std::getline(in, line);) {
    const core::TraceLine parsed = core::parse_trace_line(line);
    const auto* event = std::get_if<core::TraceEvent>(&parsed);
    if (!event) continue;
    const bool input = event->word == W::signal || event->word == W::busy ||
                       event->word == W::free || event->word == W::end;
    if (input) events.push_back(*event);
    if (event->word == W::end) break;
  }
  return events;
}

WhatIf what_if(const std::vector<core::TraceEvent>& events, core::Ms start_utc,
               const core::Settings& settings, const std::vector<stats::LocalDay>& days) {
  Run run(settings);
  for (const core::TraceEvent& event : events) run.apply(event);
  run.close();
  std::vector<core::Record> utc;
  utc.reserve(run.records().size());
  for (const core::Record& r : run.records()) utc.push_back(store::to_utc(r, start_utc));

  const stats::Summary summary = stats::summarize(utc, days);
  const auto bouts = stats::sitting_bouts(utc);
  WhatIf out;
  for (std::size_t i = 0; i < days.size(); ++i) {
    WhatIfDay d = from_stats(summary.days[i]);
    d.past_interval = past_interval(bouts, settings.interval, days[i].start, days[i].end);
    for (core::Ms due : run.held()) {
      const core::Ms t = due + start_utc;
      if (t >= days[i].start && t < days[i].end) ++d.held_by_busy;
    }
    out.total.past_interval += d.past_interval;
    out.total.held_by_busy += d.held_by_busy;
    out.days.push_back(d);
  }
  const WhatIfDay total = from_stats(summary.total);
  out.total = {
      total.date,           total.sitting,           total.longest_bout,    total.first_prompts,
      total.natural_breaks, out.total.past_interval, out.total.held_by_busy};
  return out;
}

}  // namespace sitstretch::cli
