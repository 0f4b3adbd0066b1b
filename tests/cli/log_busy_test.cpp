// `sitstretch log` prints the busy and free records of rule 9 in each of its formats.
#include <catch2/catch.hpp>

#include "run_command.hpp"
#include "store/store.hpp"

using sitstretch::test::run_command;
using sitstretch::test::TempDir;
namespace core = sitstretch::core;

namespace {

constexpr std::int64_t kNov25Noon = 1795608000000;  // 2026-11-25 12:00 UTC, 13:00 in Berlin

core::Record busy_record(core::RecordKind kind, std::int64_t t_ms, core::BusyReason reason) {
  core::Record r;
  r.kind = kind;
  r.t = core::Ms(t_ms);
  r.sitting = core::Ms(2700000);
  r.reason = reason;
  return r;
}

}  // namespace

TEST_CASE("log prints busy and free with their reason as text, JSON and CSV") {
  TempDir dir;
  {
    auto opened = sitstretch::store::Store::open(dir.path() + "/state/sitstretch/log.sqlite3");
    REQUIRE(std::holds_alternative<std::unique_ptr<sitstretch::store::Store>>(opened));
    auto& store = std::get<std::unique_ptr<sitstretch::store::Store>>(opened);
    REQUIRE(store->append(
        busy_record(core::RecordKind::busy, kNov25Noon, core::BusyReason::fullscreen)));
    REQUIRE(store->append(
        busy_record(core::RecordKind::free, kNov25Noon + 60000, core::BusyReason::fullscreen)));
  }
  auto log = [&](const char* format) {
    std::vector<std::string> argv{SITSTRETCH_CLI, "log", "--all"};
    if (*format) argv.push_back(format);
    auto r = run_command(argv, "", {"TZ=Europe/Berlin", "XDG_STATE_HOME=" + dir.path() + "/state"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    return r.out;
  };
  CHECK(log("--json") ==
        "{\"t\":\"2026-11-25T13:00:00+01:00\",\"event\":\"busy\",\"reason\":\"fullscreen\"}\n"
        "{\"t\":\"2026-11-25T13:01:00+01:00\",\"event\":\"free\",\"reason\":\"fullscreen\"}\n");
  CHECK(log("--csv") ==
        "t,event,sitting_s,attempt,prompted,until,since,away_s,side,reason\n"
        "2026-11-25T13:00:00+01:00,busy,,,,,,,,fullscreen\n"
        "2026-11-25T13:01:00+01:00,free,,,,,,,,fullscreen\n");
  CHECK(log("") ==
        "2026-11-25 13:00:00  busy      \"reason\":\"fullscreen\"\n"
        "2026-11-25 13:01:00  free      \"reason\":\"fullscreen\"\n");
}
