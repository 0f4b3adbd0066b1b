// The status document: the same keys in the same order as `sitstretch status --json` reads.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "control/daemon_status.hpp"
#include "run_command.hpp"

using namespace sitstretch::control;
using namespace std::chrono_literals;
using sitstretch::core::EpisodeState;
using sitstretch::core::Ms;

namespace {

// Now: 2026-11-25T14:00:00+01:00 in UTC epoch ms, and 10 minutes on the boot clock.
constexpr Ms kUtc{1795611600000};
constexpr Ms kBoot{600000};

DaemonStatus sitting_status() {
  DaemonStatus s;
  s.now = kBoot;
  s.utc_minus_boot = kUtc - kBoot;
  s.pid = 4242;
  s.interval = 45min;
  s.snapshot.sitting = true;
  s.snapshot.sitting_for = 10min + 1500ms;
  s.snapshot.next_prompt = kBoot + 35min;
  s.snapshot.snoozes_left = 3;
  s.idle_source = "x11";
  s.lock_source = "logind";
  s.notifications = true;
  s.log = "/home/u/.local/state/sitstretch/log.sqlite";
  return s;
}

}  // namespace

TEST_CASE("the status document of a sitting user, key by key in order", "[status]") {
  sitstretch::test::ScopedTimeZone berlin("Europe/Berlin");
  CHECK(status_json(sitting_status()) ==
        R"({"ok":true,"pid":4242,"sitting":true,"sitting_s":601,"absent":false,)"
        R"("next_prompt_s":2100,"next_prompt_at":"2026-11-25T14:35:00+01:00",)"
        R"("next_prompt_epoch_ms":1795613700000,"pending":false,"episode":"none","attempt":0,)"
        R"("snoozes_left":3,"paused":false,"paused_until":null,"quiet":false,"interval_s":2700,)"
        R"("idle_source":"x11","lock_source":"logind","notifications":true,)"
        R"("log":"/home/u/.local/state/sitstretch/log.sqlite","busy":"",)"
        R"("busy_user_until":null,"held_until":null,"held_until_s":null,"busy_sources":"none",)"
        R"("version":")" SITSTRETCH_VERSION R"("})");
}

TEST_CASE("busy reasons and a held prompt come last in the status", "[status]") {
  sitstretch::test::ScopedTimeZone berlin("Europe/Berlin");
  DaemonStatus s = sitting_status();
  s.snapshot.busy.add(sitstretch::core::BusyReason::user);
  s.snapshot.busy.add(sitstretch::core::BusyReason::dnd);
  s.snapshot.next_prompt.reset();
  s.snapshot.held_until = kBoot + 55min;
  s.user_busy_until = kBoot + 20min;
  s.config_error = "config.toml:3:1: unknown key";
  s.busy_sources = "dnd: dunst";
  const std::string text = status_json(s);
  CHECK(text.ends_with(R"("config_error":"config.toml:3:1: unknown key","busy":"dnd,user",)"
                       R"("busy_user_until":"2026-11-25T14:20:00+01:00",)"
                       R"("held_until":"2026-11-25T14:55:00+01:00","held_until_s":3300,)"
                       R"("busy_sources":"dnd: dunst","version":")" SITSTRETCH_VERSION R"("})"));
  const auto json = nlohmann::json::parse(text);
  CHECK(json.at("busy") == "dnd,user");
}

TEST_CASE("a pending prompt, a timed pause and a config error show in the status", "[status]") {
  sitstretch::test::ScopedTimeZone berlin("Europe/Berlin");
  DaemonStatus s = sitting_status();
  s.snapshot.next_prompt.reset();
  s.snapshot.episode = EpisodeState::ignored;
  s.snapshot.prompt_pending = true;
  s.snapshot.attempt = 2;
  s.snapshot.paused = true;
  s.snapshot.paused_until = kBoot + 90min;
  s.config_error = "config.toml:3:1: unknown key";
  const auto json = nlohmann::json::parse(status_json(s));
  CHECK(json.at("next_prompt_s").is_null());
  CHECK(json.at("next_prompt_at").is_null());
  CHECK(json.at("next_prompt_epoch_ms").is_null());
  CHECK(json.at("pending") == true);
  CHECK(json.at("episode") == "ignored");
  CHECK(json.at("attempt") == 2);
  CHECK(json.at("paused_until") == "2026-11-25T15:30:00+01:00");
  CHECK(json.at("config_error") == "config.toml:3:1: unknown key");
}

TEST_CASE("a prompt already overdue is due in 0 seconds, not a negative time", "[status]") {
  DaemonStatus s = sitting_status();
  s.snapshot.next_prompt = kBoot - 5s;
  const auto json = nlohmann::json::parse(status_json(s));
  CHECK(json.at("next_prompt_s") == 0);
  CHECK(json.at("next_prompt_epoch_ms") == (kUtc - 5s).count());
}
