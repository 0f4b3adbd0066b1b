#pragma once

#include <chrono>
#include <memory>
#include <string>

#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/steady_timer.hpp>

#include "control/control_server.hpp"

namespace sitstretch::control::detail {

// One accepted control connection: read one line, reply, close; all within a deadline. Owned by
// its pending async operations (shared_from_this), so it lives exactly as long as it has work.
// Runs on the io_context's thread.
class ControlConnection : public std::enable_shared_from_this<ControlConnection> {
 public:
  ControlConnection(boost::asio::local::stream_protocol::socket socket,
                    std::weak_ptr<const ControlServer::Handler> handler,
                    std::chrono::milliseconds timeout);

  // Arms the deadline and starts reading. Call once, right after construction.
  void start();
  // Cancels everything and closes the socket; pending handlers then finish with no effect.
  void close();

 private:
  void on_read(const boost::system::error_code& error, std::size_t line_length);
  std::string answer(std::string_view line) const;
  void write(std::string reply);

  boost::asio::local::stream_protocol::socket socket_;
  boost::asio::steady_timer deadline_;
  std::weak_ptr<const ControlServer::Handler> handler_;
  std::chrono::milliseconds timeout_;
  std::string input_;
  std::string reply_;
};

}  // namespace sitstretch::control::detail
