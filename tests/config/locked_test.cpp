// Administrators' locked keys (SPEC §4): a system file's `locked` list keeps the system value
// whatever the user's file says, and says so in a warning that names both files and lines.

#include <chrono>
#include <filesystem>

#include <catch2/catch.hpp>

#include "config/config.hpp"
#include "config/policy.hpp"
#include "run_command.hpp"

using namespace std::chrono_literals;
namespace cfg = sitstretch::config;
using sitstretch::test::TempDir;

namespace {

cfg::Loaded loaded(const cfg::LoadResult& result) {
  if (const auto* error = std::get_if<cfg::ConfigError>(&result)) FAIL(error->to_string());
  return std::get<cfg::Loaded>(result);
}

std::string refused(const cfg::LoadResult& result) {
  if (std::holds_alternative<cfg::Loaded>(result)) FAIL("the configuration was accepted");
  return std::get<cfg::ConfigError>(result).to_string();
}

// A home directory and two system directories (site before xdg in XDG_CONFIG_DIRS).
struct Desktop {
  TempDir root;
  cfg::Environment env{.home = root.path() + "/home",
                       .xdg_config_dirs = root.path() + "/site:" + root.path() + "/xdg"};

  std::string user(std::string_view text) const {
    return root.write("home/.config/sitstretch/config.toml", text);
  }
  std::string site(std::string_view text) const {
    return root.write("site/sitstretch/config.toml", text);
  }
  std::string xdg(std::string_view text) const {
    return root.write("xdg/sitstretch/config.toml", text);
  }
  cfg::LoadResult load() const { return cfg::load_with_warnings(std::nullopt, env); }
};

}  // namespace

TEST_CASE("a locked key keeps the system value; the user's other keys still apply") {
  Desktop desk;
  desk.xdg(
      "locked = [\"sitting.interval\", \"prompt.max_snoozes\"]\n[sitting]\ninterval = \"30m\"\n");
  desk.user("[sitting]\ninterval = \"2h\"\nbreak_after = \"2m\"\n[prompt]\nmax_snoozes = 9\n");
  cfg::Loaded l = loaded(desk.load());
  CHECK(l.config.model.interval == 30min);                                 // the system's
  CHECK(l.config.model.max_snoozes == cfg::defaults().model.max_snoozes);  // locked at default
  CHECK(l.config.model.break_after == 2min);                               // not locked
  CHECK(l.warnings.size() == 2);
  // Without the lock the same files give the user's value: the lock, not the order, decides.
  desk.xdg("[sitting]\ninterval = \"30m\"\n");
  cfg::Loaded unlocked = loaded(desk.load());
  CHECK(unlocked.config.model.interval == 2h);
  CHECK(unlocked.warnings.empty());
}

TEST_CASE("the warning names the user's file and line and the system file and line of the lock") {
  Desktop desk;
  std::string sys = desk.xdg("# site policy\n\nlocked = [\n  \"stretch.hold\",\n]\n");
  std::string mine = desk.user("[stretch]\nguided = false\n\n  hold = \"1m\"\n");
  cfg::Loaded l = loaded(desk.load());
  REQUIRE(l.warnings.size() == 1);
  CHECK(l.warnings[0].to_string() == mine + ":4:3: stretch.hold is locked by the administrator (" +
                                         sys + ":4:3); this setting is ignored");
  CHECK(l.config.model.hold == cfg::defaults().model.hold);
  CHECK_FALSE(l.config.model.guided);
}

