// The commands that ask the daemon, run as a user runs them (the real sitstretch binary) against
// a stand-in that answers one request with a given line: what they send, and what they make of
// the reply, refusals and replies that are not JSON included.
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <thread>

#include "run_command.hpp"

using sitstretch::test::CommandResult;
using sitstretch::test::run_command;
using sitstretch::test::TempDir;

namespace {

// Listens on $XDG_RUNTIME_DIR/sitstretch/control.sock of a fresh runtime directory, takes one
// request line (waiting at most 5 s for it) and answers with reply.
class OneReplyDaemon {
 public:
  explicit OneReplyDaemon(std::string reply) {
    REQUIRE(::mkdir((runtime_.path() + "/sitstretch").c_str(), 0700) == 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string path = runtime_.path() + "/sitstretch/control.sock";
    REQUIRE(path.size() < sizeof address.sun_path);
    std::strcpy(address.sun_path, path.c_str());
    listener_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    REQUIRE(::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(::listen(listener_, 1) == 0);
    thread_ = std::thread([this, reply = std::move(reply) + "\n"] { serve(reply); });
  }
  ~OneReplyDaemon() {
    if (thread_.joinable()) thread_.join();
    ::close(listener_);
  }
  OneReplyDaemon(const OneReplyDaemon&) = delete;
  OneReplyDaemon& operator=(const OneReplyDaemon&) = delete;

  // sitstretch in this runtime directory, with no user configuration.
  CommandResult run(const std::vector<std::string>& args) const {
    std::vector<std::string> argv{SITSTRETCH_CLI};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv, "",
                       {"XDG_RUNTIME_DIR=" + runtime_.path(), "HOME=" + runtime_.path(),
                        "XDG_CONFIG_HOME=" + runtime_.path() + "/config"});
  }
  // The request line received, newline included; "" if none came.
  std::string request() {
    thread_.join();
    return request_;
  }

 private:
  void serve(const std::string& reply) {
    pollfd waiting{listener_, POLLIN, 0};
    if (::poll(&waiting, 1, 5000) != 1) return;
    const int client = ::accept(listener_, nullptr, nullptr);
    char buffer[4096];
    while (request_.find('\n') == std::string::npos) {
      const ssize_t got = ::read(client, buffer, sizeof buffer);
      if (got <= 0) break;
      request_.append(buffer, static_cast<std::size_t>(got));
    }
    (void)!::write(client, reply.data(), reply.size());
    ::close(client);
  }

  TempDir runtime_;
  int listener_ = -1;
  std::thread thread_;
  std::string request_;
};

}  // namespace

TEST_CASE("status --json prints the daemon's reply as it came") {
  const std::string reply = R"({"ok":true,"sitting":false,"note":"caf\u00e9 \ud83d\ude42"})";
  OneReplyDaemon daemon(reply);
  const CommandResult r = daemon.run({"status", "--json"});
  CHECK(daemon.request() == "status\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out == reply + "\n");
}

TEST_CASE("status reads the reply's fields into sentences") {
  OneReplyDaemon daemon(
      R"({"ok":true,"sitting":true,"sitting_s":1500,"next_prompt_s":1200,)"
      R"("next_prompt_at":"2026-11-25T14:48:00+01:00","episode":"awaiting","snoozes_left":2,)"
      R"("paused":false,"quiet":true,"idle_source":"X11 screensaver","lock_source":"none",)"
      R"("notifications":true,"config_error":"line 3: bad"})");
  const CommandResult r = daemon.run({"status"});
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "Sitting for 25 min; next stretch in 20 min (at 14:48)\n"
        "A prompt is waiting for an answer (2 snoozes left)\n"
        "Quiet hours\n"
        "Idle source: X11 screensaver; lock and suspend: none; notifications: yes\n"
        "Configuration not applied: line 3: bad\n");
}

TEST_CASE("a refusal is the daemon's error on one line, exit 1") {
  OneReplyDaemon daemon(R"({"ok":false,"error":"no prompt is waiting for an answer"})");
  const CommandResult r = daemon.run({"snooze"});
  CHECK(daemon.request() == "snooze\n");
  CHECK(r.exit_code == 1);
  CHECK(r.err == "sitstretch: no prompt is waiting for an answer\n");
}

TEST_CASE("a reply that is not a JSON object is said to be so, exit 1") {
  for (const char* reply : {"not json", "[true]", R"({"ok":true)"}) {
    OneReplyDaemon daemon(reply);
    const CommandResult r = daemon.run({"resume"});
    CHECK(r.exit_code == 1);
    CHECK(r.err ==
          std::string("sitstretch: sitstretchd sent a reply that is not JSON: ") + reply + "\n");
  }
}

TEST_CASE("stretch --notify asks the daemon to guide, through the same exchange") {
  OneReplyDaemon daemon(R"({"ok":true})");
  const CommandResult r = daemon.run({"stretch", "--notify"});
  CHECK(daemon.request() == "stretch\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "Follow the notifications.\n");
  OneReplyDaemon busy(R"({"ok":false,"error":"a stretch is already being guided"})");
  const CommandResult refused = busy.run({"stretch", "--notify"});
  CHECK(refused.exit_code == 1);
  CHECK(refused.err == "sitstretch: a stretch is already being guided\n");
}

TEST_CASE("pause sends its duration; without a daemon the command says so") {
  OneReplyDaemon daemon(R"({"ok":true})");
  CHECK(daemon.run({"pause", "1h30m"}).out == "Paused.\n");
  CHECK(daemon.request() == "pause 1h30m\n");
  TempDir empty;
  const CommandResult none =
      run_command({SITSTRETCH_CLI, "done"}, "", {"XDG_RUNTIME_DIR=" + empty.path()});
  CHECK(none.exit_code == 1);
  CHECK_THAT(none.err, Catch::StartsWith("sitstretch: sitstretchd is not running (no socket at "));
}

TEST_CASE("busy sends its duration, free nothing; a bad duration is bad input, exit 2") {
  OneReplyDaemon daemon(R"({"ok":true})");
  CHECK(daemon.run({"busy", "45m"}).out == "Busy: prompts are held.\n");
  CHECK(daemon.request() == "busy 45m\n");
  OneReplyDaemon freed(R"({"ok":true})");
  CHECK(freed.run({"free"}).out == "Free: held prompts come now.\n");
  CHECK(freed.request() == "free\n");
  // Refused before any daemon is asked: without one, "not running" would be exit 1.
  TempDir empty;
  for (const char* bad : {"soon", "0s"}) {
    const CommandResult r =
        run_command({SITSTRETCH_CLI, "busy", bad}, "", {"XDG_RUNTIME_DIR=" + empty.path()});
    CHECK(r.exit_code == 2);
    CHECK(r.err == std::string("sitstretch: expected a busy duration like 30m or 1h30m, got \"") +
                       bad + "\"\n");
  }
}

TEST_CASE("status names the busy reasons and when a held prompt comes anyway") {
  OneReplyDaemon daemon(
      R"({"ok":true,"sitting":true,"sitting_s":1500,"episode":"none","paused":false,)"
      R"("quiet":false,"idle_source":"x11","lock_source":"logind","notifications":true,)"
      R"("busy":"dnd,user","busy_user_until":"2026-11-25T15:30:00+01:00",)"
      R"("held_until":"2026-11-25T16:05:00+01:00","held_until_s":3000})");
  const CommandResult r = daemon.run({"status"});
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "Sitting for 25 min\n"
        "Busy (dnd user; user until 15:30): holding the prompt, it comes anyway at 16:05\n"
        "Idle source: x11; lock and suspend: logind; notifications: yes\n");
}
