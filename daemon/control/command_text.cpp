#include "control/command_text.hpp"

#include "core/duration_text.hpp"

namespace sitstretch::control {
namespace {

// The optional DURATION of `pause` and `busy`: nothing, a positive duration, or the reason.
std::variant<std::optional<core::Ms>, std::string> duration_of(const Request& request) {
  if (request.args.empty()) return std::optional<core::Ms>{};
  const std::optional<core::Ms> duration = core::parse_duration(request.args[0]);
  if (!duration || *duration <= core::Ms{}) {
    return "expected a " + request.command + " duration like 30m or 1h30m, got \"" +
           request.args[0] + "\"";
  }
  return duration;
}

std::variant<Command, std::string> pause_of(const Request& request) {
  auto duration = duration_of(request);
  if (auto* reason = std::get_if<std::string>(&duration)) return std::move(*reason);
  return cmd::Pause{std::get<std::optional<core::Ms>>(duration), std::nullopt};
}

std::variant<Command, std::string> busy_of(const Request& request) {
  auto duration = duration_of(request);
  if (auto* reason = std::get_if<std::string>(&duration)) return std::move(*reason);
  return cmd::Busy{std::get<std::optional<core::Ms>>(duration)};
}

std::variant<Command, std::string> side_of(const Request& request) {
  const auto side =
      request.args.size() == 1 ? core::side_from_string(request.args[0]) : std::nullopt;
  if (!side) return std::string("expected side left, right or even");
  return cmd::Side{*side};
}

}  // namespace

std::variant<Command, std::string> to_command(const Request& request) {
  const std::string& c = request.command;
  // The server keeps a follow open itself; what its handler answers is the first line.
  if (c == "status" || c == "follow") return cmd::Status{};
  if (c == "done") return cmd::Done{};
  if (c == "snooze") return cmd::Snooze{};
  if (c == "skip") return cmd::Skip{};
  if (c == "dismiss") return cmd::Dismiss{};
  if (c == "pause") return pause_of(request);
  if (c == "resume") return cmd::Resume{};
  if (c == "reload") return cmd::Reload{};
  if (c == "stretch") return cmd::Stretch{};
  if (c == "side") return side_of(request);
  if (c == "busy") return busy_of(request);
  if (c == "free") return cmd::Free{};
  return "unknown command " + c;
}

std::variant<Command, std::string> parse_command(std::string_view line) {
  auto request = parse_request(line);
  if (auto* reason = std::get_if<std::string>(&request)) return std::move(*reason);
  return to_command(std::get<Request>(request));
}

std::string reply_text(const Result& result) {
  if (const auto* refused = std::get_if<result::Refused>(&result)) {
    return error_reply(refused->reason);
  }
  if (const auto* status = std::get_if<DaemonStatus>(&result)) return status_json(*status);
  return ok_reply().str();
}

std::function<std::string(const Request&)> command_handler(
    std::function<Result(const Command&)> apply) {
  return [apply = std::move(apply)](const Request& request) {
    auto command = to_command(request);
    if (const auto* reason = std::get_if<std::string>(&command)) return error_reply(*reason);
    return reply_text(apply(std::get<Command>(command)));
  };
}

}  // namespace sitstretch::control
