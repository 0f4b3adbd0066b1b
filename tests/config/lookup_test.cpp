// Where the files are looked for (XDG Base Directory), from a given environment.

#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "config/environment.hpp"

namespace cfg = sitstretch::config;
using Paths = std::vector<std::filesystem::path>;

TEST_CASE("with only HOME set: /etc/xdg, then ~/.config") {
  cfg::Environment env{.home = "/home/ada"};
  CHECK(cfg::config_paths(env) ==
        Paths{"/etc/xdg/sitstretch/config.toml", "/home/ada/.config/sitstretch/config.toml"});
  CHECK(cfg::user_config_path(env) == "/home/ada/.config/sitstretch/config.toml");
}

TEST_CASE("XDG_CONFIG_HOME takes the place of ~/.config") {
  cfg::Environment env{.home = "/home/ada", .xdg_config_home = "/data/conf"};
  CHECK(cfg::config_paths(env).back() == "/data/conf/sitstretch/config.toml");
  CHECK(cfg::user_config_path(env) == "/data/conf/sitstretch/config.toml");
}

TEST_CASE("XDG_CONFIG_DIRS lists the most important first, so it is layered last to first") {
  cfg::Environment env{.home = "/home/ada", .xdg_config_dirs = "/etc/site:/etc/xdg"};
  CHECK(cfg::config_paths(env) == Paths{"/etc/xdg/sitstretch/config.toml",
                                        "/etc/site/sitstretch/config.toml",
                                        "/home/ada/.config/sitstretch/config.toml"});
}

TEST_CASE("empty and relative entries are ignored, as the XDG specification says") {
  cfg::Environment env{
      .home = "/home/ada", .xdg_config_home = "relative/conf", .xdg_config_dirs = ":etc:/opt/x:"};
  CHECK(cfg::config_paths(env) ==
        Paths{"/opt/x/sitstretch/config.toml", "/home/ada/.config/sitstretch/config.toml"});
}

TEST_CASE("an empty or useless XDG_CONFIG_DIRS means /etc/xdg") {
  for (const char* dirs : {"", ":", "relative"}) {
    cfg::Environment env{.home = "/home/ada", .xdg_config_dirs = dirs};
    CHECK(cfg::config_paths(env).front() == "/etc/xdg/sitstretch/config.toml");
  }
}

TEST_CASE("without HOME or XDG_CONFIG_HOME there is no user file, only the system one") {
  cfg::Environment env{};
  CHECK(cfg::config_paths(env) == Paths{"/etc/xdg/sitstretch/config.toml"});
  CHECK(cfg::user_config_path(env) == std::nullopt);
  CHECK(cfg::user_config_path(cfg::Environment{.home = ""}) == std::nullopt);
}

TEST_CASE("from_process reads the three variables and treats empty as unset") {
  // The only test that touches the process environment; it restores what it changes.
  struct Saved {
    const char* name;
    std::optional<std::string> value;
  };
  std::vector<Saved> saved;
  for (const char* name : {"HOME", "XDG_CONFIG_HOME", "XDG_CONFIG_DIRS"}) {
    const char* value = std::getenv(name);
    saved.push_back({name, value ? std::optional<std::string>(value) : std::nullopt});
  }
  ::setenv("HOME", "/home/ada", 1);
  ::setenv("XDG_CONFIG_HOME", "", 1);
  ::unsetenv("XDG_CONFIG_DIRS");
  cfg::Environment env = cfg::Environment::from_process();
  for (const Saved& s : saved) {
    if (s.value)
      ::setenv(s.name, s.value->c_str(), 1);
    else
      ::unsetenv(s.name);
  }
  CHECK(env.home == "/home/ada");
  CHECK(env.xdg_config_home == std::nullopt);
  CHECK(env.xdg_config_dirs == std::nullopt);
}
