// Files on disk laid over each other: defaults < system directories < the user's file, and
// --config FILE instead of the lookup.

#include <chrono>
#include <filesystem>

#include <catch2/catch.hpp>

#include "config/config.hpp"
#include "run_command.hpp"

using namespace std::chrono_literals;
namespace cfg = sitstretch::config;
using sitstretch::test::TempDir;

namespace {

cfg::Config loaded(const cfg::Result& result) {
  if (const auto* error = std::get_if<cfg::ConfigError>(&result)) FAIL(error->to_string());
  return std::get<cfg::Config>(result);
}

cfg::ConfigError refused(const cfg::Result& result) {
  if (std::holds_alternative<cfg::Config>(result)) FAIL("the configuration was accepted");
  return std::get<cfg::ConfigError>(result);
}

// A home directory and two system directories inside one temp dir.
struct Desktop {
  TempDir root;
  cfg::Environment env{.home = root.path() + "/home",
                       .xdg_config_dirs = root.path() + "/site:" + root.path() + "/xdg"};

  std::filesystem::path user(std::string_view text) const {
    return root.write("home/.config/sitstretch/config.toml", text);
  }
  std::filesystem::path site(std::string_view text) const {
    return root.write("site/sitstretch/config.toml", text);
  }
  std::filesystem::path xdg(std::string_view text) const {
    return root.write("xdg/sitstretch/config.toml", text);
  }
};

}  // namespace

TEST_CASE("with no files anywhere the defaults apply") {
  Desktop desk;
  CHECK(loaded(cfg::load(std::nullopt, desk.env)) == cfg::defaults());
}

TEST_CASE("the user's file wins over the system files, which win over the defaults") {
  Desktop desk;
  desk.xdg("[sitting]\ninterval = \"20m\"\nbreak_after = \"2m\"\n[stretch]\nhold = \"10s\"\n");
  desk.site("[sitting]\ninterval = \"30m\"\n");
  desk.user("[stretch]\nhold = \"15s\"\n");
  cfg::Config c = loaded(cfg::load(std::nullopt, desk.env));
  CHECK(c.model.interval == 30min);    // site is listed first in XDG_CONFIG_DIRS: it beats xdg
  CHECK(c.model.break_after == 2min);  // only xdg sets it
  CHECK(c.model.hold == 15s);          // the user beats both
  CHECK(c.model.snooze == cfg::defaults().model.snooze);  // nobody sets it
}

TEST_CASE("a missing system file is skipped") {
  Desktop desk;
  desk.user("prompt.max_snoozes = 1");
  CHECK(loaded(cfg::load(std::nullopt, desk.env)).model.max_snoozes == 1);
}

TEST_CASE("a bad file anywhere in the lookup stops the load and names that file") {
  Desktop desk;
  std::filesystem::path bad = desk.site("[sitting]\ninterval = \"1s\"\n");
  desk.user("prompt.max_snoozes = 1");
  cfg::ConfigError error = refused(cfg::load(std::nullopt, desk.env));
  CHECK(error.to_string() ==
        bad.string() + R"(:2:12: sitting.interval: "1s" is too short; allowed 10s to 4h)");
}

TEST_CASE("an explicit file (--config) replaces the lookup: only that file over the defaults") {
  Desktop desk;
  desk.user("sitting.interval = \"30m\"");
  std::filesystem::path mine = desk.root.write("elsewhere/mine.toml", "stretch.hold = \"10s\"");
  cfg::Config c = loaded(cfg::load(mine, desk.env));
  CHECK(c.model.interval == cfg::defaults().model.interval);
  CHECK(c.model.hold == 10s);
}

TEST_CASE("a missing explicit file is an error without a position") {
  Desktop desk;
  std::filesystem::path missing = desk.root.file("nope.toml");
  cfg::ConfigError error = refused(cfg::load(missing, desk.env));
  CHECK(error.line == 0);
  CHECK(error.to_string() == missing.string() + ": cannot read: No such file or directory");
}

TEST_CASE("a directory where the file should be is an error, not an empty file") {
  Desktop desk;
  std::filesystem::create_directories(desk.root.file("home/.config/sitstretch/config.toml"));
  cfg::ConfigError error = refused(cfg::load(std::nullopt, desk.env));
  CHECK_THAT(error.to_string(), Catch::EndsWith("config.toml: cannot read: Is a directory"));
}

TEST_CASE("load_file lays one file over any base, as config check and reload use it") {
  Desktop desk;
  std::filesystem::path file = desk.root.write("one.toml", "prompt.urgency = \"low\"");
  cfg::Config base = cfg::defaults();
  base.model.interval = 1h;
  cfg::Config c = loaded(cfg::load_file(file, base));
  CHECK(c.urgency == cfg::Urgency::low);
  CHECK(c.model.interval == 1h);
}

TEST_CASE("the temp directory is cleaned up") {
  std::filesystem::path where;
  {
    TempDir dir;
    where = dir.path();
    dir.write("a/b.toml", "x");
    REQUIRE(std::filesystem::exists(where));
  }
  CHECK_FALSE(std::filesystem::exists(where));
}
