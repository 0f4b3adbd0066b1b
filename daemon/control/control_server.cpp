#include "control/control_server.hpp"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <vector>

#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include "control/control_connection.hpp"
#include "control/runtime_dir.hpp"
#include "control/unix_socket.hpp"

namespace sitstretch::control {

namespace asio = boost::asio;
using asio::local::stream_protocol;

namespace {

std::string errno_text(const std::string& what, const std::filesystem::path& path) {
  return "cannot " + what + " " + path.string() + ": " + std::strerror(errno);
}

// Removes a leftover socket file at path when it is ours and nobody listens on it. Returns
// nullopt when the path is free afterwards, else why we must not take it.
std::optional<std::string> clear_stale_socket(const std::filesystem::path& path) {
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0) {
    return errno == ENOENT ? std::nullopt : std::optional(errno_text("inspect", path));
  }
  if (!S_ISSOCK(info.st_mode)) return path.string() + " exists and is not a socket";
  if (info.st_uid != ::geteuid()) {
    return path.string() + " is owned by uid " + std::to_string(info.st_uid);
  }
  // Non-blocking, so a live daemon with a full backlog answers EAGAIN instead of stalling us.
  const int probe = detail::connect_unix(path, /*nonblocking=*/true);
  if (probe >= 0 || errno == EAGAIN || errno == EINPROGRESS) {
    if (probe >= 0) ::close(probe);
    return "another process is listening on " + path.string();
  }
  if (errno != ECONNREFUSED) return errno_text("probe", path);
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) return errno_text("remove", path);
  std::fprintf(stderr, "sitstretchd: removed stale control socket %s\n", path.c_str());
  return std::nullopt;
}

void set_close_on_exec(int fd) {
  // Asio does not open sockets with CLOEXEC; programs we launch must not inherit them.
  const int flags = ::fcntl(fd, F_GETFD);
  if (flags >= 0) ::fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
}

}  // namespace

struct ControlServer::State : std::enable_shared_from_this<State> {
  State(asio::io_context& io, std::filesystem::path path, Handler handler,
        ControlServerOptions options)
      : acceptor(io),
        retry_timer(io),
        socket_path(std::move(path)),
        handler(std::make_shared<const Handler>(std::move(handler))),
        options(options) {}

  std::optional<std::string> listen();
  void accept_next();
  void on_accepted(stream_protocol::socket socket);
  std::optional<std::string> add_follower(std::shared_ptr<detail::ControlConnection> connection);
  std::size_t drop_closed_followers();

  stream_protocol::acceptor acceptor;
  asio::steady_timer retry_timer;  // backs off after accept errors such as EMFILE
  std::filesystem::path socket_path;
  std::shared_ptr<const Handler> handler;
  ControlServerOptions options;
  std::vector<std::weak_ptr<detail::ControlConnection>> connections;
  // Following connections: those that have had a line, and those still waiting for their first.
  std::vector<std::weak_ptr<detail::ControlConnection>> followers;
  std::vector<std::weak_ptr<detail::ControlConnection>> joining;
  dev_t socket_dev = 0;  // identity of the file we bound, so we unlink only our own
  ino_t socket_ino = 0;
  bool accept_error_logged = false;
};

std::optional<std::string> ControlServer::State::listen() {
  if (!detail::unix_address(socket_path)) {
    return "socket path too long for AF_UNIX: " + socket_path.string();
  }
  if (auto error = ensure_private_dir(socket_path.parent_path())) return error;
  if (auto error = clear_stale_socket(socket_path)) return error;

  boost::system::error_code error;
  const stream_protocol::endpoint endpoint(socket_path.string());
  acceptor.open(endpoint.protocol(), error);
  if (!error) acceptor.bind(endpoint, error);
  if (!error) acceptor.listen(asio::socket_base::max_listen_connections, error);
  if (error) {
    return "cannot listen on " + socket_path.string() + ": " + error.message();
  }
  set_close_on_exec(acceptor.native_handle());
  struct stat info {};
  if (::chmod(socket_path.c_str(), 0600) != 0 || ::lstat(socket_path.c_str(), &info) != 0) {
    std::string reason = errno_text("set mode 0600 on", socket_path);
    ::unlink(socket_path.c_str());
    return reason;
  }
  socket_dev = info.st_dev;
  socket_ino = info.st_ino;
  return std::nullopt;
}

void ControlServer::State::accept_next() {
  // Handlers hold only a weak reference: once the server is gone they do nothing.
  acceptor.async_accept([weak = weak_from_this()](const boost::system::error_code& error,
                                                  stream_protocol::socket socket) {
    const std::shared_ptr<State> self = weak.lock();
    if (!self || error == asio::error::operation_aborted) return;
    if (!error) {
      self->accept_error_logged = false;
      self->on_accepted(std::move(socket));
      self->accept_next();
      return;
    }
    if (!self->accept_error_logged) {
      std::fprintf(stderr, "sitstretchd: control socket accept failed: %s\n",
                   error.message().c_str());
      self->accept_error_logged = true;
    }
    self->retry_timer.expires_after(std::chrono::milliseconds(100));
    self->retry_timer.async_wait([weak](const boost::system::error_code& wait_error) {
      const std::shared_ptr<State> again = weak.lock();
      if (again && !wait_error) again->accept_next();
    });
  });
}

