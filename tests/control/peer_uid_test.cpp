#include <grp.h>

#include "control/control_client.hpp"
#include "control/control_server.hpp"
#include "control/instance_lock.hpp"
#include "control/runtime_dir.hpp"
#include "control_test_support.hpp"

// Another user must not reach the daemon. Needs root to become someone else; skipped otherwise.
using namespace sitstretch::control;
using namespace sitstretch::control::test;
namespace asio = boost::asio;

namespace {

constexpr uid_t kNobody = 65534;

bool have_root() {
  if (::geteuid() == 0) return true;
  WARN("not running as root: cannot test other users' access; skipped");
  return false;
}

// In a forked child that has become nobody, sends a request; returns the reply or the error.
std::string request_as_nobody(asio::io_context& io, const std::filesystem::path& socket) {
  ForkedChild child([&]() -> std::string {
    if (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0) {
      return "cannot become nobody";
    }
    const auto reply = send_request(socket, "status", 1000ms);
    if (const auto* line = std::get_if<std::string>(&reply)) return "reply: " + *line;
    return std::get<SendError>(reply).message;
  });
  return child.read_line(5s, [&] { io.run_for(2ms); });
}

}  // namespace

TEST_CASE("another user can neither reach nor talk to the socket", "[server][peer]") {
  if (!have_root()) return;
  TempRuntimeDir dir;
  asio::io_context io;
  int calls = 0;
  auto started = ControlServer::start(io, dir.socket(), [&](const Request&) {
    ++calls;
    return ok_reply().str();
  });
  REQUIRE(std::holds_alternative<ControlServer>(started));

  // With the modes the server sets, the file system already keeps nobody out.
  std::filesystem::permissions(dir.base(), std::filesystem::perms(0755));
  CHECK(request_as_nobody(io, dir.socket()) ==
        "cannot connect to " + dir.socket().string() + ": Permission denied");

  // Even with the modes opened up, SO_PEERCRED refuses the foreign uid without a reply.
  std::filesystem::permissions(dir.runtime(), std::filesystem::perms(0755));
  std::filesystem::permissions(dir.socket(), std::filesystem::perms(0666));
  CHECK(request_as_nobody(io, dir.socket()) == "sitstretchd closed the connection without a reply");
  CHECK(calls == 0);
}

TEST_CASE("a runtime directory owned by another user is refused", "[server][lock][peer]") {
  if (!have_root()) return;
  TempRuntimeDir dir;
  std::filesystem::create_directory(dir.runtime());
  REQUIRE(::chown(dir.runtime().c_str(), kNobody, kNobody) == 0);
  const std::string expected = dir.runtime().string() + " is owned by uid 65534, not by us (uid 0)";

  asio::io_context io;
  auto server = ControlServer::start(io, dir.socket(), [](const Request&) { return "{}"; });
  REQUIRE(std::holds_alternative<std::string>(server));
  CHECK(std::get<std::string>(server) == expected);

  auto lock = InstanceLock::acquire(dir.runtime());
  REQUIRE(std::holds_alternative<std::string>(lock));
  CHECK(std::get<std::string>(lock) == expected);
}
