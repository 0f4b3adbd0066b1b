#include "core/trace.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <utility>

#include "core/duration_text.hpp"
#include "core/record_json.hpp"

namespace sitstretch::core {
namespace {

// The words other than the signals'.
constexpr std::array<std::pair<std::string_view, TraceWord>, 10> kWords{{
    {"done", TraceWord::done},
    {"snooze", TraceWord::snooze},
    {"skip", TraceWord::skip},
    {"dismiss", TraceWord::dismiss},
    {"pause", TraceWord::pause},
    {"resume", TraceWord::resume},
    {"side", TraceWord::side},
    {"busy", TraceWord::busy},
    {"free", TraceWord::free},
    {"end", TraceWord::end},
}};

std::vector<std::string_view> split_words(std::string_view line) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i > start) words.push_back(line.substr(start, i - start));
  }
  return words;
}

// Seconds as written in a trace: digits with an optional fraction, rounded to milliseconds.
std::optional<Ms> parse_seconds(std::string_view text) {
  if (text.empty() || text.front() < '0' || text.front() > '9') return std::nullopt;
  double value = 0;
  auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
  if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value) ||
      value > 1e12) {
    return std::nullopt;
  }
  return Ms{std::llround(value * 1000)};
}

// Sets e.word (and e.signal) from an event word; false if it is none.
bool read_word(std::string_view word, TraceEvent& e) {
  if (auto signal = signal_from_string(word)) {
    e.word = TraceWord::signal;
    e.signal = *signal;
    return true;
  }
  auto known =
      std::find_if(kWords.begin(), kWords.end(), [&](const auto& w) { return w.first == word; });
  if (known == kWords.end()) return false;
  e.word = known->second;
  return true;
}

std::string quoted(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

}  // namespace

TraceLine parse_trace_line(std::string_view line) {
  if (auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
  const auto words = split_words(line);
  if (words.empty()) return std::monostate{};
  TraceEvent e;
  auto at = parse_seconds(words[0]);
  if (!at) {
    return TraceError{"expected seconds since the start (a non-negative number), got " +
                      quoted(words[0])};
  }
  e.at = *at;
  if (words.size() < 2) return TraceError{"expected an event word after the time"};
  if (!read_word(words[1], e)) {
    return TraceError{"unknown event " + quoted(words[1]) +
                      "; expected active, idle, locked, unlocked, sleep, wake, done, snooze, "
                      "skip, dismiss, pause [DURATION], resume, side left|right|even, "
                      "busy REASON, free REASON or end"};
  }
  const bool takes_argument = e.word == TraceWord::pause || e.word == TraceWord::side ||
                              e.word == TraceWord::busy || e.word == TraceWord::free;
  const std::size_t max_words = takes_argument ? 3 : 2;
  if (words.size() > max_words) {
    return TraceError{"unexpected " + quoted(words[max_words]) + " after " + quoted(words[1])};
  }
  if (e.word == TraceWord::pause && words.size() == 3) {
    e.duration = parse_duration(words[2]);
    if (!e.duration || *e.duration <= Ms{}) {
      return TraceError{"expected a pause duration like \"30m\" or \"1h30m\", got " +
                        quoted(words[2])};
    }
  }
  if (e.word == TraceWord::side) {
    auto side = words.size() == 3 ? side_from_string(words[2]) : std::nullopt;
    if (!side) return TraceError{"expected side left, right or even"};
    e.side = *side;
  }
  if (e.word == TraceWord::busy || e.word == TraceWord::free) {
    auto reason = words.size() == 3 ? busy_reason_from_string(words[2]) : std::nullopt;
    if (!reason) {
      return TraceError{"expected " + std::string(words[1]) + " dnd, fullscreen, camera or user" +
                        (words.size() == 3 ? ", got " + quoted(words[2]) : std::string())};
    }
    e.reason = *reason;
  }
  return e;
}

std::optional<TraceError> Replay::feed(std::string_view line, std::vector<Record>& out) {
  if (ended_) return std::nullopt;
  TraceLine parsed = parse_trace_line(line);
  if (auto* error = std::get_if<TraceError>(&parsed)) return *error;
  auto* event = std::get_if<TraceEvent>(&parsed);
  if (!event) return std::nullopt;
  if (event->at < last_) {
    return TraceError{"time " + decimal_seconds(event->at) +
                      " goes back before the previous line's " + decimal_seconds(last_)};
  }
  last_ = event->at;
  return apply(*event, out);
}

namespace {

// Only user actions are refused, so `word` is one of kWords.
std::optional<TraceError> refusal(Outcome outcome, TraceWord word, const SittingModel& model) {
  switch (outcome) {
    case Outcome::ok:
    case Outcome::not_paused:  // resuming when not paused changes nothing
      return std::nullopt;
    case Outcome::nothing_pending: {
      const std::string_view name = std::find_if(kWords.begin(), kWords.end(), [&](const auto& w) {
                                      return w.second == word;
                                    })->first;
      return TraceError{std::string(name) +
                        " with no prompt pending; expected it only after a prompt"};
    }
    case Outcome::no_snoozes_left:
      return TraceError{"snooze refused: all " + std::to_string(model.settings().max_snoozes) +
                        " snoozes of this episode are used (prompt.max_snoozes)"};
  }
  return std::nullopt;
}

}  // namespace

Outcome apply_trace_event(SittingModel& model, const TraceEvent& e, std::vector<Record>& out) {
  switch (e.word) {
    case TraceWord::signal:
      model.signal(e.signal, e.at, out);
      break;
    case TraceWord::done:
      return model.done(e.at, out);
    case TraceWord::snooze:
      return model.snooze(e.at, out);
    case TraceWord::skip:
      return model.skip(e.at, out);
    case TraceWord::dismiss:
      return model.dismiss(e.at, out);
    case TraceWord::pause:
      return model.pause(e.at, e.duration, out);
    case TraceWord::resume:
      return model.resume(e.at, out);
    case TraceWord::side:
      return model.report_side(e.at, e.side, out);
    case TraceWord::busy:
      model.busy_begins(e.reason, e.at, out);
      break;
    case TraceWord::free:
      model.busy_ends(e.reason, e.at, out);
      break;
    case TraceWord::end:
      model.advance(e.at, out);
      break;
  }
  return Outcome::ok;
}

std::optional<TraceError> Replay::apply(const TraceEvent& e, std::vector<Record>& out) {
  const Outcome outcome = apply_trace_event(model_, e, out);
  if (e.word == TraceWord::end) ended_ = true;
  return refusal(outcome, e.word, model_);
}

}  // namespace sitstretch::core
