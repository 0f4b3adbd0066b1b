#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "control/flat_json.hpp"

// The control protocol between `sitstretch` and `sitstretchd` (SPEC §6). Pure: no I/O.
//
// One connection carries one exchange: the client writes one request line ending in '\n', the
// daemon writes one reply line ending in '\n' and closes. A request is a command word and its
// arguments separated by spaces ("pause 30m", "side left"). A reply is one flat JSON object:
// {"ok":true,...} or {"ok":false,"error":"one-line reason"}.
//
// One request keeps the connection open: "follow" gets the status reply at once and another
// status line whenever what a status bar shows changes (follow.hpp), until either side closes.
namespace sitstretch::control {

// Longest request line accepted, newline excluded.
inline constexpr std::size_t kMaxRequestBytes = 4096;

// A syntactically valid request: a known command with an allowed number of arguments.
struct Request {
  std::string command;
  std::vector<std::string> args;

  bool operator==(const Request&) const = default;
};

// The commands the daemon understands. Argument checks here are only about shape: the daemon
// validates a pause duration itself.
//   status, follow, done, snooze, skip, dismiss, resume, reload,
//   stretch                                                        no argument
//   free
//   pause [DURATION], busy [DURATION]                              zero or one argument
//   side left|right|even                                           exactly one of these
struct CommandSpec {
  std::string_view name;
  std::size_t min_args;
  std::size_t max_args;
};
inline constexpr CommandSpec kCommands[] = {
    {"status", 0, 0}, {"done", 0, 0},   {"snooze", 0, 0}, {"skip", 0, 0},    {"dismiss", 0, 0},
    {"pause", 0, 1},  {"resume", 0, 0}, {"reload", 0, 0}, {"stretch", 0, 0}, {"side", 1, 1},
    {"busy", 0, 1},   {"free", 0, 0},   {"follow", 0, 0},
};

// Parses one request line (a trailing "\n" or "\r\n" is ignored; runs of spaces or tabs
// separate words). Returns the request, or a one-line reason it was refused: empty, longer than
// kMaxRequestBytes, control characters, unknown command, wrong number or kind of arguments.
std::variant<Request, std::string> parse_request(std::string_view line);

// The request line a client sends for command and args, newline included. Arguments must not
// contain spaces; parse_request() on the result gives the same request back.
std::string format_request(const Request& request);

// {"ok":false,"error":reason} without newline. Line breaks in reason become spaces.
std::string error_reply(std::string_view reason);

// A writer already holding "ok":true; add the command's fields and call str().
JsonObjectWriter ok_reply();

}  // namespace sitstretch::control
