// Carrying a run over a restart (doc/reliability.md, "The daemon killed with a prompt pending").
#include <cstdio>
#include <sstream>

#include "app/daemon.hpp"
#include "app/wall_clock.hpp"
#include "core/trace.hpp"
#include "store/log_trace.hpp"

namespace sitstretch::app {
namespace {

// The last thing the killed run wrote, UTC ms; nothing when the last run was stopped cleanly.
std::optional<std::int64_t> last_trace_of_unstopped(const store::LogSpan& span) {
  if (span.runs.empty() || span.runs.back().event == store::RunEvent::stop) return std::nullopt;
  std::int64_t last = span.runs.back().t_ms;
  if (!span.presence.empty()) last = std::max(last, span.presence.back().t_ms);
  if (!span.records.empty()) last = std::max(last, span.records.back().t.count());
  return last;
}

// A start row and the presence signal logged with it are dated by two readings of the clocks, so
// the signal may come out a millisecond before its run's row.
constexpr std::int64_t kClockReadingsApart = 1000;

// Where the killed run's trace begins: at its last `start` row (a restored run logs a `reload`,
// so a chain of restarts replays from the run's first start), less the clock readings' jitter.
std::optional<std::int64_t> run_start(store::Store& store, std::int64_t now_utc) {
  std::optional<std::int64_t> start;
  for (const store::RunRow& run : store.runs(std::nullopt, now_utc)) {
    if (run.event == store::RunEvent::start) start = run.t_ms - kClockReadingsApart;
  }
  return start;
}

// Feeds the span's trace into the model up to `now`; trace second 0 is `origin` on the boot clock.
void replay(core::SittingModel& model, const store::LogSpan& span, core::Ms origin, core::Ms now,
            std::vector<core::Record>& out) {
  std::istringstream lines(store::to_trace(span));
  for (std::string line; std::getline(lines, line);) {
    core::TraceLine parsed = core::parse_trace_line(line);
    auto* event = std::get_if<core::TraceEvent>(&parsed);
    if (!event || event->word == core::TraceWord::end) continue;
    event->at += origin;
    if (event->at > now) break;
    core::apply_trace_event(model, *event, out);
  }
}

}  // namespace

// A killed run is carried on when it was killed less than break_after ago: the model is rebuilt
// from the log's trace of that run, with the time the daemon was down counted as sitting (it was
// shorter than a break). The records the replay makes are in the log already and are dropped,
// but a prompt still pending is shown again.
Daemon::Restored Daemon::restore(core::Ms t) {
  const core::Ms to_utc = utc_minus_boot();
  const std::int64_t now_utc = (t + to_utc).count();
  const auto since = run_start(*store_, now_utc);
  // A run that began before this boot is not carried on: the boot clock cannot hold it.
  if (!since || core::Ms(*since) - to_utc < core::Ms(0)) return {};
  const store::LogSpan span = store::read_span(*store_, *since, now_utc, now_utc);
  const auto last = last_trace_of_unstopped(span);
  if (!last || core::Ms(now_utc - *last) >= config_.model.break_after) return {};

  std::vector<core::Record> scratch;
  replay(model_, span, core::Ms(span.start_ms) - to_utc, t, scratch);
  model_.advance(t, scratch);
  // The replay makes the logged records again, in the same order: those are dropped. What it
  // makes beyond them fell due while the daemon was down, and is logged and acted on as new.
  const std::size_t logged = std::min(span.records.size(), scratch.size());
  records_.insert(records_.end(), scratch.begin() + static_cast<std::ptrdiff_t>(logged),
                  scratch.end());
  std::fprintf(stderr, "sitstretchd: carrying on the run killed %llds ago (%zu records replayed)\n",
               static_cast<long long>((now_utc - *last) / 1000), logged);
  // The busy sources and a timed `sitstretch busy` died with the killed daemon: what they held
  // ends now, and the new daemon's sources report afresh.
  for (core::BusyReason reason : core::kBusyReasons) model_.busy_ends(reason, t, records_);
  // A prompt already logged and still awaiting an answer is shown again by this daemon.
  Restored restored{true, std::nullopt};
  if (model_.snapshot(t).episode != core::EpisodeState::awaiting) return restored;
  for (std::size_t i = logged; i-- > 0;) {
    if (scratch[i].kind != core::RecordKind::prompt) continue;
    restored.pending_prompt = scratch[i];
    break;
  }
  return restored;
}

}  // namespace sitstretch::app
