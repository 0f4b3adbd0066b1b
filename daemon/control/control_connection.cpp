#include "control/control_connection.hpp"

#include <cstdio>
#include <exception>

#include <boost/asio/read_until.hpp>
#include <boost/asio/write.hpp>

namespace sitstretch::control::detail {

namespace asio = boost::asio;

ControlConnection::ControlConnection(asio::local::stream_protocol::socket socket,
                                     std::weak_ptr<const ControlServer::Handler> handler,
                                     std::chrono::milliseconds timeout, FollowHook follow)
    : socket_(std::move(socket)),
      deadline_(socket_.get_executor()),
      handler_(std::move(handler)),
      timeout_(timeout),
      follow_(std::move(follow)) {}

void ControlConnection::start() {
  deadline_.expires_after(timeout_);
  deadline_.async_wait([self = shared_from_this()](const boost::system::error_code& error) {
    // Cancelled (error set) once the exchange is over; firing means the peer was too slow.
    if (!error) self->close();
  });
  // One byte over the limit lets "exactly kMaxRequestBytes plus newline" through and makes
  // anything longer fail with not_found.
  asio::async_read_until(
      socket_, asio::dynamic_buffer(input_, kMaxRequestBytes + 1), '\n',
      [self = shared_from_this()](const boost::system::error_code& error, std::size_t length) {
        self->on_read(error, length);
      });
}

void ControlConnection::close() {
  deadline_.cancel();
  boost::system::error_code ignored;
  socket_.shutdown(asio::socket_base::shutdown_both, ignored);
  socket_.close(ignored);
}

void ControlConnection::on_read(const boost::system::error_code& error, std::size_t line_length) {
  if (error == asio::error::not_found) {
    write(error_reply("request longer than " + std::to_string(kMaxRequestBytes) + " bytes"));
  } else if (!error) {
    const std::string_view line = std::string_view(input_).substr(0, line_length);
    if (!start_following(line)) write(answer(line));
  } else if (error == asio::error::eof && !input_.empty()) {
    // The peer shut down its side after a request without newline: still one request.
    write(answer(input_));
  } else {
    close();  // closed by the deadline or the server, or the peer left without a request
  }
}

// A "follow" request, when the server takes followers: the connection stays open, with no
// deadline, and its first line comes from the server like every later one.
bool ControlConnection::start_following(std::string_view line) {
  const auto parsed = parse_request(line);
  const auto* request = std::get_if<Request>(&parsed);
  if (!follow_ || request == nullptr || request->command != "follow") return false;
  if (auto refused = follow_(shared_from_this())) {
    write(error_reply(*refused));
    return true;
  }
  deadline_.cancel();
  input_.clear();
  watch_peer();
  return true;
}

// Reads and drops what a follower sends, to learn when it goes away.
void ControlConnection::watch_peer() {
  socket_.async_read_some(
      asio::buffer(discard_),
      [self = shared_from_this()](const boost::system::error_code& error, std::size_t) {
        if (error) {
          self->close();
        } else {
          self->watch_peer();
        }
      });
}

std::string ControlConnection::answer(std::string_view line) const {
  std::variant<Request, std::string> parsed = parse_request(line);
  if (const auto* reason = std::get_if<std::string>(&parsed)) return error_reply(*reason);
  const std::shared_ptr<const ControlServer::Handler> handler = handler_.lock();
  if (!handler) return error_reply("sitstretchd is shutting down");
  try {
    return (*handler)(std::get<Request>(parsed));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sitstretchd: control command '%s' failed: %s\n",
                 std::get<Request>(parsed).command.c_str(), e.what());
    return error_reply(std::string("internal error: ") + e.what());
  } catch (...) {
    std::fprintf(stderr, "sitstretchd: control command '%s' failed\n",
                 std::get<Request>(parsed).command.c_str());
    return error_reply("internal error");
  }
}

void ControlConnection::write(std::string reply) {
  reply_ = std::move(reply);
  if (!reply_.ends_with('\n')) reply_ += '\n';
  asio::async_write(socket_, asio::buffer(reply_),
                    [self = shared_from_this()](const boost::system::error_code&, std::size_t) {
                      // Written or not, the exchange is over; the client reads up to the newline.
                      self->close();
                    });
}

void ControlConnection::send(std::string line) {
  if (!socket_.is_open()) return;
  if (!line.ends_with('\n')) line += '\n';
  waiting_ = std::move(line);  // replaces an older line nobody has taken yet
  if (writing_.empty()) write_next();
}

void ControlConnection::write_next() {
  writing_ = std::move(waiting_);
  waiting_.clear();
  if (writing_.empty()) return;
  asio::async_write(
      socket_, asio::buffer(writing_),
      [self = shared_from_this()](const boost::system::error_code& error, std::size_t) {
        self->writing_.clear();
        if (error) {
          self->close();
        } else {
          self->write_next();
        }
      });
}

}  // namespace sitstretch::control::detail
