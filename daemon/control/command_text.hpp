#pragma once

// The socket's side of Command and Result: request lines into typed commands, results into
// reply lines. The one place inside the daemon where commands are text.

#include <functional>
#include <string>
#include <string_view>
#include <variant>

#include "control/command.hpp"
#include "control/protocol.hpp"

namespace sitstretch::control {

// The command a well-shaped request asks for, or a one-line reason it cannot be one (a pause
// duration that is not a positive duration like "30m" or "1h30m").
std::variant<Command, std::string> to_command(const Request& request);

// parse_request() and to_command() in one: a request line straight to a typed command.
std::variant<Command, std::string> parse_command(std::string_view line);

// The reply line for a result, without newline: {"ok":true}, {"ok":false,"error":...} or the
// status document.
std::string reply_text(const Result& result);

// A handler for ControlServer (a Request in, a reply line out) that hands each request to
// `apply` as a Command and writes its Result; a request that is no command gets the reason,
// and never reaches `apply`.
std::function<std::string(const Request&)> command_handler(
    std::function<Result(const Command&)> apply);

}  // namespace sitstretch::control
