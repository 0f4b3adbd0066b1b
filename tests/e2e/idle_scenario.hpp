#pragma once

// The end-to-end scenario every idle source passes (issue 11), shared by the GNOME test
// (e2e_tests) and the Wayland compositors' test (wayland_e2e_tests). `Input` is anything with an
// input() that moves the user's pointer or presses a key in the session under test.
#include <catch2/catch.hpp>
#include <chrono>
#include <functional>
#include <string>
#include <thread>

#include "desktop.hpp"

namespace sitstretch::test {

// Checks `done` every 200 ms until it holds or the timeout passes; with `input`, the user keeps
// moving meanwhile.
template <class Input>
bool wait_while_moving(const std::function<bool()>& done, std::chrono::milliseconds timeout,
                       Input* input) {
  using namespace std::chrono_literals;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    if (input != nullptr) input->input();
    std::this_thread::sleep_for(200ms);
  }
  return done();
}

// Starts the daemon of `d` (configured with interval 10s, break_after 5s): a user who keeps
// moving is prompted after the interval and never away; input that stops gives `away` after
// break_after, dated at the last input (SPEC §2) and resolving the pending prompt; input again
// gives `back`; status names `source`.
template <class Input>
void check_prompt_away_back(Desktop& d, Input& input, const std::string& source) {
  using namespace std::chrono_literals;
  using Clock = std::chrono::steady_clock;
  Input* const still = nullptr;
  const auto started = Clock::now();
  d.start_daemon();
  CHECK(d.cli({"status"}).out.find("Idle source: " + source + ";") != std::string::npos);
  CHECK(json_text(d.cli({"status", "--json"}).out, "idle_source") == source);

  REQUIRE(wait_while_moving([&] { return d.count("prompt") == 1; }, 20s, &input));
  CHECK(Clock::now() - started >= 9s);
  CHECK(d.count("away") == 0);

  input.input();
  const auto last_input = Clock::now();
  REQUIRE(wait_while_moving([&] { return d.count("away") == 1; }, 15s, still));
  CHECK(Clock::now() - last_input >= 4500ms);
  const std::string away = d.records().back();
  REQUIRE(json_text(away, "event") == "away");
  // The bout ran from the daemon's start to the last input, not to when idleness was noticed.
  const auto bout = std::chrono::duration_cast<std::chrono::seconds>(last_input - started);
  CHECK(json_number(away, "sitting_s") >= bout.count() - 2);
  CHECK(json_number(away, "sitting_s") <= bout.count() + 1);
  CHECK(away.find(R"("prompted":true)") != std::string::npos);

  input.input();
  REQUIRE(wait_while_moving([&] { return d.count("back") == 1; }, 5s, still));
  CHECK(json_number(d.records().back(), "away_s") >= 5);
}

}  // namespace sitstretch::test
