// Random traces, seeded and reproducible, checked against invariants of SPEC §2.
#include <catch2/catch.hpp>
#include <set>
#include <sstream>

#include "core/episodes.hpp"
#include "core/record_json.hpp"
#include "scenario.hpp"
#include "trace_generator.hpp"

using namespace std::chrono_literals;
using sitstretch::core::BusyReason;
using sitstretch::core::BusyReasons;
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
  // Busy: every reason or only some, and a max_defer shorter or longer than the interval.
  const std::array<Ms, 3> defers{Ms{1min}, Ms{20min}, Ms{1h}};
  s.max_defer = defers[seed % defers.size()];
  if (seed % 3 == 1) {
    s.busy_when = {};
    s.busy_when.add(BusyReason::dnd);
    s.busy_when.add(BusyReason::user);
  }
  return s;
}

// Trace times of the lines with the given word: where a lock or sleep let a held prompt go.
std::vector<Ms> times_of(const std::string& trace, const std::string& word) {
  std::vector<Ms> out;
  std::istringstream lines(trace);
  std::string at;
  std::string w;
  std::string rest;
  while (lines >> at >> w) {
    std::getline(lines, rest);
    if (w == word) out.push_back(Ms{static_cast<long long>(std::stod(at) * 1000 + 0.5)});
  }
  return out;
}

// Rule 9 over the records alone: busy and free of one reason alternate, only reasons of
// busy.when appear, and a prompt fires while busy only once max_defer has passed since busy
// began, or after a lock or sleep that held it ended inside the busy spell (max_defer counts
// from when the prompt fell due, which may be before busy began).
class BusyCheck {
 public:
  BusyCheck(const std::string& trace, const Settings& s) : s_(s) {
    releases_ = times_of(trace, "unlocked");
    for (Ms t : times_of(trace, "wake")) releases_.push_back(t);
  }

  void take(const Record& r) {
    if (r.kind == RecordKind::busy || r.kind == RecordKind::free) {
      CHECK(s_.busy_when.has(r.reason));
      const bool begins = r.kind == RecordKind::busy;
      CHECK(held_.has(r.reason) != begins);
      if (begins && !held_.any()) spell_start_ = r.t;
      begins ? held_.add(r.reason) : held_.remove(r.reason);
    } else if (r.kind == RecordKind::prompt && held_.any()) {
      const bool released = std::any_of(releases_.begin(), releases_.end(),
                                        [&](Ms t) { return t >= spell_start_ && t <= r.t; });
      CHECK((r.t - spell_start_ >= s_.max_defer || released));
    }
  }

 private:
  const Settings& s_;
  std::vector<Ms> releases_;
  BusyReasons held_;
  Ms spell_start_{};
};

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
  BusyCheck busy(trace, s);
  for (const Record& r : records) {
    INFO(sitstretch::core::to_json(r, sitstretch::core::trace_time_format()));
    busy.take(r);
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
  CHECK(seen.size() == 13);
}

namespace {

// The trace without the lines of the given words.
std::string without(const std::string& trace, const std::set<std::string>& words) {
  std::istringstream lines(trace);
  std::string out;
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string at;
    std::string word;
    fields >> at >> word;
    if (!words.contains(word)) out += line + "\n";
  }
  return out;
}

// The breaks of a replay: away and back with their times, which only presence decides.
std::vector<std::string> breaks(const std::vector<Record>& records) {
  std::vector<std::string> out;
  for (const Record& r : records) {
    if (r.kind != RecordKind::away && r.kind != RecordKind::back) continue;
    out.push_back(std::to_string(r.t.count()) + " " + std::to_string(r.since.count()) + " " +
                  std::to_string(r.sitting.count()) + " " + std::to_string(r.away.count()));
  }
  return out;
}

}  // namespace

TEST_CASE("Random traces: busy changes neither presence nor sitting time", "[property]") {
  // Without answers (done would move bouts), the breaks are the same with and without busy.
  for (std::uint32_t seed = 1; seed <= 300; ++seed) {
    const Settings s = settings_for(seed);
    const std::string trace = without(sitstretch::test::random_trace(seed, kLines, s),
                                      {"done", "snooze", "skip", "dismiss"});
    INFO("seed " << seed << "\n" << trace);
    const auto with_busy = sitstretch::test::replay_records(trace, s);
    const auto no_busy = sitstretch::test::replay_records(without(trace, {"busy", "free"}), s);
    CHECK(breaks(with_busy) == breaks(no_busy));
  }
}
