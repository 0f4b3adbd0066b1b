// The server's side of `status --follow` over real sockets: a follower gets its first line at
// once and later lines only when published as changed; one that never reads costs a bounded
// queue and delays nobody; followers are limited, and go when the server goes.
#include <sys/socket.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "control/control_client.hpp"
#include "control/control_server.hpp"
#include "control/unix_socket.hpp"
#include "control_test_support.hpp"

using namespace sitstretch::control;
using namespace sitstretch::control::test;
namespace asio = boost::asio;

namespace {

// A daemon stand-in that publishes its current line to followers when asked, like sitstretchd.
struct FollowedDaemon {
  std::optional<ControlServer> server;
  std::string current = R"({"ok":true,"n":0})";
  int follows = 0;

  void start(asio::io_context& io, const std::filesystem::path& socket, std::size_t max = 64) {
    ControlServerOptions options;
    options.on_follow = [this] {
      ++follows;
      server->publish(current, false);
    };
    options.max_followers = max;
    auto started = ControlServer::start(
        io, socket, [this](const Request&) { return current; }, options);
    if (const auto* error = std::get_if<std::string>(&started)) FAIL(*error);
    server.emplace(std::move(std::get<ControlServer>(started)));
  }
  void change(int n, std::size_t padding = 0) {
    current = R"({"ok":true,"n":)" + std::to_string(n) + R"(,"pad":")" + std::string(padding, 'x') +
              R"("})";
    server->publish(current, true);
  }
};

int follow_raw(const std::filesystem::path& socket) {
  const int fd = detail::connect_unix(socket, /*nonblocking=*/false);
  REQUIRE(fd >= 0);
  REQUIRE(::send(fd, "follow\n", 7, MSG_NOSIGNAL) == 7);
  return fd;
}

// What has arrived on fd so far, without waiting.
std::string available(int fd) {
  std::string got;
  char chunk[65536];
  for (ssize_t n; (n = ::recv(fd, chunk, sizeof chunk, MSG_DONTWAIT)) > 0;) {
    got.append(chunk, static_cast<std::size_t>(n));
  }
  return got;
}

// True once the server has closed fd's other end and nothing more is to come.
bool at_eof(int fd) {
  char c;
  return ::recv(fd, &c, 1, MSG_DONTWAIT) == 0;
}

std::size_t lines_in(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// Runs io until fd has brought `count` more lines; returns them.
std::string read_lines(asio::io_context& io, int fd, std::size_t count) {
  std::string got;
  run_until(io, [&] {
    got += available(fd);
    return lines_in(got) >= count;
  });
  return got;
}

}  // namespace

TEST_CASE("a follower gets a line at once and another only at each change", "[server][follow]") {
  TempRuntimeDir dir;
  asio::io_context io;
  FollowedDaemon daemon;
  daemon.start(io, dir.socket());
  const int fd = follow_raw(dir.socket());
  CHECK(read_lines(io, fd, 1) == "{\"ok\":true,\"n\":0}\n");
  CHECK(daemon.server->followers() == 1);

  // Publishing the same state again (a minute tick that changed nothing) sends nothing.
  daemon.server->publish(daemon.current, false);
  io.run_for(50ms);
  CHECK(available(fd).empty());

  daemon.change(1);
  CHECK(read_lines(io, fd, 1) == "{\"ok\":true,\"n\":1,\"pad\":\"\"}\n");

  // A plain status request is served as before while the follower stays.
  auto client = std::async(std::launch::async,
                           [&dir] { return send_request(dir.socket(), "status", 2000ms); });
  CHECK(std::get<std::string>(run_until_ready(io, client)) == daemon.current);

  ::close(fd);
  run_until(io, [&] { return daemon.server->followers() == 0; });
}

TEST_CASE("a follower that never reads holds at most two lines and delays nobody",
          "[server][follow]") {
  TempRuntimeDir dir;
  asio::io_context io;
  FollowedDaemon daemon;
  daemon.start(io, dir.socket());
  const int stuck = follow_raw(dir.socket());
  run_until(io, [&] { return daemon.follows == 1; });

  // 4 MB of changes, far past what the kernel's socket buffer takes.
  constexpr int kChanges = 4000;
  constexpr std::size_t kPadding = 1000;
  for (int n = 1; n <= kChanges; ++n) {
    daemon.change(n, kPadding);
    io.poll();
    CHECK(daemon.server->queued_bytes() <= 2 * (daemon.current.size() + 1));
  }
  // Others are served at once.
  const auto asked = std::chrono::steady_clock::now();
  auto client = std::async(std::launch::async,
                           [&dir] { return send_request(dir.socket(), "status", 2000ms); });
  CHECK(std::get<std::string>(run_until_ready(io, client)) == daemon.current);
  CHECK(std::chrono::steady_clock::now() - asked < 500ms);

  // Reading at last, the follower gets what the kernel held, then the latest state: far fewer
  // lines than changes, and the last one is the newest.
  std::string got;
  run_until(io, [&] {
    got += available(stuck);
    return got.ends_with(daemon.current + "\n");
  });
  CHECK(lines_in(got) < kChanges / 2);
  io.run_for(50ms);
  CHECK(available(stuck).empty());
  ::close(stuck);
}

TEST_CASE("followers beyond the limit are refused with a reason", "[server][follow]") {
  TempRuntimeDir dir;
  asio::io_context io;
  FollowedDaemon daemon;
  daemon.start(io, dir.socket(), 2);
  const int first = follow_raw(dir.socket());
  const int second = follow_raw(dir.socket());
  read_lines(io, first, 1);
  read_lines(io, second, 1);
  const int third = follow_raw(dir.socket());
  const std::string refused = read_lines(io, third, 1);
  CHECK(nlohmann::json::parse(refused).at("error") == "too many followers (2)");
  run_until(io, [&] { return at_eof(third); });
  // A place comes free when a follower leaves.
  ::close(first);
  run_until(io, [&] { return daemon.server->followers() == 1; });
  const int fourth = follow_raw(dir.socket());
  CHECK(read_lines(io, fourth, 1) == daemon.current + "\n");
  ::close(second);
  ::close(third);
  ::close(fourth);
}

TEST_CASE("followers see the end when the server stops", "[server][follow]") {
  TempRuntimeDir dir;
  asio::io_context io;
  FollowedDaemon daemon;
  daemon.start(io, dir.socket());
  auto follower = std::async(std::launch::async, [&dir] {
    int lines = 0;
    const SendError end = follow(dir.socket(), 2000ms, [&lines](const std::string&) {
      ++lines;
      return true;
    });
    return std::to_string(lines) + " " + end.message;
  });
  run_until(io, [&] { return daemon.follows == 1; });
  daemon.change(1);
  io.run_for(50ms);
  daemon.server.reset();
  CHECK(run_until_ready(io, follower) == "2 sitstretchd stopped (the connection closed)");
}
