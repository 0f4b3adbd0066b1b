// stats_bench_fill LOG DAYS: fills a compliance log with DAYS days of dense, valid records ending
// today (local time), for packaging/bench/stats.sh. The records come from the sitting model
// replaying a generated trace with short settings, so prompts, answers and breaks are frequent.
#include <cstdio>
#include <ctime>
#include <random>
#include <string>

#include "core/trace.hpp"
#include "stats/local_day.hpp"
#include "store/store.hpp"
#include "store/utc.hpp"

namespace {

using namespace std::chrono_literals;
using sitstretch::core::Ms;

sitstretch::core::Settings dense_settings() {
  sitstretch::core::Settings s;
  s.interval = 4min;
  s.break_after = 1min;
  s.snooze = 2min;
  s.max_snoozes = 2;
  s.answer_within = 30s;
  s.repeat_after = 1min;
  s.hold = 30s;
  return s;
}

// One day, 07:00 to 23:00: sitting spells of 1 to 12 minutes, answers now and then, short and
// long absences, a side report a few times a day.
void day_trace(long day, std::mt19937& random, std::vector<std::string>& lines) {
  std::uniform_int_distribution<int> spell(60, 720), gap(5, 400), pick(0, 9);
  long t = day * 86400 + 7 * 3600;
  const long end = day * 86400 + 23 * 3600;
  const char* const kAnswers[] = {"done", "snooze", "skip", "dismiss", "side left", "side right"};
  while (t < end) {
    lines.push_back(std::to_string(t) + " active");
    t += spell(random);
    if (const int p = pick(random); p < 6) lines.push_back(std::to_string(t) + " " + kAnswers[p]);
    lines.push_back(std::to_string(t) + " idle");
    t += gap(random);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: stats_bench_fill LOG DAYS\n");
    return 2;
  }
  const int days = std::stoi(argv[2]);
  const auto range = sitstretch::stats::last_days(Ms(std::time(nullptr) * 1000LL), days);
  std::mt19937 random(42);
  std::vector<std::string> lines;
  for (long d = 0; d < days; ++d) day_trace(d, random, lines);
  sitstretch::core::Replay replay(dense_settings());
  std::vector<sitstretch::core::Record> records;
  for (const std::string& line : lines) {
    std::vector<sitstretch::core::Record> out;
    // An answer the model would refuse (nothing pending) is simply left out of the trace.
    sitstretch::core::Replay copy = replay;
    if (copy.feed(line, out)) continue;
    replay = std::move(copy);
    records.insert(records.end(), out.begin(), out.end());
  }
  replay.feed(std::to_string(days * 86400L) + " end", records);
  for (auto& r : records) r = sitstretch::store::to_utc(r, range.front().start);

  auto opened = sitstretch::store::Store::open(argv[1]);
  if (auto* error = std::get_if<std::string>(&opened)) {
    std::fprintf(stderr, "%s\n", error->c_str());
    return 1;
  }
  if (!std::get<0>(opened)->append_all(records)) return 1;
  std::printf("%zu\n", records.size());
  return 0;
}
