// The `user` busy reason on a real desktop (SPEC §2 rule 9, §6): `sitstretch busy` holds the
// prompt while sitting counts on, `sitstretch free` or the end of its duration lets it come.
#include <catch2/catch.hpp>

#include "desktop.hpp"

using namespace std::chrono_literals;
using sitstretch::test::Desktop;
using sitstretch::test::json_number;
using sitstretch::test::json_text;

namespace {

constexpr const char* kFastPrompts = "[sitting]\ninterval = \"10s\"\n";

}  // namespace

TEST_CASE("sitstretch busy holds the prompt, sitstretch free lets it come at once", "[e2e]") {
  Desktop d(kFastPrompts);
  d.start_daemon();
  CHECK(d.cli({"busy", "soon"}).exit_code == 2);
  CHECK(d.cli({"busy", "soon"}).err ==
        "sitstretch: expected a busy duration like 30m or 1h30m, got \"soon\"\n");
  const auto not_busy = d.cli({"free"});
  CHECK(not_busy.exit_code == 1);
  CHECK(not_busy.err == "sitstretch: not busy (no sitstretch busy holds)\n");

  CHECK(d.cli({"busy", "30s"}).out == "Busy: prompts are held.\n");
  const std::string busy = d.records().back();
  CHECK(json_text(busy, "event") == "busy");
  CHECK(json_text(busy, "reason") == "user");
  auto status = [&] { return d.cli({"status", "--json"}).out; };
  CHECK(json_text(status(), "busy") == "user");
  CHECK(!json_text(status(), "busy_user_until").empty());

  // The prompt falls due after 10 s of sitting and is held: status says until when.
  REQUIRE(d.wait_for([&] { return !json_text(status(), "held_until").empty(); }, 20s));
  CHECK(json_number(status(), "held_until_s") > 3000);  // busy.max_defer, 1h by default
  CHECK(d.notifications().empty());
  CHECK(d.count("prompt") == 0);
  const std::string text = d.cli({"status"}).out;
  CHECK(text.find("Busy (user; user until ") != std::string::npos);
  CHECK(text.find("holding the prompt, it comes anyway at ") != std::string::npos);

  // A repeated busy replaces the end: now open-ended, and nothing more is logged.
  CHECK(d.cli({"busy"}).exit_code == 0);
  CHECK(json_text(status(), "busy_user_until").empty());
  CHECK(d.count("busy") == 1);

  CHECK(d.cli({"free"}).out == "Free: held prompts come now.\n");
  REQUIRE(d.wait_for([&] { return d.notifications().size() == 1; }, 2s));
  CHECK(d.events() == std::vector<std::string>{"busy", "free", "prompt"});
  const auto records = d.records();
  CHECK(json_text(records[1], "reason") == "user");
  CHECK(!json_text(records[1], "t").empty());
  CHECK(json_text(records[1], "t") == json_text(records[2], "t"));  // released by the free
  CHECK(json_text(status(), "busy").empty());
  CHECK(json_text(status(), "held_until").empty());
}

TEST_CASE("sitstretch busy 5s ends by itself and the held prompt comes then", "[e2e]") {
  Desktop d(kFastPrompts);
  d.start_daemon();
  REQUIRE(d.wait_for(
      [&] {
        const long next = json_number(d.cli({"status", "--json"}).out, "next_prompt_s");
        return next >= 0 && next <= 3;
      },
      15s));
  REQUIRE(d.cli({"busy", "5s"}).exit_code == 0);
  // Only the daemon's own timer ends the busy here: waiting reads the log, never the daemon.
  REQUIRE(d.wait_for([&] { return d.count("prompt") == 1; }, 15s));
  CHECK(d.events() == std::vector<std::string>{"busy", "free", "prompt"});
  const auto records = d.records();
  CHECK(!json_text(records[1], "t").empty());
  CHECK(json_text(records[1], "t") == json_text(records[2], "t"));  // released by the free
  CHECK(json_number(records[2], "sitting_s") >= 11);
  REQUIRE(d.wait_for([&] { return d.notifications().size() == 1; }, 2s));
}
