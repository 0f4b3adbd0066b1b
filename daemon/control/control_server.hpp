#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <variant>

#include <boost/asio/io_context.hpp>

#include "control/protocol.hpp"

namespace sitstretch::control {

struct ControlServerOptions {
  // How long one connection may take from accept to the reply written; a client that connects
  // and says nothing is closed after this, without holding up anyone else.
  std::chrono::milliseconds timeout{2000};
  // Called (posted, on the loop) when a connection asks to follow; the owner then publish()es,
  // which gives the newcomer its first line. Without it a "follow" is answered like any request.
  std::function<void()> on_follow{};
  // Followers at once; more are refused with a reason. Each holds a descriptor and at most two
  // lines, so this bounds what followers can take from the daemon.
  std::size_t max_followers = 64;
};

// The daemon's end of the control socket (SPEC §6). Lives on the io_context's one thread: every
// member function, and every call of the handler, runs there. No threads of its own.
//
// Each connection is served independently with async operations and its own timer: one request
// line (at most kMaxRequestBytes), one reply line, close. Connections from a uid other than ours
// (SO_PEERCRED) are closed without a reply. Malformed and oversize requests get an error reply
// without reaching the handler. A "follow" connection stays open: see publish().
class ControlServer {
 public:
  // Takes a parsed request and returns the reply: one JSON object on one line (see protocol.hpp);
  // a trailing newline is added if missing. Exceptions it throws become {"ok":false,...} replies.
  using Handler = std::function<std::string(const Request&)>;

  // Creates the socket's directory (0700; see ensure_private_dir), replaces a stale socket file
  // that is ours and that nobody listens on, binds socket_path with mode 0600 and starts
  // accepting. Returns the server, or a one-line reason it cannot listen (e.g. another process
  // listens there). Never throws.
  static std::variant<ControlServer, std::string> start(boost::asio::io_context& io,
                                                        std::filesystem::path socket_path,
                                                        Handler handler,
                                                        ControlServerOptions options = {});

  ControlServer(ControlServer&&) noexcept = default;
  ControlServer& operator=(ControlServer&& other) noexcept;
  ControlServer(const ControlServer&) = delete;
  ControlServer& operator=(const ControlServer&) = delete;
  // Stops accepting, closes open connections and unlinks the socket file (if it is still the
  // one we bound). Must run before the io_context is destroyed.
  ~ControlServer();

  const std::filesystem::path& socket_path() const;

  // Followers still connected.
  std::size_t followers() const;
  // Sends line to every follower that has not had one yet, and to all of them when changed.
  void publish(const std::string& line, bool changed);
  // Bytes waiting in the daemon for followers (bounded: see ControlConnection::send).
  std::size_t queued_bytes() const;

 private:
  struct State;
  explicit ControlServer(std::shared_ptr<State> state) : state_(std::move(state)) {}
  void stop();

  std::shared_ptr<State> state_;
};

}  // namespace sitstretch::control
