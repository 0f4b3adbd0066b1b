// Random traces, seeded and reproducible, checked against invariants of SPEC §2.
#include <catch2/catch.hpp>
#include <set>

#include "core/episodes.hpp"
#include "core/record_json.hpp"
#include "scenario.hpp"
#include "trace_generator.hpp"

using namespace std::chrono_literals;
using sitstretch::core::fold_episodes;
using sitstretch::core::Ms;
using sitstretch::core::Record;
using sitstretch::core::RecordKind;
using sitstretch::core::Settings;

namespace {

constexpr int kTraces = 2000;
constexpr int kLines = 200;

Settings settings_for(std::uint32_t seed) {
  Settings s = sitstretch::test::spec_defaults();
  // Short and long intervals alike, and some quiet hours, so every path is taken.
  const std::array<Ms, 3> intervals{Ms{10min}, Ms{45min}, Ms{2h}};
  s.interval = intervals[seed % intervals.size()];
  s.max_snoozes = static_cast<int>(seed % 4);
  if (seed % 5 == 0) s.quiet = {{22 * 60, 6 * 60}};
  return s;
}

// A lower bound for the start of the first bout: its first active or unlocked line.
Ms first_arrival(const std::string& trace) {
  std::size_t first = std::string::npos;
  for (const char* word : {" active\n", " unlocked\n"}) first = std::min(first, trace.find(word));
  if (first == std::string::npos) return Ms{0};
  auto line_start = trace.rfind('\n', first);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  return Ms{static_cast<long long>(std::stod(trace.substr(line_start, first)) * 1000 + 0.5)};
}

void check_invariants(const std::string& trace, const Settings& s,
                      const std::vector<Record>& records) {
  Ms last_t{0};
  Ms arrival = first_arrival(trace);
  Ms reset = arrival;  // the latest instant at which a bout could have begun
  bool away_open = false;
  for (const Record& r : records) {
    INFO(sitstretch::core::to_json(r, sitstretch::core::trace_time_format()));
    CHECK(r.t >= last_t);
    last_t = r.t;
    switch (r.kind) {
      case RecordKind::prompt:
        CHECK(r.sitting >= s.interval);
        CHECK(r.sitting <= r.t - reset);
        break;
      case RecordKind::accepted:
        reset = r.t;
        break;
      case RecordKind::away:
        CHECK_FALSE(away_open);
        CHECK(r.since + s.break_after <= r.t);
        CHECK(r.sitting <= std::max(Ms{0}, r.since - std::min(reset, r.since)));
        away_open = true;
        break;
      case RecordKind::back:
        CHECK(away_open);
        away_open = false;
        reset = r.t;
        break;
      default:
        break;
    }
  }
  auto fold = fold_episodes(records);
  INFO((fold.problems.empty() ? std::string() : fold.problems.front()));
  CHECK(fold.problems.empty());
}

}  // namespace

TEST_CASE("Random traces keep the invariants of the sitting model", "[property]") {
  for (std::uint32_t seed = 1; seed <= kTraces; ++seed) {
    const Settings s = settings_for(seed);
    const std::string trace = sitstretch::test::random_trace(seed, kLines, s);
    INFO("seed " << seed << "\n" << trace);
    const auto records = sitstretch::test::replay_records(trace, s);
    check_invariants(trace, s, records);
  }
}

TEST_CASE("The same trace always gives the same records", "[property]") {
  for (std::uint32_t seed = 1; seed <= 50; ++seed) {
    const Settings s = settings_for(seed);
    const std::string trace = sitstretch::test::random_trace(seed, kLines, s);
    CHECK(sitstretch::test::replay(trace, s) == sitstretch::test::replay(trace, s));
    CHECK(trace == sitstretch::test::random_trace(seed, kLines, s));
  }
}

TEST_CASE("Random traces exercise every kind of record", "[property]") {
  std::set<RecordKind> seen;
  for (std::uint32_t seed = 1; seed <= 200; ++seed) {
    const Settings s = settings_for(seed);
    for (const Record& r :
         sitstretch::test::replay_records(sitstretch::test::random_trace(seed, kLines, s), s)) {
      seen.insert(r.kind);
    }
  }
  CHECK(seen.size() == 11);
}
