// The report as a browser sees it: headless Chromium (Debian's chromium package) loads the page
// written by `report`, with a network log and console logging on. A control page with a console
// error and an outside image first shows that both detectors work.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "fixture.hpp"
#include "run_command.hpp"
#include "stats/local_day.hpp"

namespace sitstretch::stats::test {
namespace {

using sitstretch::test::CommandResult;
using sitstretch::test::run_command;
using sitstretch::test::TempDir;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

struct PageLoad {
  CommandResult result;
  std::size_t console_messages = 0;
  std::size_t page_requests = 0;  // network requests the page made (not the browser's own)
};

// Loads a file in headless Chromium with a fresh profile; `what` is --dump-dom or --screenshot=F.
PageLoad load(const std::string& file, const std::string& what) {
  TempDir profile;
  const std::string net_log = profile.path() + "/net.json";
  PageLoad out;
  out.result = run_command({"chromium", "--headless", "--no-sandbox", "--disable-gpu",
                            "--disable-quic", "--no-first-run", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync",
                            "--user-data-dir=" + profile.path() + "/profile",
                            "--enable-logging=stderr", "--v=0", "--log-net-log=" + net_log,
                            "--window-size=1200,1600", what, "file://" + file});
  out.console_messages = count(out.result.err, ":CONSOLE");
  // The browser's own requests (updates, accounts) have no file:// isolation key; the page's do.
  out.page_requests = count(slurp(net_log), "\"network_isolation_key\":\"file://");
  return out;
}

// The text of <section id="id">...</section> in a DOM dump.
std::string section(const std::string& dom, const std::string& id) {
  const auto start = dom.find("<section id=\"" + id + "\">");
  if (start == std::string::npos) return "";
  return dom.substr(start, dom.find("</section>", start) - start);
}

TEST_CASE("Headless Chromium loads the report with no console message, no request, all bars") {
  REQUIRE(run_command({"chromium", "--version"}).exit_code == 0);  // apt-get install chromium
  TempDir dir;
  const std::string bad = dir.write(
      "control.html",
      "<!DOCTYPE html><img src=\"http://127.0.0.1:9/x.png\"><script>console.error('x')</script>");
  const PageLoad control = load(bad, "--dump-dom");
  REQUIRE(control.console_messages == 1);
  REQUIRE(control.page_requests >= 1);

  // 13 workdays of records ending yesterday, in a real log; the report covers 14 days.
  const std::string tz = "TZ=Europe/Berlin";
  {
    ScopedTimeZone berlin("Europe/Berlin");
    const auto range = last_days(core::Ms(std::time(nullptr) * 1000LL), 14);
    through_store(dir.path() + "/state/sitstretch/log.sqlite3",
                  replay_at(workdays_trace(13), range.front().start));
  }
  const std::string report = dir.path() + "/report.html";
  const CommandResult written =
      run_command({SITSTRETCH_STATS_CLI, "report", "--days", "14", "-o", report}, "",
                  {tz, "XDG_STATE_HOME=" + dir.path() + "/state"});
  INFO(written.err);
  REQUIRE(written.exit_code == 0);
  CHECK(written.out == report + "\n");

  const PageLoad page = load(report, "--dump-dom");
  INFO(page.result.err);
  CHECK(page.result.exit_code == 0);
  CHECK(page.console_messages == 0);
  CHECK(page.page_requests == 0);
  for (const char* chart : {"compliance", "longest", "side"}) {
    INFO(chart);
    CHECK(count(section(page.result.out, chart), "<rect class=\"bar") == 13);
  }
  CHECK(count(section(page.result.out, "timeline"), "<text class=\"label\"") == 13);

  const PageLoad shot = load(report, "--screenshot=" + dir.path() + "/report.png");
  CHECK(shot.console_messages == 0);
  CHECK(shot.page_requests == 0);
  const std::string png = slurp(dir.path() + "/report.png");
  REQUIRE(png.size() > 10000);
  CHECK(png.substr(1, 3) == "PNG");
  std::ofstream(SITSTRETCH_SCREENSHOT, std::ios::binary) << png;  // for people to look at
}

}  // namespace
}  // namespace sitstretch::stats::test
