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
};

// The daemon's end of the control socket (SPEC §6). Lives on the io_context's one thread: every
// member function, and every call of the handler, runs there. No threads of its own.
//
// Each connection is served independently with async operations and its own timer: one request
// line (at most kMaxRequestBytes), one reply line, close. Connections from a uid other than ours
// (SO_PEERCRED) are closed without a reply. Malformed and oversize requests get an error reply
// without reaching the handler.
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

 private:
  struct State;
  explicit ControlServer(std::shared_ptr<State> state) : state_(std::move(state)) {}
  void stop();

  std::shared_ptr<State> state_;
};

}  // namespace sitstretch::control
