#include <catch2/catch.hpp>

#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "tray/open_settings.hpp"

namespace fs = std::filesystem;
using sitstretch::tray::open_settings;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A temporary directory with an executable `opener` that writes its argument to opened.txt.
struct Scratch {
  fs::path dir;
  Scratch() {
    char tmpl[] = "/tmp/sitstretch-tray-XXXXXX";
    dir = mkdtemp(tmpl);
    std::ofstream(dir / "opener") << "#!/bin/sh\nprintf '%s' \"$1\" > \""
                                  << (dir / "opened.txt").string() << ".tmp\" && mv \""
                                  << (dir / "opened.txt").string() << ".tmp\" \""
                                  << (dir / "opened.txt").string() << "\"\n";
    fs::permissions(dir / "opener", fs::perms::owner_all);
  }
  ~Scratch() { fs::remove_all(dir); }
  std::string opened() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!fs::exists(dir / "opened.txt") && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return read(dir / "opened.txt");
  }
};

}  // namespace

TEST_CASE("Edit settings creates a missing config from the defaults and opens it",
          "[tray][settings]") {
  Scratch s;
  const fs::path config = s.dir / "config" / "sitstretch" / "config.toml";
  CHECK(open_settings(config, "[sitting]\ninterval = \"45m\"\n", (s.dir / "opener").string()) ==
        "");
  CHECK(read(config) == "[sitting]\ninterval = \"45m\"\n");
  CHECK(s.opened() == config.string());
}

TEST_CASE("Edit settings keeps an existing config as it is", "[tray][settings]") {
  Scratch s;
  const fs::path config = s.dir / "config.toml";
  std::ofstream(config) << "# mine\n";
  CHECK(open_settings(config, "defaults\n", (s.dir / "opener").string()) == "");
  CHECK(read(config) == "# mine\n");
  CHECK(s.opened() == config.string());
}

TEST_CASE("Edit settings says why when the opener is missing", "[tray][settings]") {
  Scratch s;
  const auto why = open_settings(s.dir / "config.toml", "x\n", "sitstretch-no-such-opener-program");
  CHECK(why.find("cannot start sitstretch-no-such-opener-program") == 0);
}