TEST_CASE("warnings come in the order of the user's file, and the plain load has none to give") {
  Desktop desk;
  desk.site("locked = [\"quiet.hours\", \"prompt.urgency\"]\n");
  std::string mine = desk.user("[prompt]\nurgency = \"low\"\n[quiet]\nhours = [\"12:00-13:00\"]\n");
  cfg::Loaded l = loaded(desk.load());
  REQUIRE(l.warnings.size() == 2);
  CHECK(l.warnings[0].line == 2);
  CHECK(l.warnings[1].line == 4);
  CHECK(l.warnings[0].file == mine);
  // load() gives the same configuration, the one the daemon runs (and reloads) with.
  const cfg::Result plain = cfg::load(std::nullopt, desk.env);
  REQUIRE(std::holds_alternative<cfg::Config>(plain));
  CHECK(std::get<cfg::Config>(plain) == l.config);
  CHECK(l.config.urgency == cfg::defaults().urgency);
}

TEST_CASE("a user's value for a locked key is still checked") {
  Desktop desk;
  desk.xdg("locked = [\"sitting.interval\"]\n");
  std::string mine = desk.user("[sitting]\ninterval = \"1s\"\n");
  CHECK(refused(desk.load()) ==
        mine + R"(:2:12: sitting.interval: "1s" is too short; allowed 10s to 4h)");
}

TEST_CASE("a lock in either system file binds the user, and a system file may still set it") {
  Desktop desk;
  desk.xdg("locked = [\"prompt.snooze\"]\n");
  desk.site("[prompt]\nsnooze = \"20m\"\n");  // the more important system file sets the value
  desk.user("[prompt]\nsnooze = \"1m\"\n");
  cfg::Loaded l = loaded(desk.load());
  CHECK(l.config.model.snooze == 20min);
  CHECK(l.warnings.size() == 1);
}

TEST_CASE("locked in the user's own file, or in --config FILE, is an error at its place") {
  Desktop desk;
  std::string mine = desk.user("[sitting]\ninterval = \"1h\"\n");
  CHECK(loaded(desk.load()).warnings.empty());
  mine = desk.user("# mine\nlocked = [\"sitting.interval\"]\n");
  CHECK(refused(desk.load()) ==
        mine +
            ":2:1: locked: only a system file ($XDG_CONFIG_DIRS/*/sitstretch/config.toml, e.g. "
            "/etc/xdg/sitstretch/config.toml) may lock keys, not your own file");
  std::string other = desk.root.write("other.toml", "locked = []\n");
  CHECK_THAT(refused(cfg::load_with_warnings(other, desk.env)),
             Catch::StartsWith(other + ":1:1: locked: only a system file"));
}

TEST_CASE("locked naming an unknown key is an error with a did-you-mean") {
  Desktop desk;
  std::string sys = desk.xdg("locked = [\"sitting.interval\", \"sitting.intervall\"]\n");
  CHECK(refused(desk.load()) ==
        sys +
            R"(:1:31: locked: unknown key "sitting.intervall"; did you mean "sitting.interval"?)");
  sys = desk.xdg("locked = [\"sittin.interval\"]\n");
  CHECK(refused(desk.load()) ==
        sys + R"(:1:11: locked: unknown key "sittin.interval"; did you mean "sitting.interval"?)");
  sys = desk.xdg("locked = [\"sitting\"]\n");
  CHECK_THAT(refused(desk.load()),
             Catch::StartsWith(sys + ":1:11: locked: unknown key \"sitting\""));
}

TEST_CASE("locked must be a list of strings") {
  Desktop desk;
  std::string sys = desk.xdg("locked = \"sitting.interval\"\n");
  CHECK(refused(desk.load()) ==
        sys + R"(:1:10: locked: expected a list of "section.key" strings, got a string)");
  sys = desk.xdg("locked = [\"sitting.interval\", 3]\n");
  CHECK_THAT(refused(desk.load()), Catch::StartsWith(sys + ":1:31: locked: expected a list"));
}

TEST_CASE("the shipped default.toml read as a system file locks nothing and changes nothing") {
  Desktop desk;
  desk.xdg(cfg::default_toml());
  desk.user("[sitting]\ninterval = \"1h\"\n");
  cfg::Loaded l = loaded(desk.load());
  CHECK(l.config.model.interval == 1h);
  CHECK(l.warnings.empty());
}
