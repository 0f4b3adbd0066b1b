// SPEC §5: the trace format and its errors.
#include "core/trace.hpp"

#include <catch2/catch.hpp>

#include "scenario.hpp"

using namespace std::chrono_literals;
using sitstretch::core::BusyReason;
using sitstretch::core::Ms;
using sitstretch::core::parse_trace_line;
using sitstretch::core::Side;
using sitstretch::core::TraceError;
using sitstretch::core::TraceEvent;
using sitstretch::core::TraceWord;
using sitstretch::test::replay_error;

namespace {

std::string error_of(std::string_view line) {
  auto parsed = parse_trace_line(line);
  auto* e = std::get_if<TraceError>(&parsed);
  return e ? e->message : "";
}

TraceEvent event_of(std::string_view line) {
  auto parsed = parse_trace_line(line);
  REQUIRE(std::holds_alternative<TraceEvent>(parsed));
  return std::get<TraceEvent>(parsed);
}

}  // namespace

TEST_CASE("Blank lines and comments are nothing") {
  CHECK(std::holds_alternative<std::monostate>(parse_trace_line("")));
  CHECK(std::holds_alternative<std::monostate>(parse_trace_line("   \t")));
  CHECK(std::holds_alternative<std::monostate>(parse_trace_line("# 0 active")));
}

TEST_CASE("Lines carry a time, a word and an argument") {
  auto e = event_of("12.25 pause 1h30m  # lunch");
  CHECK(e.at == 12250ms);
  CHECK(e.word == TraceWord::pause);
  CHECK(e.duration == Ms{90min});
  CHECK(event_of("3 side right").side == Side::right);
  CHECK(event_of("3 pause").duration == std::nullopt);
  CHECK(event_of("7\tend\r").word == TraceWord::end);
  CHECK(event_of("4 busy camera").word == TraceWord::busy);
  CHECK(event_of("4 busy camera").reason == BusyReason::camera);
  CHECK(event_of("5 free user").word == TraceWord::free);
  CHECK(event_of("5 free user").reason == BusyReason::user);
}

TEST_CASE("Every presence signal is a trace word, spelt as in the log") {
  using sitstretch::core::Signal;
  for (Signal s : {Signal::active, Signal::idle, Signal::locked, Signal::unlocked, Signal::sleep,
                   Signal::wake}) {
    const std::string word{sitstretch::core::to_string(s)};
    INFO(word);
    CHECK(sitstretch::core::signal_from_string(word) == s);
    const TraceEvent e = event_of("4 " + word);
    CHECK(e.word == TraceWord::signal);
    CHECK(e.signal == s);
  }
  CHECK(sitstretch::core::to_string(Signal::unlocked) == "unlocked");
  CHECK(sitstretch::core::signal_from_string("done") == std::nullopt);
}

TEST_CASE("Malformed lines say what was expected") {
  CHECK(error_of("x active") ==
        R"(expected seconds since the start (a non-negative number), got "x")");
  CHECK(error_of("-5 active").starts_with("expected seconds since the start"));
  CHECK(error_of("1e3 active").starts_with("expected seconds since the start"));
  CHECK(error_of("5") == "expected an event word after the time");
  CHECK(error_of("5 sit").starts_with(R"(unknown event "sit"; expected active, idle,)"));
  CHECK(error_of("5 active now") == R"(unexpected "now" after "active")");
  CHECK(error_of("5 pause soon") ==
        R"(expected a pause duration like "30m" or "1h30m", got "soon")");
  CHECK(error_of("5 pause 0s").starts_with("expected a pause duration"));
  CHECK(error_of("5 side up") == "expected side left, right or even");
  CHECK(error_of("5 side") == "expected side left, right or even");
  CHECK(error_of("5 busy") == "expected busy dnd, fullscreen, camera or user");
  CHECK(error_of("5 free dnd2") == R"(expected free dnd, fullscreen, camera or user, got "dnd2")");
  CHECK(error_of("5 busy DND") == R"(expected busy dnd, fullscreen, camera or user, got "DND")");
}

TEST_CASE("Time going backwards is an error naming the line") {
  CHECK(replay_error("0 active\n100 idle\n99 active\n") ==
        "3: time 99 goes back before the previous line's 100");
}

TEST_CASE("A malformed line stops the replay at that line") {
  CHECK(replay_error("0 active\n\n2700 snoze\n").starts_with("3: unknown event \"snoze\""));
}
