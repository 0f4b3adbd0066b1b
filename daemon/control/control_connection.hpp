#pragma once

#include <array>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/steady_timer.hpp>

#include "control/control_server.hpp"

namespace sitstretch::control::detail {

// One accepted control connection: read one line, reply, close; all within a deadline. A
// "follow" request instead hands the connection to `follow` and keeps it open: it then writes
// each line given to send() and closes when the peer does. Owned by its pending async operations
// (shared_from_this), so it lives exactly as long as it has work. Runs on the io_context's thread.
class ControlConnection : public std::enable_shared_from_this<ControlConnection> {
 public:
  // Takes a following connection, or returns the one-line reason it cannot (too many).
  using FollowHook = std::function<std::optional<std::string>(std::shared_ptr<ControlConnection>)>;

  ControlConnection(boost::asio::local::stream_protocol::socket socket,
                    std::weak_ptr<const ControlServer::Handler> handler,
                    std::chrono::milliseconds timeout, FollowHook follow);

  // Arms the deadline and starts reading. Call once, right after construction.
  void start();
  // Cancels everything and closes the socket; pending handlers then finish with no effect.
  void close();
  bool open() const { return socket_.is_open(); }

  // Following: writes line (a newline is added). The queue is bounded at one line: while a line
  // is still being written, a newer one replaces any line waiting behind it, so a peer that
  // never reads costs at most two lines here (and the kernel's socket buffer), and sees the
  // latest state when it reads again. A status bar needs the latest state, not every one.
  void send(std::string line);
  // Bytes held here for the peer: the line being written and the one waiting.
  std::size_t queued_bytes() const { return writing_.size() + waiting_.size(); }

 private:
  void on_read(const boost::system::error_code& error, std::size_t line_length);
  std::string answer(std::string_view line) const;
  void write(std::string reply);
  bool start_following(std::string_view line);
  void watch_peer();
  void write_next();

  boost::asio::local::stream_protocol::socket socket_;
  boost::asio::steady_timer deadline_;
  std::weak_ptr<const ControlServer::Handler> handler_;
  std::chrono::milliseconds timeout_;
  FollowHook follow_;
  std::string input_;
  std::string reply_;
  // Following: the line in flight and the newest line behind it ("" when none).
  std::string writing_;
  std::string waiting_;
  std::array<char, 256> discard_{};  // whatever a follower sends after its request
};

}  // namespace sitstretch::control::detail