void ControlServer::State::on_accepted(stream_protocol::socket socket) {
  set_close_on_exec(socket.native_handle());
  ucred peer{};
  socklen_t length = sizeof peer;
  if (::getsockopt(socket.native_handle(), SOL_SOCKET, SO_PEERCRED, &peer, &length) != 0 ||
      peer.uid != ::geteuid()) {
    // Socket and directory modes already keep other users out; this also refuses root.
    std::fprintf(stderr, "sitstretchd: refused control connection from uid %ld (pid %ld)\n",
                 static_cast<long>(peer.uid), static_cast<long>(peer.pid));
    return;  // the socket closes as it goes out of scope
  }
  std::erase_if(connections, [](const auto& connection) { return connection.expired(); });
  detail::ControlConnection::FollowHook follow;
  if (options.on_follow) {
    follow = [weak = weak_from_this()](std::shared_ptr<detail::ControlConnection> connection) {
      const std::shared_ptr<State> self = weak.lock();
      if (!self) return std::optional<std::string>("sitstretchd is shutting down");
      return self->add_follower(std::move(connection));
    };
  }
  auto connection = std::make_shared<detail::ControlConnection>(std::move(socket), handler,
                                                                options.timeout, std::move(follow));
  connection->start();
  connections.push_back(connection);
}

std::size_t ControlServer::State::drop_closed_followers() {
  auto closed = [](const std::weak_ptr<detail::ControlConnection>& weak) {
    const auto connection = weak.lock();
    return !connection || !connection->open();
  };
  std::erase_if(followers, closed);
  std::erase_if(joining, closed);
  return followers.size() + joining.size();
}

std::optional<std::string> ControlServer::State::add_follower(
    std::shared_ptr<detail::ControlConnection> connection) {
  if (drop_closed_followers() >= options.max_followers) {
    std::fprintf(stderr, "sitstretchd: refused a follower: %zu already follow\n",
                 options.max_followers);
    return "too many followers (" + std::to_string(options.max_followers) + ")";
  }
  joining.push_back(connection);
  // Posted: the owner's publish() must not run inside this connection's read handler.
  asio::post(acceptor.get_executor(), [weak = weak_from_this()] {
    if (const std::shared_ptr<State> self = weak.lock()) self->options.on_follow();
  });
  return std::nullopt;
}

std::variant<ControlServer, std::string> ControlServer::start(asio::io_context& io,
                                                              std::filesystem::path socket_path,
                                                              Handler handler,
                                                              ControlServerOptions options) {
  try {
    auto state = std::make_shared<State>(io, std::move(socket_path), std::move(handler), options);
    if (auto error = state->listen()) return *error;
    state->accept_next();
    return ControlServer(std::move(state));
  } catch (const std::exception& e) {  // allocation failures; Asio calls above use error codes
    return std::string("cannot start the control socket: ") + e.what();
  }
}

ControlServer& ControlServer::operator=(ControlServer&& other) noexcept {
  if (this != &other) {
    stop();
    state_ = std::move(other.state_);
  }
  return *this;
}

ControlServer::~ControlServer() {
  stop();
}

const std::filesystem::path& ControlServer::socket_path() const {
  return state_->socket_path;
}

std::size_t ControlServer::followers() const {
  return state_->drop_closed_followers();
}

void ControlServer::publish(const std::string& line, bool changed) {
  state_->drop_closed_followers();
  auto send = [&line](const std::weak_ptr<detail::ControlConnection>& weak) {
    if (const auto connection = weak.lock()) connection->send(line);
  };
  if (changed) std::for_each(state_->followers.begin(), state_->followers.end(), send);
  std::for_each(state_->joining.begin(), state_->joining.end(), send);
  state_->followers.insert(state_->followers.end(), state_->joining.begin(), state_->joining.end());
  state_->joining.clear();
}

std::size_t ControlServer::queued_bytes() const {
  std::size_t bytes = 0;
  for (const auto& weak : state_->followers) {
    if (const auto connection = weak.lock()) bytes += connection->queued_bytes();
  }
  return bytes;
}

void ControlServer::stop() {
  if (!state_) return;
  boost::system::error_code ignored;
  state_->acceptor.close(ignored);
  state_->retry_timer.cancel();
  for (const auto& weak : state_->connections) {
    if (auto connection = weak.lock()) connection->close();
  }
  struct stat info {};
  const char* path = state_->socket_path.c_str();
  if (::lstat(path, &info) == 0 && info.st_dev == state_->socket_dev &&
      info.st_ino == state_->socket_ino) {
    ::unlink(path);
  }
  state_.reset();
}

}  // namespace sitstretch::control
