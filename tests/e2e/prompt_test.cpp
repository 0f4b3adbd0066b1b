// The prompt on a real desktop: Xvfb with xdotool input, a session bus, a notification server.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "desktop.hpp"

using namespace std::chrono_literals;
using sitstretch::test::Desktop;
using sitstretch::test::json_number;
using sitstretch::test::json_text;

namespace {

constexpr const char* kFastPrompts = R"([sitting]
interval = "10s"
[prompt]
snooze = "10s"
answer_within = "30s"
)";

// Waits for the n-th Notify call while the user keeps working; returns it.
std::string nth_prompt(Desktop& d, std::size_t n, std::chrono::seconds timeout = 30s) {
  REQUIRE(d.wait_for([&] { return d.notifications().size() >= n; }, timeout));
  return d.notifications()[n - 1];
}

}  // namespace

TEST_CASE("The prompt comes an interval after start while input continues", "[e2e]") {
  Desktop d("[sitting]\ninterval = \"10s\"\n");
  const auto start = std::chrono::steady_clock::now();
  d.start_daemon();
  const std::string prompt = nth_prompt(d, 1, 30s);
  const auto waited = std::chrono::steady_clock::now() - start;
  CHECK(waited >= 9s);
  CHECK(waited <= 20s);

  CHECK(json_text(prompt, "summary") == "Time for the book stretch");
  const std::string body = json_text(prompt, "body");
  CHECK(body.find("sitting for 10 s") != std::string::npos);
  CHECK(body.find("book 1–2 inches thick") != std::string::npos);
  CHECK(body.find("knee") != std::string::npos);
  CHECK(body.find("less tight") != std::string::npos);
  CHECK(prompt.find(R"("actions":["done","Done","snooze","Snooze 10 min","skip","Skip"])") !=
        std::string::npos);
  CHECK(prompt.find(R"("urgency":1)") != std::string::npos);

  auto records = d.records();
  REQUIRE(records.size() == 1);
  CHECK(json_text(records[0], "event") == "prompt");
  CHECK(json_number(records[0], "sitting_s") == 10);
  CHECK(json_number(records[0], "attempt") == 1);

  // Done from the notification: one `accepted`, and the close the server sends after an action
  // is no dismissal.
  d.invoke_action(json_number(prompt, "id"), "done");
  REQUIRE(d.wait_for([&] { return d.count("accepted") == 1; }, 5s));
  CHECK(d.records().back().find(R"("prompted":true)") != std::string::npos);
  // A close the daemon rightly ignores leaves no trace to wait for, so a bound stays here: the
  // server sent the close with the action, and the daemon takes both in within milliseconds.
  d.wait_for([] { return false; }, 1s);
  CHECK(d.count("accepted") == 1);
  CHECK(d.count("dismissed") == 0);
}

TEST_CASE("Snooze then Skip from the notification are each recorded once", "[e2e]") {
  Desktop d(kFastPrompts);
  d.start_daemon();
  const long id = json_number(nth_prompt(d, 1), "id");
  d.invoke_action(id, "snooze");
  REQUIRE(d.wait_for([&] { return d.count("snoozed") == 1; }, 5s));

  // The re-prompt after the snooze is the episode's second attempt.
  const std::string again = nth_prompt(d, 2, 20s);
  CHECK(json_text(again, "summary") == "Still sitting: time to stretch");
  d.invoke_action(json_number(again, "id"), "skip");
  REQUIRE(d.wait_for([&] { return d.count("skipped") == 1; }, 5s));
  d.wait_for([] { return false; }, 1s);  // a close the daemon ignores: see the first test
  CHECK(d.count("snoozed") == 1);
  CHECK(d.count("skipped") == 1);
  CHECK(d.count("dismissed") == 0);
  CHECK(d.count("accepted") == 0);
}

