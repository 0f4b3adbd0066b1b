// The built-in defaults: what SPEC §4 promises, and that default.toml is their only source.

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>

#include "config/toml.hpp"
#include <catch2/catch.hpp>

#include "config/config.hpp"
#include "config/schema.hpp"
#include "core/duration_text.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;
namespace cfg = sitstretch::config;
namespace core = sitstretch::core;

TEST_CASE("the defaults are the values SPEC §4 lists") {
  const cfg::Config& d = cfg::defaults();
  CHECK(d.model.interval == 45min);
  CHECK(d.model.break_after == 5min);
  CHECK(d.model.snooze == 10min);
  CHECK(d.model.max_snoozes == 3);
  CHECK(d.model.answer_within == 2min);
  CHECK(d.model.repeat_after == 5min);
  CHECK(d.urgency == cfg::Urgency::normal);
  CHECK(d.model.guided);
  CHECK(d.model.hold == 30s);
  CHECK(d.model.first_side == core::FirstSide::automatic);
  CHECK(d.model.quiet.empty());
  CHECK(d.model.busy_when == core::BusyReasons::all());
  CHECK(d.model.max_defer == 1h);
  CHECK(d.idle.source == "auto");
  CHECK(d.idle.inhibited_is_sitting);
}

TEST_CASE("the embedded defaults are the default.toml of the source tree") {
  std::ifstream file(SITSTRETCH_DEFAULT_TOML_PATH);
  REQUIRE(file);
  std::stringstream text;
  text << file.rdbuf();
  CHECK(cfg::default_toml() == text.str());
}

TEST_CASE("the defaults are whatever default.toml says, read independently with toml++") {
  toml::table table = toml::parse(cfg::default_toml());
  const cfg::Config& d = cfg::defaults();
  auto duration = [&](std::string_view key) {
    return core::parse_duration(table.at_path(key).value_or(std::string_view{}));
  };
  CHECK(duration("sitting.interval") == d.model.interval);
  CHECK(duration("sitting.break_after") == d.model.break_after);
  CHECK(duration("prompt.answer_within") == d.model.answer_within);
  CHECK(duration("stretch.hold") == d.model.hold);
  CHECK(duration("busy.max_defer") == d.model.max_defer);
  CHECK(table.at_path("busy.when").as_array()->size() == 4);
  CHECK(table.at_path("prompt.max_snoozes").value<int>() == d.model.max_snoozes);
  CHECK(table.at_path("stretch.guided").value<bool>() == d.model.guided);
  CHECK(table.at_path("prompt.urgency").value<std::string>() == "normal");
  CHECK(table.at_path("idle.source").value<std::string>() == d.idle.source);
  CHECK(table.at_path("idle.inhibited_is_sitting").value<bool>() == d.idle.inhibited_is_sitting);
}

TEST_CASE("default.toml writes out every key, each under a comment that explains it") {
  toml::table table = toml::parse(cfg::default_toml());
  std::string text(cfg::default_toml());
  for (const cfg::KeySpec& key : cfg::schema_keys()) {
    INFO(key.full_name());
    const toml::node* value = table.at_path(key.full_name()).node();
    REQUIRE(value != nullptr);
    // The line above the key's line is a comment.
    std::istringstream lines(text);
    std::string line, previous;
    for (std::size_t n = 1; n <= value->source().begin.line && std::getline(lines, line); ++n) {
      if (n < value->source().begin.line) previous = line;
    }
    CHECK(previous.rfind("# ", 0) == 0);
  }
}

TEST_CASE("default.toml has nothing the schema does not know") {
  // Parsing it over a blank configuration succeeds and reproduces the defaults exactly.
  cfg::Config blank{};
  CHECK(cfg::test::accept(cfg::default_toml(), blank) == cfg::defaults());
}

TEST_CASE("an empty file keeps every value of the base") {
  CHECK(cfg::test::accept("") == cfg::defaults());
  CHECK(cfg::test::accept("# only a comment\n\n") == cfg::defaults());
  cfg::Config custom = cfg::defaults();
  custom.model.interval = 20min;
  custom.urgency = cfg::Urgency::critical;
  CHECK(cfg::test::accept("", custom) == custom);
}
