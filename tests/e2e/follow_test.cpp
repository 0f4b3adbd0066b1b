// `sitstretch status --follow` against the real daemon (SPEC §6, issue 14 item 5), and the
// control socket under load (issue 15 item 5): a follower sees a change within a second and
// nothing while nothing changes; one that never reads neither grows the daemon nor holds up
// anyone; a thousand connections at once are all served or cleanly refused.
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <filesystem>
#include <fstream>

#include "control/control_client.hpp"
#include "control/unix_socket.hpp"
#include "desktop.hpp"

using namespace std::chrono_literals;
using sitstretch::test::ChildProcess;
using sitstretch::test::Desktop;
using sitstretch::test::json_number;
using sitstretch::test::json_text;

#ifdef __SANITIZE_ADDRESS__
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif

namespace {

constexpr const char* kQuiet = "[sitting]\ninterval = \"1h\"\n";

std::filesystem::path control_socket(const Desktop& d) {
  for (const std::string& entry : d.env()) {
    if (entry.starts_with("XDG_RUNTIME_DIR=")) {
      return std::filesystem::path(entry.substr(16)) / "sitstretch" / "control.sock";
    }
  }
  FAIL("no XDG_RUNTIME_DIR in the desktop's environment");
  return {};
}

ChildProcess follower(const Desktop& d, const std::vector<std::string>& options) {
  std::vector<std::string> argv{SITSTRETCH_CLI, "status", "--follow"};
  argv.insert(argv.end(), options.begin(), options.end());
  return ChildProcess(argv, d.env());
}

bool flag(const std::string& line, const std::string& key) {
  return line.find("\"" + key + "\":true") != std::string::npos;
}

long proc_status_kb(pid_t pid, const std::string& field) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with(field + ":")) return std::stol(line.substr(field.size() + 1));
  }
  return -1;
}

std::size_t open_fds(pid_t pid) {
  const auto dir = std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/fd");
  return static_cast<std::size_t>(std::distance(begin(dir), end(dir)));
}

// One request by the daemon's own client library, as the CLI sends it.
std::string ask(const std::filesystem::path& socket, const std::string& request) {
  auto reply = sitstretch::control::send_request(socket, request, 5000ms);
  if (const auto* error = std::get_if<sitstretch::control::SendError>(&reply)) {
    FAIL(request << ": " << error->message);
  }
  return std::get<std::string>(reply);
}

}  // namespace

TEST_CASE("status --follow prints a line now, one per change, and none without one", "[e2e]") {
  Desktop d(kQuiet);
  d.start_daemon();
  ChildProcess json_lines = follower(d, {"--format", "json"});
  ChildProcess text_lines = follower(d, {});
  ChildProcess bar_lines = follower(d, {"--format", "waybar"});
  const std::string first = json_lines.read_line(5000);
  REQUIRE(json_number(first, "pid") == d.daemon().pid());
  CHECK_FALSE(flag(first, "paused"));
  CHECK(text_lines.read_line(5000).starts_with("Sitting for 0 min; Next stretch at "));
  CHECK(json_text(bar_lines.read_line(5000), "class") == "sitting");

  // Events that change nothing a follower shows: each goes through the daemon's publishing, and
  // none may make a line, so the next line each follower prints must be the pause.
  for (int i = 0; i < 5; ++i) REQUIRE(d.cli({"status"}).exit_code == 0);
  CHECK(d.cli({"resume"}).exit_code == 1);  // refused: not paused
  const auto paused_at = std::chrono::steady_clock::now();
  REQUIRE(d.cli({"pause", "30m"}).exit_code == 0);
  const std::string paused = json_lines.read_line(5000);
  CHECK(std::chrono::steady_clock::now() - paused_at < 1s);
  CHECK(flag(paused, "paused"));
  CHECK(text_lines.read_line(1000).find("; Paused until ") != std::string::npos);
  CHECK(json_text(bar_lines.read_line(1000), "class") == "paused");

  REQUIRE(d.cli({"resume"}).exit_code == 0);
  CHECK_FALSE(flag(json_lines.read_line(1000), "paused"));
}

