// The configuration file going wrong under a running sitstretchd: deleted, replaced by a
// directory, made unreadable, written half-way. Each keeps the last good configuration, is said
// once (stderr and a notification), and the file is taken up again once it is good.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "fault_desktop.hpp"

using namespace std::chrono_literals;
using sitstretch::test::FaultDesktop;
using sitstretch::test::json_number;
using sitstretch::test::json_text;
namespace fs = std::filesystem;

namespace {

constexpr const char* kNotKept =
    "sitstretchd: configuration not reloaded, keeping the last good one";
constexpr const char* kNotApplied = "sitstretch: settings not applied";

// Root reads any file whatever its mode: the daemon runs without that power here, so that a
// file made unreadable is unreadable to it (setpriv execs it, keeping the pid).
std::vector<std::string> without_root_file_powers() {
  if (geteuid() != 0) return {};
  return {"setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"};
}

void write_in_place(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::trunc) << text;
}

}  // namespace

TEST_CASE(
    "A config deleted, made a directory, unreadable or torn keeps the last good one, said "
    "once each",
    "[faults]") {
  FaultDesktop d("[sitting]\ninterval = \"30m\"\n");
  d.start_notification_server();
  d.start_daemon(without_root_file_powers());
  auto interval = [&] { return json_number(d.cli({"status", "--json"}).out, "interval_s"); };
  auto config_error = [&] { return json_text(d.cli({"status", "--json"}).out, "config_error"); };
  REQUIRE(interval() == 1800);
  const std::string file = d.config_path();
  int faults = 0;
  // Each fault: said once on stderr and once by notification, the running settings stay, and
  // asking again (`sitstretch reload`) neither says nor shows it again.
  auto kept = [&](const std::string& why) {
    ++faults;
    INFO(why << "\n" << d.daemon_err());
    REQUIRE(d.wait_for([&] { return d.said(kNotKept) == faults; }, 5s, false));
    CHECK(d.wait_for([&] { return d.messages(kNotApplied) == faults; }, 5s, false));
    CHECK(config_error().find(why) != std::string::npos);
    CHECK(d.cli({"reload"}).exit_code == 1);
    CHECK(d.said(kNotKept) == faults);
    CHECK(d.messages(kNotApplied) == faults);
    CHECK(d.daemon().running());
  };
  auto good_again = [&](const std::string& toml, long seconds) {
    write_in_place(file, toml);
    REQUIRE(d.wait_for([&] { return interval() == seconds; }, 5s, false));
    CHECK(config_error().empty());
  };

  SECTION("deleted") {
    fs::remove(file);
    kept("No such file or directory");
    CHECK(interval() == 1800);
    good_again("[sitting]\ninterval = \"20m\"\n", 1200);
  }
  SECTION("replaced by a directory") {
    fs::remove(file);
    fs::create_directory(file);
    kept("Is a directory");
    CHECK(interval() == 1800);
    fs::remove(file);
    good_again("[sitting]\ninterval = \"25m\"\n", 1500);
  }
  SECTION("made unreadable") {
    chmod(file.c_str(), 0);
    kept("Permission denied");
    CHECK(interval() == 1800);
    chmod(file.c_str(), 0644);
    // The same settings as before: readable again clears the error, nothing else changes.
    REQUIRE(d.wait_for([&] { return config_error().empty(); }, 5s, false));
    good_again("[sitting]\ninterval = \"35m\"\n", 2100);
  }
  SECTION("written half-way") {
    // A save torn off in the middle of a value, as a full disk or a crash leaves it.
    write_in_place(file, "[sitting]\ninterval = \"4");
    kept(file + ":2");
    CHECK(interval() == 1800);
    good_again("[sitting]\ninterval = \"45m\"\n", 2700);
  }
  CHECK(d.said("configuration reloaded") == 1);
}
