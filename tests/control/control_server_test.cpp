#include <sys/socket.h>
#include <sys/un.h>

#include <dirent.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "control/control_client.hpp"
#include "control/control_server.hpp"
#include "control/unix_socket.hpp"
#include "control_test_support.hpp"

using namespace sitstretch::control;
using namespace sitstretch::control::test;
namespace asio = boost::asio;

namespace {

// A daemon stand-in: answers every request with its command and arguments, counting calls.
struct EchoDaemon {
  int calls = 0;
  ControlServer::Handler handler() {
    return [this](const Request& request) {
      ++calls;
      JsonObjectWriter reply = ok_reply();
      reply.string("command", request.command).integer("args", std::ssize(request.args));
      if (!request.args.empty()) reply.string("arg", request.args.front());
      return reply.str();
    };
  }
};

ControlServer start_server(asio::io_context& io, const std::filesystem::path& socket,
                           ControlServer::Handler handler, ControlServerOptions options = {}) {
  auto started = ControlServer::start(io, socket, std::move(handler), options);
  if (const auto* error = std::get_if<std::string>(&started)) FAIL(*error);
  return std::move(std::get<ControlServer>(started));
}

// Sends request from another thread while io runs here; returns the parsed reply.
nlohmann::json exchange(asio::io_context& io, const std::filesystem::path& socket,
                        std::string request) {
  auto client = std::async(std::launch::async,
                           [&socket, request] { return send_request(socket, request, 2000ms); });
  const auto reply = run_until_ready(io, client);
  if (const auto* error = std::get_if<SendError>(&reply)) FAIL(error->message);
  const auto parsed = nlohmann::json::parse(std::get<std::string>(reply), nullptr, false);
  REQUIRE(parsed.is_object());
  return parsed;
}

std::string text(const nlohmann::json& reply, const std::string& key) {
  return reply.at(key).get<std::string>();
}

// A connected, blocking client socket that the test drives by hand.
int raw_connect(const std::filesystem::path& socket) {
  const int fd = sitstretch::control::detail::connect_unix(socket, /*nonblocking=*/false);
  REQUIRE(fd >= 0);
  return fd;
}

// True once the server has closed fd's other end (EOF).
bool closed_by_peer(int fd) {
  pollfd entry{fd, POLLIN, 0};
  if (::poll(&entry, 1, 0) <= 0) return false;
  char c;
  return ::recv(fd, &c, 1, MSG_DONTWAIT) == 0;
}

int open_fd_count() {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
    (void)entry;
    ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("a request reaches the handler and its reply comes back", "[server]") {
  TempRuntimeDir dir;
  asio::io_context io;
  EchoDaemon daemon;
  ControlServer server = start_server(io, dir.socket(), daemon.handler());
  CHECK(server.socket_path() == dir.socket());

  nlohmann::json reply = exchange(io, dir.socket(), "pause 30m");
  CHECK(reply.at("ok") == true);
  CHECK(text(reply, "command") == "pause");
  CHECK(text(reply, "arg") == "30m");
  reply = exchange(io, dir.socket(), "status");
  CHECK(text(reply, "command") == "status");
  CHECK(daemon.calls == 2);
}

TEST_CASE("the socket is 0600 in a 0700 directory, and goes away with the server", "[server]") {
  TempRuntimeDir dir;
  asio::io_context io;
  EchoDaemon daemon;
  {
    ControlServer server = start_server(io, dir.socket(), daemon.handler());
    CHECK(std::filesystem::is_socket(dir.socket()));
    CHECK(permissions(dir.socket()) == 0600);
    CHECK(permissions(dir.runtime()) == 0700);
  }
  CHECK_FALSE(std::filesystem::exists(dir.socket()));

  // A directory of ours with a wider mode is tightened.
  std::filesystem::permissions(dir.runtime(), std::filesystem::perms(0755));
  ControlServer server = start_server(io, dir.socket(), daemon.handler());
  CHECK(permissions(dir.runtime()) == 0700);
}

TEST_CASE("a silent client neither delays others nor stays open", "[server]") {
  TempRuntimeDir dir;
  asio::io_context io;
  EchoDaemon daemon;
  ControlServer server = start_server(io, dir.socket(), daemon.handler(), {.timeout = 300ms});
  const int fds_before = open_fd_count();

  const auto connected = std::chrono::steady_clock::now();
  const int silent = raw_connect(dir.socket());
  const int halfway = raw_connect(dir.socket());
  REQUIRE(::send(halfway, "sta", 3, MSG_NOSIGNAL) == 3);  // a request with no end
  io.run_for(20ms);

  const auto asked = std::chrono::steady_clock::now();
  CHECK(text(exchange(io, dir.socket(), "status"), "command") == "status");
  CHECK(std::chrono::steady_clock::now() - asked < 150ms);

  run_until(io, [&] { return closed_by_peer(silent) && closed_by_peer(halfway); });
  const auto waited = std::chrono::steady_clock::now() - connected;
  CHECK(waited >= 290ms);
  CHECK(waited < 1500ms);
  CHECK(daemon.calls == 1);
  ::close(silent);
  ::close(halfway);
  io.run_for(10ms);
  CHECK(open_fd_count() == fds_before);  // the server kept nothing of the three connections
}

TEST_CASE("oversize and malformed requests get an error reply, not the handler", "[server]") {
  TempRuntimeDir dir;
  asio::io_context io;
  EchoDaemon daemon;
  ControlServer server = start_server(io, dir.socket(), daemon.handler());

  nlohmann::json reply = exchange(io, dir.socket(), "pause " + std::string(5000, '1'));
  CHECK(reply.at("ok") == false);
  CHECK(text(reply, "error") == "request longer than 4096 bytes");

  reply = exchange(io, dir.socket(), "frobnicate now");
  CHECK(reply.at("ok") == false);
  CHECK_THAT(text(reply, "error"), Catch::StartsWith("unknown command 'frobnicate'"));

  reply = exchange(io, dir.socket(), "side \xFFup");
  CHECK(text(reply, "error") == "'side' takes left, right or even, got '\xEF\xBF\xBDup'");
  CHECK(daemon.calls == 0);

  // Exactly at the limit still goes through.
  const std::string longest = "pause " + std::string(kMaxRequestBytes - 6, '1');
  CHECK(text(exchange(io, dir.socket(), longest), "arg").size() == kMaxRequestBytes - 6);
  CHECK(daemon.calls == 1);
}

TEST_CASE("the server stops reading at the limit instead of buffering to the newline", "[server]") {
  TempRuntimeDir dir;
  asio::io_context io;
  EchoDaemon daemon;
  ControlServer server = start_server(io, dir.socket(), daemon.handler(), {.timeout = 2s});
  const int fd = raw_connect(dir.socket());
  const std::string endless(kMaxRequestBytes + 100, 'x');  // no newline, connection kept open
  REQUIRE(::send(fd, endless.data(), endless.size(), MSG_NOSIGNAL) ==
          static_cast<ssize_t>(endless.size()));
  const auto sent = std::chrono::steady_clock::now();
  std::string reply;
  run_until(io, [&] {
    char buffer[256];
    const ssize_t got = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
    if (got > 0) reply.append(buffer, static_cast<std::size_t>(got));
    return reply.find('\n') != std::string::npos;
  });
  CHECK(std::chrono::steady_clock::now() - sent < 1s);  // long before the 2 s timeout
  CHECK(reply == R"({"ok":false,"error":"request longer than 4096 bytes"})"
                 "\n");
  ::close(fd);
}

TEST_CASE("a handler that throws yields an error reply and the server carries on", "[server]") {
  TempRuntimeDir dir;
  asio::io_context io;
  bool fail = true;
  ControlServer server = start_server(io, dir.socket(), [&](const Request&) -> std::string {
    if (fail) throw std::runtime_error("store is gone");
    return ok_reply().str();
  });
  nlohmann::json reply = exchange(io, dir.socket(), "status");
  CHECK(text(reply, "error") == "internal error: store is gone");
  fail = false;
  CHECK(exchange(io, dir.socket(), "status").at("ok") == true);
}

TEST_CASE("a stale socket file is replaced, a live one is left alone", "[server]") {
  TempRuntimeDir dir;
  asio::io_context io;
  EchoDaemon daemon;
  std::filesystem::create_directory(dir.runtime());
  {  // What a crashed daemon leaves behind: a bound socket file nobody listens on.
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    const sockaddr_un address = sitstretch::control::detail::unix_address(dir.socket()).value();
    REQUIRE(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
    ::close(fd);
  }
  REQUIRE(std::filesystem::is_socket(dir.socket()));

  ControlServer server = start_server(io, dir.socket(), daemon.handler());
  CHECK(exchange(io, dir.socket(), "status").at("ok") == true);

  auto second = ControlServer::start(io, dir.socket(), daemon.handler());
  REQUIRE(std::holds_alternative<std::string>(second));
  CHECK(std::get<std::string>(second) ==
        "another process is listening on " + dir.socket().string());
  // The refused second server must not have removed the first one's socket.
  CHECK(exchange(io, dir.socket(), "status").at("ok") == true);
}

TEST_CASE("a file that is not a socket is never removed", "[server]") {
  TempRuntimeDir dir;
  asio::io_context io;
  std::filesystem::create_directory(dir.runtime());
  std::ofstream(dir.socket()) << "precious";
  auto started = ControlServer::start(io, dir.socket(), [](const Request&) { return "{}"; });
  REQUIRE(std::holds_alternative<std::string>(started));
  CHECK(std::get<std::string>(started) == dir.socket().string() + " exists and is not a socket");
  CHECK(std::filesystem::file_size(dir.socket()) == 8);
}
