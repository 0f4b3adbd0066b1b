// notify::PromptNotifier against the fake notification server on a private session bus, with
// GLib driven by app::GlibBridge as in the daemon.

#include "notify/prompt_notifier.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <optional>

#include "notify/icon_lookup.hpp"
#include "notify_test_support.hpp"

using namespace std::chrono_literals;
using sitstretch::notify::Answer;
using sitstretch::notify::PromptContent;
using sitstretch::notify::PromptNotifier;
using sitstretch::notify::Urgency;
using sitstretch::test::FakeServer;
using sitstretch::test::LoggedCall;
using sitstretch::test::Loop;

namespace {

PromptContent prompt(std::optional<std::string> snooze = "Snooze 10 min") {
  return {"Time to stretch",
          "Put one foot on a book.\nLock the knee.",
          "",
          Urgency::critical,
          std::move(snooze),
          {}};
}

// Everything one scenario needs; the server is declared first so the notifier, which closes a
// prompt still shown, goes away while the server is still there.
struct Scene {
  Scene() { sitstretch::test::use_private_session_bus(); }
  std::unique_ptr<FakeServer> server = std::make_unique<FakeServer>();
  Loop loop;
  std::vector<Answer> answers;
  std::vector<std::string> other_actions;
  PromptNotifier notifier{[this](Answer a) { answers.push_back(a); },
                          [this](const std::string& key) { other_actions.push_back(key); }};