TEST_CASE("An unanswered prompt is re-prompted in the same notification, not a new one", "[e2e]") {
  Desktop d(
      "[sitting]\ninterval = \"10s\"\n[prompt]\nanswer_within = \"5s\"\n"
      "repeat_after = \"10s\"\n");
  d.start_daemon();
  const long id = json_number(nth_prompt(d, 1), "id");
  const std::string again = nth_prompt(d, 2, 25s);
  CHECK(json_number(again, "id") == id);
  CHECK(json_number(again, "replaces_id") == id);
  CHECK(d.count("ignored") == 1);
  CHECK(d.notifications("CloseNotification").empty());
}

TEST_CASE("Only a close by the user is a dismissal - expiry is no answer", "[e2e]") {
  Desktop d(kFastPrompts);
  d.start_daemon();
  d.close_notification(json_number(nth_prompt(d, 1), "id"), 2);  // closed by the user
  REQUIRE(d.wait_for([&] { return d.count("dismissed") == 1; }, 5s));

  // The next prompt comes a full interval later; this one expires.
  d.close_notification(json_number(nth_prompt(d, 2, 20s), "id"), 1);
  d.wait_for([] { return false; }, 1s);  // an expiry leaves no trace: see the first test
  CHECK(d.count("dismissed") == 1);
  CHECK(json_text(d.cli({"status", "--json"}).out, "episode") == "awaiting");
}

TEST_CASE("Snooze is not offered once max_snoozes are used", "[e2e]") {
  Desktop d("[sitting]\ninterval = \"10s\"\n[prompt]\nsnooze = \"10s\"\nmax_snoozes = 1\n");
  d.start_daemon();
  const long id = json_number(nth_prompt(d, 1), "id");
  d.invoke_action(id, "snooze");
  const std::string again = nth_prompt(d, 2, 20s);
  CHECK(again.find(R"("actions":["done","Done","skip","Skip"])") != std::string::npos);
  const auto refused = d.cli({"snooze"});
  CHECK(refused.exit_code == 1);
  CHECK(refused.err == "sitstretch: no snoozes left for this prompt (prompt.max_snoozes = 1)\n");
}

TEST_CASE("Without a notification server the daemon runs on and logs the prompt", "[e2e]") {
  Desktop d(R"([sitting]
interval = "10s"
[prompt]
answer_within = "5s"
repeat_after = "10s"
)",
            false);
  d.start_daemon();
  REQUIRE(d.wait_for([&] { return d.count("prompt") == 1; }, 20s));
  CHECK(d.daemon().running());
  CHECK(json_text(d.cli({"status", "--json"}).out, "episode") == "awaiting");
  // A server that appears later gets the next prompt.
  d.start_notification_server();
  nth_prompt(d, 1, 30s);
  CHECK(d.count("prompt") >= 2);
}

TEST_CASE("A break while the prompt still awaits an answer resolves it as complied", "[e2e]") {
  // answer_within outlasts break_after: the user walks away from the prompt without a click.
  Desktop d(R"([sitting]
interval = "10s"
break_after = "5s"
[prompt]
answer_within = "30s"
)");
  d.start_daemon();
  const long id = json_number(nth_prompt(d, 1), "id");
  REQUIRE(d.wait_for([&] { return d.count("away") == 1; }, 15s, false));
  const std::string away = d.records().back();
  CHECK(json_text(away, "event") == "away");
  CHECK(away.find(R"("prompted":true)") != std::string::npos);
  CHECK(d.count("ignored") == 0);

  // The break took the prompt's place: its notification is closed, and the episode complied.
  REQUIRE(d.wait_for([&] { return !d.notifications("CloseNotification").empty(); }, 5s, false));
  CHECK(json_number(d.notifications("CloseNotification")[0], "id") == id);
  const auto stats = nlohmann::json::parse(d.cli({"stats", "--json", "--days", "1"}).out);
  const auto& today = stats.at("days").at(0);
  CHECK(today.at("resolved") == 1);
  CHECK(today.at("complied") == 1);
  CHECK(today.at("prompted_breaks") == 1);
  CHECK(json_text(d.cli({"status", "--json"}).out, "episode") == "none");
}