TEST_CASE("status --follow ends with status 1 and one line when the daemon goes", "[e2e]") {
  Desktop d(kQuiet);
  d.start_daemon();
  sitstretch::test::TempDir dir;
  const std::string err = dir.path() + "/err";
  std::string command = SITSTRETCH_CLI;
  command += " status --follow 2>";
  command += err;
  ChildProcess follow({"sh", "-c", command}, d.env());
  REQUIRE(!follow.read_line(5000).empty());
  REQUIRE(d.daemon().kill(SIGTERM));
  const int status = follow.wait(5000);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);
  std::ifstream in(err);
  const std::string said((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(said == "sitstretch: sitstretchd stopped (the connection closed)\n");
  // Without a daemon it fails at once, as every command does.
  const auto none = d.cli({"status", "--follow"});
  CHECK(none.exit_code == 1);
  CHECK(none.err.find("sitstretchd is not running") != std::string::npos);
}

TEST_CASE("a follower that never reads neither grows the daemon nor holds up others", "[e2e]") {
  Desktop d(kQuiet);
  d.start_daemon();
  const std::filesystem::path socket = control_socket(d);
  const pid_t daemon = d.daemon().pid();
  const int stuck = sitstretch::control::detail::connect_unix(socket, /*nonblocking=*/false);
  REQUIRE(stuck >= 0);
  REQUIRE(::send(stuck, "follow\n", 7, MSG_NOSIGNAL) == 7);
  ChildProcess reader = follower(d, {"--format", "json"});
  REQUIRE(!reader.read_line(5000).empty());
  const long rss_before = proc_status_kb(daemon, "VmRSS");
  const std::size_t fds_before = open_fds(daemon);

  // Each pause and resume is a change for both followers: far more lines (of ~540 bytes) than
  // the kernel's socket buffer holds for the one that never reads.
  constexpr int kChanges = 400;
  for (int i = 0; i < kChanges; ++i) {
    const std::string reply = ask(socket, i % 2 == 0 ? "pause" : "resume");
    REQUIRE(reply == R"({"ok":true})");
  }
  // The last change is one of its own kind: a timed pause.
  REQUIRE(ask(socket, "pause 45m") == R"({"ok":true})");
  auto last_change = [](const std::string& line) {
    return line.find(R"("paused_until":")") != std::string::npos;
  };
  // Others are answered at once, and the reading follower comes up to date.
  const auto asked = std::chrono::steady_clock::now();
  REQUIRE(d.cli({"status"}).exit_code == 0);
  CHECK(std::chrono::steady_clock::now() - asked < 1s);
  int lines = 0;
  for (std::string line; !last_change(line); ++lines) {
    line = reader.read_line(5000);
    REQUIRE(!line.empty());
  }
  // A reader that keeps up may still skip states (one line queued at most), never the last.
  CHECK(lines > 1);

  const long rss_after = proc_status_kb(daemon, "VmRSS");
  INFO("VmRSS " << rss_before << " kB before, " << rss_after << " kB after");
  // Under AddressSanitizer freed memory waits in its quarantine, so RSS grows with any work;
  // there the bound is shown by the line counts below and by follow_server_test.
  if (!kAddressSanitizer) CHECK(rss_after - rss_before < 2048);

  // The one that never read gets what the kernel held, then the latest state: far fewer lines
  // than the changes it missed.
  std::string got;
  REQUIRE(::fcntl(stuck, F_SETFL, O_NONBLOCK) == 0);
  REQUIRE(d.wait_for(
      [&] {
        char chunk[65536];
        for (ssize_t n; (n = ::recv(stuck, chunk, sizeof chunk, 0)) > 0;) got.append(chunk, n);
        return got.ends_with("\n") && last_change(got.substr(got.rfind('\n', got.size() - 2) + 1));
      },
      5s, false));
  const auto stuck_lines = std::count(got.begin(), got.end(), '\n');
  INFO(stuck_lines << " lines, " << got.size() << " bytes reached the follower that never read");
  CHECK(stuck_lines < kChanges * 3 / 4);  // unbounded, every one of the kChanges would come
  ::close(stuck);
  CHECK(d.wait_for([&] { return open_fds(daemon) == fds_before - 1; }, 5s, false));
  CHECK(d.cli({"status"}).exit_code == 0);
}

TEST_CASE("a thousand connections at once are each answered or cleanly refused", "[e2e]") {
  Desktop d(kQuiet);
  d.start_daemon();
  const std::filesystem::path socket = control_socket(d);
  const pid_t daemon = d.daemon().pid();
  const std::size_t fds_before = open_fds(daemon);
  // The daemon keeps the usual limit of open files (it started before this); the test needs more.
  rlimit limit{};
  REQUIRE(::getrlimit(RLIMIT_NOFILE, &limit) == 0);
  const rlimit raised{std::min<rlim_t>(limit.rlim_max, 4096), limit.rlim_max};
  REQUIRE(::setrlimit(RLIMIT_NOFILE, &raised) == 0);
  constexpr int kClients = 1000;
  REQUIRE(raised.rlim_cur > kClients + 64);

  const auto address = sitstretch::control::detail::unix_address(socket);
  REQUIRE(address);
  std::vector<int> fds;
  int refused = 0;
  for (int i = 0; i < kClients; ++i) {
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    REQUIRE(fd >= 0);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&*address), sizeof *address) != 0) {
      CHECK((errno == EAGAIN || errno == ECONNREFUSED));  // the backlog is full: refused
      ++refused;
      ::close(fd);
      continue;
    }
    REQUIRE(::send(fd, "status\n", 7, MSG_NOSIGNAL) == 7);
    fds.push_back(fd);
  }
  std::vector<std::string> replies(fds.size());
  std::size_t done = 0;
  int answered = 0;
  int closed = 0;
  const auto start = std::chrono::steady_clock::now();
  while (done < fds.size() && std::chrono::steady_clock::now() - start < 20s) {
    std::vector<pollfd> open;
    for (int fd : fds) open.push_back({fd, fd >= 0 ? short(POLLIN) : short(0), 0});
    ::poll(open.data(), open.size(), 100);
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i] < 0 || open[i].revents == 0) continue;
      char chunk[4096];
      const ssize_t n = ::recv(fds[i], chunk, sizeof chunk, MSG_DONTWAIT);
      if (n > 0) replies[i].append(chunk, static_cast<std::size_t>(n));
      if (n > 0 && !replies[i].ends_with('\n')) continue;
      if (n > 0) ++answered;
      if (n <= 0) ++closed;  // closed without a reply: the server's timeout
      ::close(fds[i]);
      fds[i] = -1;
      ++done;
    }
  }
  INFO(answered << " answered, " << refused << " refused at connect, " << closed
                << " closed unanswered, in "
                << std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::steady_clock::now() - start)
                       .count()
                << " ms");
  CHECK(done == fds.size());
  CHECK(answered + refused + closed == kClients);
  CHECK(answered >= kClients / 2);
  for (const std::string& reply : replies) {
    if (!reply.empty()) CHECK(json_number(reply, "pid") == daemon);
  }
  REQUIRE(::setrlimit(RLIMIT_NOFILE, &limit) == 0);
  // The daemon is fine: it answers, and kept nothing of the thousand.
  CHECK(d.cli({"status"}).exit_code == 0);
  CHECK(d.wait_for([&] { return open_fds(daemon) == fds_before; }, 5s, false));
}
