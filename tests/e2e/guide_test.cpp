// The guided book stretch: notifications after Done, the side order, and the terminal guide.
#include <catch2/catch.hpp>

#include "desktop.hpp"

using namespace std::chrono_literals;
using sitstretch::test::Desktop;
using sitstretch::test::json_number;
using sitstretch::test::json_text;

namespace {

// The interval outlasts the guide (2 x 5 s), so that no new prompt takes its notification over.
constexpr const char* kGuided = R"([sitting]
interval = "20s"
[stretch]
hold = "5s"
)";

// Waits for a Notify call with this summary and returns it.
std::string notified(const Desktop& d, const std::string& summary, std::chrono::seconds timeout) {
  std::string found;
  auto seen = [&] {
    for (const auto& n : d.notifications()) {
      if (json_text(n, "summary") == summary) found = n;
    }
    return !found.empty();
  };
  REQUIRE(d.wait_for(seen, timeout));
  return found;
}

}  // namespace

TEST_CASE("After Done the guide walks through both sides in one notification", "[e2e]") {
  Desktop d(kGuided);
  d.start_daemon();
  const std::string prompt = notified(d, "Time for the book stretch", 35s);
  d.invoke_action(json_number(prompt, "id"), "done");

  const std::string side1 = notified(d, "Side 1 of 2: left foot on the book", 5s);
  const std::string side2 = notified(d, "Side 2 of 2: right foot on the book", 10s);
  const std::string ask = notified(d, "Which side felt tighter?", 10s);
  const long id = json_number(side1, "id");
  CHECK(json_number(side2, "replaces_id") == id);
  CHECK(json_number(ask, "replaces_id") == id);
  // Each side is held for stretch.hold.
  CHECK(json_number(side2, "received_ms") - json_number(side1, "received_ms") ==
        Approx(5000).margin(700));
  CHECK(json_number(ask, "received_ms") - json_number(side2, "received_ms") ==
        Approx(5000).margin(700));
  CHECK(side1.find(R"("actions":["stop","Stop"])") != std::string::npos);
  CHECK(ask.find(R"(["left","Left","right","Right","even","About the same"])") !=
        std::string::npos);

  d.invoke_action(id, "left");
  REQUIRE(d.wait_for([&] { return d.count("side") == 1; }, 5s));
  CHECK(json_text(d.records().back(), "side") == "left");
  CHECK(d.count("accepted") == 1);
  CHECK(d.cli({"stats", "--days", "1"}).out.find("Tighter side: left tighter in 1 of the last 1") !=
        std::string::npos);

  // Left was tighter, so the next guide starts with the easier right side.
  REQUIRE(d.cli({"stretch", "--notify"}).exit_code == 0);
  notified(d, "Side 1 of 2: right foot on the book", 5s);
  CHECK(d.count("accepted") == 2);
}

TEST_CASE("Leaving the guide early still counts the stretch once", "[e2e]") {
  Desktop d(kGuided);
  d.start_daemon();
  REQUIRE(d.cli({"stretch", "--notify"}).exit_code == 0);
  const std::string side1 = notified(d, "Side 1 of 2: left foot on the book", 5s);
  d.invoke_action(json_number(side1, "id"), "stop");
  // A stopped guide leaves nothing to wait for; side 2 would have come stretch.hold (5 s) after
  // side 1, so the bound is that and a margin.
  d.wait_for([] { return false; }, 7s);
  CHECK(d.count("accepted") == 1);
  CHECK(d.count("side") == 0);
  for (const auto& n : d.notifications()) {
    CHECK(json_text(n, "summary") != "Side 2 of 2: right foot on the book");
  }
}

TEST_CASE("The terminal guide counts down and records through the daemon", "[e2e]") {
  Desktop d("[sitting]\ninterval = \"1h\"\n");
  d.start_daemon();
  d.write_config("[stretch]\nhold = \"5s\"\n");
  auto r = sitstretch::test::run_command({SITSTRETCH_CLI, "stretch", "--config", d.config_path()},
                                         "r\n", d.env());
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("What you need: A book about 1–2 inches thick") != std::string::npos);
  CHECK(r.out.find("Recorded the stretch.") != std::string::npos);
  const auto side1 = r.out.find("Side 1 of 2: left foot on the book");
  const auto side2 = r.out.find("Side 2 of 2: right foot on the book");
  CHECK(side1 != std::string::npos);
  CHECK(side2 > side1);
  CHECK(r.out.find("5 s left") != std::string::npos);
  CHECK(r.out.find("Recorded: right tighter.") != std::string::npos);
  const auto records = d.records();
  REQUIRE(records.size() == 2);
  CHECK(json_text(records[0], "event") == "accepted");
  CHECK(json_text(records[1], "side") == "right");
}

TEST_CASE("The terminal guide works without a daemon", "[e2e]") {
  Desktop d("[stretch]\nhold = \"5s\"\n");
  auto r = sitstretch::test::run_command({SITSTRETCH_CLI, "stretch", "--config", d.config_path()},
                                         "\n", d.env());
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("sitstretchd is not running: nothing is recorded.") != std::string::npos);
  CHECK(r.out.find("Side 2 of 2") != std::string::npos);
}
