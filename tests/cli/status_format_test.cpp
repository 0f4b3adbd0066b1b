// The one-line forms of `sitstretch status --follow` (cli/status_format.hpp): the text line and
// waybar's JSON, from status replies as the daemon sends them.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/status_format.hpp"

using namespace sitstretch::cli;
using nlohmann::json;

namespace {

json sitting(long long seconds) {
  return json{{"ok", true},
              {"sitting", true},
              {"sitting_s", seconds},
              {"absent", false},
              {"next_prompt_s", 2700 - seconds},
              {"next_prompt_at", "2026-11-25T14:48:00+01:00"},
              {"pending", false},
              {"episode", "none"},
              {"snoozes_left", 3},
              {"paused", false},
              {"paused_until", nullptr},
              {"quiet", false},
              {"interval_s", 2700},
              {"busy", ""}};
}

json waybar(const json& status) {
  return json::parse(waybar_line(status));
}

}  // namespace

TEST_CASE("waybar gets the sitting minutes, the tooltip, the class and the share", "[format]") {
  const json bar = waybar(sitting(1530));
  CHECK(bar.at("text") == "25 min");
  CHECK(bar.at("tooltip") == "Sitting for 25 min\nNext stretch at 14:48");
  CHECK(bar.at("class") == "sitting");
  CHECK(bar.at("percentage") == 55);  // 25 of 45 minutes
  CHECK(waybar_line(sitting(1530)).find('\n') == std::string::npos);
}

TEST_CASE("the percentage stays within 0 to 100 and is 0 when away", "[format]") {
  CHECK(sitting_percentage(sitting(59)) == 0);
  CHECK(sitting_percentage(sitting(2700)) == 100);
  CHECK(sitting_percentage(sitting(9000)) == 100);
  json away = sitting(0);
  away["sitting"] = false;
  away["next_prompt_at"] = nullptr;
  CHECK(sitting_percentage(away) == 0);
  const json bar = waybar(away);
  CHECK(bar.at("text") == "away");
  CHECK(bar.at("class") == "away");
  CHECK(bar.at("tooltip") == "Away");
  // A reply without interval (an older daemon) gives 0, not a division by zero.
  json old = sitting(600);
  old.erase("interval_s");
  CHECK(sitting_percentage(old) == 0);
}

TEST_CASE("the class names the most pressing state", "[format]") {
  json s = sitting(600);
  s["quiet"] = true;
  CHECK(bar_class(s) == "quiet");
  s["busy"] = "camera";
  CHECK(bar_class(s) == "busy");
  s["paused"] = true;
  CHECK(bar_class(s) == "paused");
  s["pending"] = true;
  s["episode"] = "awaiting";
  CHECK(bar_class(s) == "prompt");
}

TEST_CASE("the text line joins the parts a bar shows", "[format]") {
  json s = sitting(3725);
  s["pending"] = true;
  s["episode"] = "awaiting";
  s["snoozes_left"] = 2;
  s["paused"] = true;
  s["paused_until"] = "2026-11-25T15:00:00+01:00";
  s["busy"] = "camera,user";
  s["busy_user_until"] = "2026-11-25T15:30:00+01:00";
  CHECK(status_line(s) ==
        "Sitting for 1 h 2 min; Next stretch at 14:48; A prompt is waiting for an answer "
        "(2 snoozes left); Paused until 15:00; Busy (camera user; user until 15:30)");
  CHECK(status_line(sitting(30)) == "Sitting for 0 min; Next stretch at 14:48");
}

TEST_CASE("a reply with odd fields still gives valid waybar JSON", "[format]") {
  json odd{{"ok", true}, {"sitting", "yes"}, {"sitting_s", "many"}, {"config_error", "bad \xff"}};
  const json bar = waybar(odd);
  CHECK(bar.at("class") == "away");
  CHECK(bar.at("percentage") == 0);
  CHECK_THAT(bar.at("tooltip").get<std::string>(), Catch::Contains("Configuration not applied"));
}
