// The daemon's configuration source: parse, then swap, and an error said once until it changes.
#include <catch2/catch.hpp>

#include <boost/asio/io_context.hpp>
#include <chrono>

#include "app/config_source.hpp"
#include "run_command.hpp"

using namespace std::chrono_literals;
using sitstretch::app::ConfigSource;
using sitstretch::test::TempDir;

namespace {

sitstretch::config::Config loaded(ConfigSource& source) {
  auto result = source.load();
  if (auto* failed = std::get_if<ConfigSource::Failed>(&result)) FAIL(failed->error);
  return std::get<sitstretch::config::Loaded>(result).config;
}

ConfigSource::Failed refused(ConfigSource& source) {
  auto result = source.load();
  if (std::holds_alternative<sitstretch::config::Loaded>(result)) FAIL("accepted");
  return std::get<ConfigSource::Failed>(result);
}

}  // namespace

TEST_CASE("a bad file is refused, its error said once until it changes or the file is good",
          "[app][config]") {
  TempDir dir;
  const std::string file = dir.write("config.toml", "[sitting]\ninterval = \"40m\"\n");
  ConfigSource source(std::filesystem::path(file), {});
  CHECK(loaded(source).model.interval == 40min);
  CHECK(source.error().empty());

  dir.write("config.toml", "[sitting]\ninterval = \"soon\"\n");
  const ConfigSource::Failed first = refused(source);
  CHECK(first.new_error);
  CHECK(first.error.find("config.toml:2:") != std::string::npos);
  CHECK(source.error() == first.error);
  CHECK_FALSE(refused(source).new_error);  // the same error again: nothing new to say

  dir.write("config.toml", "[sitting]\nbreak_after = \"1x\"\n");
  CHECK(refused(source).new_error);  // another error

  dir.write("config.toml", "[sitting]\ninterval = \"30m\"\n");
  CHECK(loaded(source).model.interval == 30min);
  CHECK(source.error().empty());
  dir.write("config.toml", "[sitting]\ninterval = \"soon\"\n");
  CHECK(refused(source).new_error);  // said again after a good load
}

TEST_CASE("without --config the XDG files are read, and none means the defaults", "[app][config]") {
  TempDir home;
  sitstretch::config::Environment env;
  env.home = home.path();
  env.xdg_config_dirs = home.path() + "/etc-xdg";
  ConfigSource source(std::nullopt, env);
  CHECK(loaded(source) == sitstretch::config::defaults());
  home.write(".config/sitstretch/config.toml", "[sitting]\ninterval = \"20m\"\n");
  CHECK(loaded(source).model.interval == 20min);
}