  LoggedCall last_notify() const {
    const auto calls = server->calls("Notify");
    REQUIRE_FALSE(calls.empty());
    return calls.back();
  }
  guint32 shown_id() const { return static_cast<guint32>(last_notify().number("id")); }
};

// The actions array as (key, label) pairs, sorted: libnotify keeps actions in a hash table, so
// their order on the wire is not defined.
std::vector<std::pair<std::string, std::string>> action_pairs(const LoggedCall& call) {
  const auto flat = call.actions();
  std::vector<std::pair<std::string, std::string>> pairs;
  for (std::size_t i = 0; i + 1 < flat.size(); i += 2) pairs.emplace_back(flat[i], flat[i + 1]);
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

}  // namespace

TEST_CASE("the prompt reaches the server with its text and actions and hints", "[notify]") {
  Scene scene;
  scene.notifier.show(prompt());

  const LoggedCall notify = scene.last_notify();
  CHECK(notify.text("app_name") == "sitstretch");
  CHECK(notify.text("summary") == "Time to stretch");
  CHECK(notify.text("body") == "Put one foot on a book.\nLock the knee.");
  CHECK(action_pairs(notify) ==
        std::vector<std::pair<std::string, std::string>>{
            {"done", "Done"}, {"skip", "Skip"}, {"snooze", "Snooze 10 min"}});
  CHECK(notify.number("urgency") == 2);
  CHECK(notify.text("category") == "x-sitstretch.prompt");
  CHECK(notify.text("desktop-entry") == "sitstretch");
  CHECK(notify.line.find("\"resident\":true") != std::string::npos);
  CHECK(notify.number("expire_timeout") == 0);  // never expires
  CHECK(notify.number("replaces_id") == 0);
  // libnotify 0.8.1 sends the icon as app_icon; later versions as the image-path hint.
  const std::string icon =
      notify.has("image-path") ? notify.text("image-path") : notify.text("app_icon");
  CHECK(icon == sitstretch::notify::resolve_icon("sitstretch"));
  CHECK((icon == "sitstretch" || icon == sitstretch::notify::kFallbackIcon));
  CHECK(scene.notifier.server_seen());
}

TEST_CASE("a second show replaces the prompt under the same id", "[notify]") {
  Scene scene;
  scene.notifier.show(prompt());
  const guint32 first = scene.shown_id();
  PromptContent again = prompt();
  again.summary = "Still sitting";
  again.urgency = Urgency::low;
  scene.notifier.show(again);

  const auto calls = scene.server->calls("Notify");
  REQUIRE(calls.size() == 2);
  CHECK(calls[1].number("replaces_id") == first);
  CHECK(calls[1].number("id") == first);
  CHECK(calls[1].text("summary") == "Still sitting");
  CHECK(calls[1].number("urgency") == 0);
}

TEST_CASE("each action is reported once and the close after it is not a dismissal", "[notify]") {
  const auto [key, expected] = GENERATE(table<std::string, Answer>(
      {{"done", Answer::done}, {"snooze", Answer::snooze}, {"skip", Answer::skip}}));
  Scene scene;
  scene.notifier.show(prompt());
  // The fake sends ActionInvoked, then NotificationClosed(id, 2) like a real server.
  scene.server->invoke_action(scene.shown_id(), key);
  scene.loop.drain();
  scene.loop.drain();  // the idle that closes the answered prompt, and anything after it

  CHECK(scene.answers == std::vector<Answer>{expected});
}

TEST_CASE("a new prompt after an answer gets a fresh notification", "[notify]") {
  Scene scene;
  scene.notifier.show(prompt());
  const guint32 first = scene.shown_id();
  scene.server->invoke_action(first, "snooze");
  scene.loop.drain();
  scene.notifier.show(prompt());

  CHECK(scene.last_notify().number("replaces_id") == 0);
  CHECK(scene.shown_id() != first);
  scene.server->invoke_action(scene.shown_id(), "done");
  scene.loop.drain();
  CHECK(scene.answers == std::vector<Answer>{Answer::snooze, Answer::done});
}

TEST_CASE("buttons of its own replace Done/Snooze/Skip and report their keys", "[notify]") {
  Scene scene;
  PromptContent guide = prompt();
  guide.actions = {{"left", "Left"}, {"right", "Right"}};
  scene.notifier.show(guide);
  CHECK(action_pairs(scene.last_notify()) ==
        std::vector<std::pair<std::string, std::string>>{{"left", "Left"}, {"right", "Right"}});
  scene.server->invoke_action(scene.shown_id(), "right");
  scene.loop.drain();
  scene.loop.drain();
  CHECK(scene.other_actions == std::vector<std::string>{"right"});
  CHECK(scene.answers.empty());
}

TEST_CASE("closing by the user is reported once as dismissed", "[notify]") {
  Scene scene;
  scene.notifier.show(prompt());
  scene.server->close(scene.shown_id(), 2);
  scene.loop.drain();
  CHECK(scene.answers == std::vector<Answer>{Answer::dismissed});

  // The dismissed prompt is gone: another close for its id means nothing.
  scene.server->close(scene.last_notify().number("id"), 2);
  scene.loop.drain();
  CHECK(scene.answers.size() == 1);
}

TEST_CASE("expiry is not an answer", "[notify]") {
  Scene scene;
  scene.notifier.show(prompt());
  scene.server->close(scene.shown_id(), 1);
  scene.loop.drain();
  CHECK(scene.answers.empty());
}

TEST_CASE("close() closes the prompt without an answer", "[notify]") {
  Scene scene;
  scene.notifier.show(prompt());
  const guint32 id = scene.shown_id();
  scene.notifier.close();
  scene.loop.drain();

  const auto closes = scene.server->calls("CloseNotification");
  REQUIRE(closes.size() == 1);
  CHECK(closes[0].number("id") == id);
  CHECK(scene.answers.empty());
  scene.notifier.close();  // nothing shown: no call
  CHECK(scene.server->calls("CloseNotification").size() == 1);
}

TEST_CASE("bodies are escaped for a server that reads markup in them", "[notify]") {
  Scene scene;
  // The fake server lists "body-markup" among its capabilities, as GNOME Shell and dunst do.
  PromptContent content = prompt();
  content.body = "Keep the <knee> straight & breathe";
  scene.notifier.show(content);
  CHECK(scene.last_notify().text("body") == "Keep the &lt;knee&gt; straight &amp; breathe");
  CHECK(scene.last_notify().text("summary") == "Time to stretch");  // summaries are plain text
  scene.notifier.show_message("sitstretch: settings not applied",
                              "config.toml:2:1: expected <duration> & got 5");
  CHECK(scene.last_notify().text("body") ==
        "config.toml:2:1: expected &lt;duration&gt; &amp; got 5");
  CHECK_FALSE(scene.server->calls("GetCapabilities").empty());
}

TEST_CASE("no Snooze action when snoozing is not allowed", "[notify]") {
  Scene scene;
  scene.notifier.show(prompt(std::nullopt));
  CHECK(action_pairs(scene.last_notify()) ==
        std::vector<std::pair<std::string, std::string>>{{"done", "Done"}, {"skip", "Skip"}});
}

TEST_CASE("a status message is a separate notification without actions", "[notify]") {
  Scene scene;
  scene.notifier.show(prompt());
  const guint32 prompt_id = scene.shown_id();
  scene.notifier.show_message("sitstretch: config error", "config.toml:3:1: unknown key");

  const LoggedCall message = scene.last_notify();
  CHECK(message.text("summary") == "sitstretch: config error");
  CHECK(message.actions().empty());
  CHECK(message.number("replaces_id") == 0);
  CHECK(message.number("id") != prompt_id);
  CHECK(message.text("category") == "x-sitstretch.status");
}

TEST_CASE("without a server show() returns quickly and a server started later gets the next prompt",
          "[notify]") {
  sitstretch::test::use_private_session_bus();
  Loop loop;
  std::vector<Answer> answers;
  PromptNotifier notifier([&](Answer a) { answers.push_back(a); });
  loop.drain();

  const auto start = std::chrono::steady_clock::now();
  notifier.show(prompt());
  notifier.show(prompt());  // logs only once (see stderr)
  CHECK(std::chrono::steady_clock::now() - start < 1s);
  CHECK_FALSE(notifier.server_seen());

  FakeServer server;
  notifier.show(prompt());
  const auto calls = server.calls("Notify");
  REQUIRE(calls.size() == 1);
  CHECK(calls[0].number("replaces_id") == 0);
  CHECK(notifier.server_seen());
  server.invoke_action(static_cast<guint32>(calls[0].number("id")), "done");
  loop.drain();
  CHECK(answers == std::vector<Answer>{Answer::done});
}

TEST_CASE("a notification server that restarts is used again", "[notify]") {
  Scene scene;
  scene.notifier.show(prompt());
  REQUIRE(scene.server->calls("Notify").size() == 1);

  scene.server.reset();  // the server goes away with the prompt still shown
  REQUIRE(scene.loop.run_until([&] { return !scene.notifier.server_seen(); }));
  scene.notifier.show(prompt());  // must neither crash nor hang
  CHECK(scene.answers.empty());

  scene.server = std::make_unique<FakeServer>();
  REQUIRE(scene.loop.run_until([&] { return scene.notifier.server_seen(); }));
  scene.notifier.show(prompt());
  REQUIRE(scene.server->calls("Notify").size() == 1);
  scene.server->close(scene.shown_id(), 2);
  scene.loop.drain();
  CHECK(scene.answers == std::vector<Answer>{Answer::dismissed});
}
