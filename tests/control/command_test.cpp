// Request lines into typed commands, and results into reply lines: the socket's side of the one
// command path.
#include <catch2/catch.hpp>

#include "control/command_text.hpp"

using namespace sitstretch::control;
using namespace std::chrono_literals;
using sitstretch::core::Ms;
using sitstretch::core::Outcome;

namespace {

Command command(std::string_view line) {
  auto parsed = parse_command(line);
  if (const auto* error = std::get_if<std::string>(&parsed)) FAIL(*error);
  return std::get<Command>(parsed);
}

std::string refusal(std::string_view line) {
  auto parsed = parse_command(line);
  if (std::holds_alternative<Command>(parsed)) FAIL("accepted: " << line);
  return std::get<std::string>(parsed);
}

}  // namespace

TEST_CASE("each command word becomes its typed command", "[command]") {
  CHECK(command("status") == Command{cmd::Status{}});
  CHECK(command("done") == Command{cmd::Done{}});
  CHECK(command("snooze") == Command{cmd::Snooze{}});
  CHECK(command("skip") == Command{cmd::Skip{}});
  CHECK(command("dismiss") == Command{cmd::Dismiss{}});
  CHECK(command("resume") == Command{cmd::Resume{}});
  CHECK(command("reload") == Command{cmd::Reload{}});
  CHECK(command("stretch\n") == Command{cmd::Stretch{}});
  CHECK(command("side right") == Command{cmd::Side{sitstretch::core::Side::right}});
  CHECK(command("side even") == Command{cmd::Side{sitstretch::core::Side::even}});
  for (const char* word :
       {"status", "done", "snooze", "skip", "dismiss", "pause", "resume", "reload", "stretch"}) {
    CHECK(name_of(command(word)) == word);
  }
  CHECK(name_of(command("side left")) == "side");
  CHECK(name_of(command("busy")) == "busy");
  CHECK(name_of(command("free")) == "free");
}

TEST_CASE("busy carries its duration, or none until free; free takes nothing", "[command]") {
  CHECK(command("busy") == Command{cmd::Busy{}});
  CHECK(command("busy 45m") == Command{cmd::Busy{45min}});
  CHECK(command("busy 10s\n") == Command{cmd::Busy{10s}});
  CHECK(command("free") == Command{cmd::Free{}});
  CHECK(refusal("busy soon") == R"(expected a busy duration like 30m or 1h30m, got "soon")");
  CHECK(refusal("busy 0s") == R"(expected a busy duration like 30m or 1h30m, got "0s")");
  CHECK(refusal("busy 1h 2h") == "'busy' takes at most 1 argument, got 2");
  CHECK(refusal("free now") == "'free' takes no argument, got 1");
}

TEST_CASE("a pause carries its duration, or none for an open-ended pause", "[command]") {
  CHECK(command("pause") == Command{cmd::Pause{}});
  CHECK(command("pause 30m") == Command{cmd::Pause{30min, std::nullopt}});
  CHECK(command("  pause \t 1h30m \r\n") == Command{cmd::Pause{90min, std::nullopt}});
}

TEST_CASE("a pause duration that is not a positive duration is refused in words", "[command]") {
  CHECK(refusal("pause soon") == R"(expected a pause duration like 30m or 1h30m, got "soon")");
  CHECK(refusal("pause 0s") == R"(expected a pause duration like 30m or 1h30m, got "0s")");
  // The protocol's own refusals come through unchanged.
  CHECK(refusal("side up") == "'side' takes left, right or even, got 'up'");
  CHECK(refusal("") == "empty request");
  CHECK(to_command(Request{"frobnicate", {}}) ==
        std::variant<Command, std::string>{"unknown command frobnicate"});
}

TEST_CASE("a pause until an instant lasts from now until then", "[command]") {
  const Ms now{1'800'000'000'000};
  CHECK(pause_length(cmd::Pause{std::nullopt, now + 8h}, now) == Ms{8h});
  CHECK(pause_length(cmd::Pause{30min, std::nullopt}, now) == Ms{30min});
  CHECK(pause_length(cmd::Pause{}, now) == std::nullopt);
  // An instant already past still pauses, for the least time there is.
  CHECK(pause_length(cmd::Pause{std::nullopt, now - 1s}, now) == Ms{1});
}

TEST_CASE("model outcomes become results, refusals with a reason a person can act on",
          "[command]") {
  CHECK(std::holds_alternative<result::Ok>(result_of(Outcome::ok, 3)));
  auto reason = [](Outcome o) { return std::get<result::Refused>(result_of(o, 1)).reason; };
  CHECK(reason(Outcome::nothing_pending) == "no prompt is waiting for an answer");
  CHECK(reason(Outcome::no_snoozes_left) ==
        "no snoozes left for this prompt (prompt.max_snoozes = 1)");
  CHECK(reason(Outcome::not_paused) == "not paused");
}

TEST_CASE("results become reply lines", "[command]") {
  CHECK(reply_text(result::Ok{}) == R"({"ok":true})");
  CHECK(reply_text(result::Refused{"not paused"}) == R"({"ok":false,"error":"not paused"})");
  DaemonStatus status;
  status.log = "/tmp/log.sqlite";
  CHECK(reply_text(status) == status_json(status));
}

TEST_CASE("the command handler hands typed commands over and writes their results", "[command]") {
  std::vector<Command> applied;
  auto handler = command_handler([&](const Command& c) -> Result {
    applied.push_back(c);
    if (std::holds_alternative<cmd::Resume>(c)) return result::Refused{"not paused"};
    return result::Ok{};
  });
  CHECK(handler(Request{"pause", {"45m"}}) == R"({"ok":true})");
  CHECK(handler(Request{"resume", {}}) == R"({"ok":false,"error":"not paused"})");
  // A request that is no command never reaches the daemon.
  CHECK(handler(Request{"pause", {"later"}}) ==
        R"({"ok":false,"error":"expected a pause duration like 30m or 1h30m, got \"later\""})");
  CHECK(applied == std::vector<Command>{cmd::Pause{45min, std::nullopt}, cmd::Resume{}});
}
