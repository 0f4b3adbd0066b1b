// doctor's file probes on real files in a temporary home: the configuration as the daemon reads
// it, and the log opened read-only.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "doctor/probes.hpp"
#include "run_command.hpp"
#include "store/schema.hpp"
#include "store/store.hpp"

using namespace sitstretch;
using sitstretch::test::TempDir;

namespace {

struct Home {
  TempDir root;
  config::Environment env{.home = root.path() + "/home", .xdg_config_dirs = root.path() + "/xdg"};
  std::string state = root.path() + "/state";
  std::string log = state + "/sitstretch/log.sqlite3";

  doctor::LogFacts probe_log() const {
    return doctor::probe_log([this](const char* name) -> const char* {
      return std::string_view(name) == "XDG_STATE_HOME" ? state.c_str() : nullptr;
    });
  }
};

}  // namespace

TEST_CASE("config probe: each file read, the locks, the ignored user value, the config in use",
          "[doctor]") {
  Home home;
  const std::string system =
      home.root.write("xdg/sitstretch/config.toml",
                      "locked = [\"sitting.interval\"]\n[sitting]\ninterval = \"30m\"\n");
  const std::string user = home.root.write("home/.config/sitstretch/config.toml",
                                           "[sitting]\ninterval = \"2h\"\n[idle]\n"
                                           "source = \"x11-sync\"\n");
  config::Config in_use;
  const doctor::ConfigFacts facts = doctor::probe_config(home.env, in_use);
  CHECK(facts.files == std::vector<std::string>{system, user});
  CHECK(facts.error.empty());
  REQUIRE(facts.locks.size() == 1);
  CHECK(facts.locks[0] == "sitting.interval (" + system + ":1:11)");
  REQUIRE(facts.ignored.size() == 1);
  CHECK(facts.ignored[0].starts_with(user + ":2:1: "));
  CHECK(in_use.model.interval == std::chrono::minutes(30));
  CHECK(in_use.idle.source == "x11-sync");
}

TEST_CASE("config probe: a bad file is reported with its place; the defaults are used",
          "[doctor]") {
  Home home;
  home.root.write("home/.config/sitstretch/config.toml", "[sitting]\nintervall = \"2h\"\n");
  config::Config in_use;
  const doctor::ConfigFacts facts = doctor::probe_config(home.env, in_use);
  CHECK(facts.error.find("config.toml:2:1: ") != std::string::npos);
  CHECK(in_use == config::defaults());
  CHECK(doctor::probe_config(Home{}.env, in_use).files.empty());
}

TEST_CASE("log probe: not written yet, then a good log, read-only and untouched", "[doctor]") {
  Home home;
  doctor::LogFacts facts = home.probe_log();
  CHECK(facts.path == home.log);
  CHECK_FALSE(facts.exists);
  CHECK(facts.writable);  // the nearest existing directory, the temporary root, is ours
  CHECK_FALSE(std::filesystem::exists(home.state));

  REQUIRE(std::holds_alternative<std::unique_ptr<store::Store>>(store::Store::open(home.log)));
  const auto written = std::filesystem::last_write_time(home.log);
  facts = home.probe_log();
  CHECK(facts.exists);
  CHECK(facts.size > 0);
  CHECK(facts.schema_version == store::latest_schema_version());
  CHECK(facts.latest_schema_version == store::latest_schema_version());
  CHECK(facts.integrity == "ok");
  CHECK(facts.open_error.empty());
  CHECK(facts.writable);
  CHECK(std::filesystem::last_write_time(home.log) == written);
}

TEST_CASE("log probe: a file that is not a database says so", "[doctor]") {
  Home home;
  home.root.write("state/sitstretch/log.sqlite3", std::string(8192, 'x'));
  const doctor::LogFacts facts = home.probe_log();
  CHECK(facts.exists);
  CHECK(facts.size == 8192);
  CHECK(facts.open_error.find("not a database") != std::string::npos);
}

TEST_CASE("log probe: a log of a newer schema is refused without a change", "[doctor]") {
  Home home;
  REQUIRE(std::holds_alternative<std::unique_ptr<store::Store>>(store::Store::open(home.log)));
  const int newer = store::latest_schema_version() + 1;
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(home.log.c_str(), &db) == SQLITE_OK);
  const std::string set = "PRAGMA user_version = " + std::to_string(newer);
  CHECK(sqlite3_exec(db, set.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  const doctor::LogFacts facts = home.probe_log();
  CHECK(facts.schema_version == newer);
  CHECK(facts.open_error.find("newer than this sitstretch") != std::string::npos);
}
