#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <variant>

namespace sitstretch::control {

// Why a request got no reply; message is one line for the user, e.g.
// "sitstretchd is not running (no socket at /run/user/1000/sitstretch/control.sock)".
struct SendError {
  std::string message;
};

// The `sitstretch` client's end of the control socket. Blocking; for the CLI, not the daemon.
// Connects to socket, sends request (a newline is appended if missing), and returns the reply
// line without its newline, or why there is none. The whole exchange takes at most about
// timeout. Never throws; SIGPIPE is not raised.
//
// Errors: no socket file → "sitstretchd is not running (no socket at PATH)"; a socket file
// nobody listens on → "sitstretchd is not running (stale socket at PATH)"; otherwise the
// system error, a timeout, or a connection closed without a reply.
std::variant<std::string, SendError> send_request(const std::filesystem::path& socket,
                                                  std::string_view request,
                                                  std::chrono::milliseconds timeout);

// `status --follow`: connects, sends "follow" and calls on_line with each line (newline
// stripped) until on_line returns false or the connection ends. The first line must come within
// timeout; later ones may take as long as they take. Returns why it ended: an empty message when
// on_line stopped it, else the connect errors above or "sitstretchd stopped (the connection
// closed)".
SendError follow(const std::filesystem::path& socket, std::chrono::milliseconds timeout,
                 const std::function<bool(const std::string&)>& on_line);

}  // namespace sitstretch::control
