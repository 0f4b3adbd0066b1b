#include <sys/socket.h>
#include <sys/un.h>

#include "control/control_client.hpp"
#include "control/unix_socket.hpp"
#include "control_test_support.hpp"

using namespace sitstretch::control;
using namespace sitstretch::control::test;

namespace {

std::string error_of(const std::variant<std::string, SendError>& result) {
  if (const auto* reply = std::get_if<std::string>(&result)) FAIL("got a reply: " << *reply);
  return std::get<SendError>(result).message;
}

// A socket bound at path; listening (connections queue, nobody answers) or not (stale file).
int bound_socket(const std::filesystem::path& path, bool listening) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  const sockaddr_un address = sitstretch::control::detail::unix_address(path).value();
  REQUIRE(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
  if (listening) REQUIRE(::listen(fd, 4) == 0);
  return fd;
}

}  // namespace

TEST_CASE("with no daemon the client says so in one line", "[client]") {
  TempRuntimeDir dir;
  CHECK(error_of(send_request(dir.socket(), "status", 500ms)) ==
        "sitstretchd is not running (no socket at " + dir.socket().string() + ")");

  std::filesystem::create_directory(dir.runtime());
  ::close(bound_socket(dir.socket(), /*listening=*/false));
  CHECK(error_of(send_request(dir.socket(), "status", 500ms)) ==
        "sitstretchd is not running (stale socket at " + dir.socket().string() + ")");
}

TEST_CASE("a daemon that never answers costs the client its timeout, no more", "[client]") {
  TempRuntimeDir dir;
  std::filesystem::create_directory(dir.runtime());
  const int listener = bound_socket(dir.socket(), /*listening=*/true);
  const auto start = std::chrono::steady_clock::now();
  CHECK(error_of(send_request(dir.socket(), "status", 150ms)) ==
        "sitstretchd did not answer within 150 ms");
  const auto took = std::chrono::steady_clock::now() - start;
  CHECK(took >= 145ms);
  CHECK(took < 1s);
  ::close(listener);
}

TEST_CASE("a reply is read up to its newline", "[client]") {
  TempRuntimeDir dir;
  std::filesystem::create_directory(dir.runtime());
  const int listener = bound_socket(dir.socket(), /*listening=*/true);
  // A fake daemon on another thread that answers in two pieces and then holds the connection.
  auto fake = std::async(std::launch::async, [listener] {
    const int peer = ::accept(listener, nullptr, nullptr);
    char request[64] = {};
    const ssize_t got = ::recv(peer, request, sizeof request - 1, 0);
    ::send(peer, "{\"ok\":", 6, MSG_NOSIGNAL);
    std::this_thread::sleep_for(20ms);
    ::send(peer, "true}\nextra", 11, MSG_NOSIGNAL);
    std::this_thread::sleep_for(100ms);
    ::close(peer);
    return std::string(request, got > 0 ? static_cast<std::size_t>(got) : 0);
  });
  const auto reply = send_request(dir.socket(), "pause 5m", 2s);
  REQUIRE(std::holds_alternative<std::string>(reply));
  CHECK(std::get<std::string>(reply) == "{\"ok\":true}");
  CHECK(fake.get() == "pause 5m\n");
  ::close(listener);
}

TEST_CASE("a daemon that hangs up without a reply is reported", "[client]") {
  TempRuntimeDir dir;
  std::filesystem::create_directory(dir.runtime());
  const int listener = bound_socket(dir.socket(), /*listening=*/true);
  auto fake =
      std::async(std::launch::async, [listener] { ::close(::accept(listener, nullptr, nullptr)); });
  CHECK(error_of(send_request(dir.socket(), "status", 2s)) ==
        "sitstretchd closed the connection without a reply");
  fake.get();
  ::close(listener);
}
