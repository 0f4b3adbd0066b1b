#include "control/control_client.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "control/unix_socket.hpp"

namespace sitstretch::control {
namespace {

using Clock = std::chrono::steady_clock;

// Replies are one short line; anything this long is not our daemon talking.
constexpr std::size_t kMaxReplyBytes = 1 << 20;

// Closes the fd when the exchange ends, whichever way.
struct FdGuard {
  int fd;
  ~FdGuard() {
    if (fd >= 0) ::close(fd);
  }
};

SendError connect_error(const std::filesystem::path& socket, int error,
                        std::chrono::milliseconds timeout) {
  const std::string path = socket.string();
  switch (error) {
    case ENOENT:
    case ENOTDIR:
      return {"sitstretchd is not running (no socket at " + path + ")"};
    case ECONNREFUSED:
      return {"sitstretchd is not running (stale socket at " + path + ")"};
    case EAGAIN:
    case EINPROGRESS:
      return {"sitstretchd did not accept the connection within " +
              std::to_string(timeout.count()) + " ms"};
    case ENAMETOOLONG:
      return {"socket path too long for AF_UNIX: " + path};
    default:
      return {"cannot connect to " + path + ": " + std::strerror(error)};
  }
}

// Sends all of data. Returns 0, or the errno that stopped it.
int send_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t sent = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (sent < 0 && errno == EINTR) continue;
    if (sent < 0) return errno;
    data.remove_prefix(static_cast<std::size_t>(sent));
  }
  return 0;
}

// Reads up to the first newline before deadline.
std::variant<std::string, SendError> read_reply(int fd, Clock::time_point deadline,
                                                std::chrono::milliseconds timeout) {
  std::string reply;
  while (true) {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
    pollfd entry{fd, POLLIN, 0};
    const int ready = left > 0 ? ::poll(&entry, 1, static_cast<int>(left)) : 0;
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) {
      return SendError{"sitstretchd did not answer within " + std::to_string(timeout.count()) +
                       " ms"};
    }
    char buffer[4096];
    const ssize_t got = ready < 0 ? -1 : ::recv(fd, buffer, sizeof buffer, 0);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      // EOF, or ECONNRESET when the daemon closed with our request partly unread.
      return SendError{reply.empty() ? "sitstretchd closed the connection without a reply"
                                     : "sitstretchd sent an incomplete reply"};
    }
    reply.append(buffer, static_cast<std::size_t>(got));
    if (const std::size_t newline = reply.find('\n'); newline != std::string::npos) {
      reply.resize(newline);
      return reply;
    }
    if (reply.size() > kMaxReplyBytes) return SendError{"sitstretchd sent an oversize reply"};
  }
}

// Connects and sends request (a newline appended if missing), within timeout. Returns the
// connected fd's guard, or why not.
std::variant<int, SendError> connect_and_send(const std::filesystem::path& socket,
                                              std::string_view request,
                                              std::chrono::milliseconds timeout) {
  // Blocking connect and send, bounded by SO_SNDTIMEO (which Linux applies to AF_UNIX connect
  // too); replies are awaited with poll().
  FdGuard guard{::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)};
  if (guard.fd < 0)
    return SendError{std::string("cannot create a socket: ") + std::strerror(errno)};
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(timeout).count();
  timeval limit{static_cast<time_t>(micros / 1000000), static_cast<suseconds_t>(micros % 1000000)};
  ::setsockopt(guard.fd, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);

  const std::optional<sockaddr_un> address = detail::unix_address(socket);
  if (!address) return connect_error(socket, ENAMETOOLONG, timeout);
  if (::connect(guard.fd, reinterpret_cast<const sockaddr*>(&*address), sizeof *address) != 0) {
    return connect_error(socket, errno, timeout);
  }

  std::string line(request);
  if (!line.ends_with('\n')) line += '\n';
  const int send_error = send_all(guard.fd, line);
  // A daemon that refuses the request early (too long) may close before taking all of it; its
  // reply can still be waiting, so only other errors end the exchange here.
  if (send_error != 0 && send_error != EPIPE && send_error != ECONNRESET) {
    if (send_error == EAGAIN) {
      return SendError{"sitstretchd did not take the request within " +
                       std::to_string(timeout.count()) + " ms"};
    }
    return SendError{"cannot send to " + socket.string() + ": " + std::strerror(send_error)};
  }
  const int fd = guard.fd;
  guard.fd = -1;
  return fd;
}

}  // namespace

std::variant<std::string, SendError> send_request(const std::filesystem::path& socket,
                                                  std::string_view request,
                                                  std::chrono::milliseconds timeout) {
  const Clock::time_point deadline = Clock::now() + timeout;
  auto connected = connect_and_send(socket, request, timeout);
  if (auto* error = std::get_if<SendError>(&connected)) return std::move(*error);
  const FdGuard guard{std::get<int>(connected)};
  return read_reply(guard.fd, deadline, timeout);
}

SendError follow(const std::filesystem::path& socket, std::chrono::milliseconds timeout,
                 const std::function<bool(const std::string&)>& on_line) {
  auto connected = connect_and_send(socket, "follow", timeout);
  if (auto* error = std::get_if<SendError>(&connected)) return std::move(*error);
  const FdGuard guard{std::get<int>(connected)};
  std::string buffer;
  // The first line comes at once; later ones whenever the daemon has news, however long apart.
  Clock::time_point deadline = Clock::now() + timeout;
  while (true) {
    for (std::size_t newline; (newline = buffer.find('\n')) != std::string::npos;) {
      if (!on_line(buffer.substr(0, newline))) return SendError{};
      buffer.erase(0, newline + 1);
      deadline = Clock::time_point::max();
    }
    if (buffer.size() > kMaxReplyBytes) return SendError{"sitstretchd sent an oversize line"};
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    pollfd entry{guard.fd, POLLIN, 0};
    const int wait = deadline == Clock::time_point::max() ? -1 : std::max<int>(0, left.count());
    const int ready = ::poll(&entry, 1, wait);
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) {
      return SendError{"sitstretchd did not answer within " + std::to_string(timeout.count()) +
                       " ms"};
    }
    char chunk[4096];
    const ssize_t got = ready < 0 ? -1 : ::recv(guard.fd, chunk, sizeof chunk, 0);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return SendError{"sitstretchd stopped (the connection closed)"};
    buffer.append(chunk, static_cast<std::size_t>(got));
  }
}

}  // namespace sitstretch::control
