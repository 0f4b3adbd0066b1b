#include "trace_generator.hpp"

#include <array>
#include <random>
#include <vector>

#include "core/record_json.hpp"
#include "core/trace.hpp"

namespace sitstretch::test {
namespace {

constexpr std::array<const char*, 20> kWords{"active", "active",   "active",  "idle",  "idle",
                                             "locked", "unlocked", "sleep",   "wake",  "done",
                                             "snooze", "skip",     "dismiss", "pause", "resume",
                                             "side",   "busy",     "busy",    "free",  "free"};

std::string argument(const std::string& word, std::mt19937& rng) {
  if (word == "pause") {
    const std::array<const char*, 4> durations{"", " 10m", " 30m", " 1h30m"};
    return durations[rng() % durations.size()];
  }
  if (word == "side") {
    const std::array<const char*, 3> sides{" left", " right", " even"};
    return sides[rng() % sides.size()];
  }
  if (word == "busy" || word == "free") {
    const std::array<const char*, 4> reasons{" dnd", " fullscreen", " camera", " user"};
    return reasons[rng() % reasons.size()];
  }
  return "";
}

// Gaps mostly of seconds to minutes, now and then hours, sometimes none at all.
long long gap_ms(std::mt19937& rng) {
  switch (rng() % 8) {
    case 0:
      return 0;
    case 1:
      return std::uniform_int_distribution<long long>(1, 999)(rng);
    case 2:
    case 3:
      return std::uniform_int_distribution<long long>(1'000, 120'000)(rng);
    case 4:
    case 5:
      return std::uniform_int_distribution<long long>(120'000, 900'000)(rng);
    case 6:
      return std::uniform_int_distribution<long long>(900'000, 3'600'000)(rng);
    default:
      return std::uniform_int_distribution<long long>(3'600'000, 5 * 3'600'000)(rng);
  }
}

}  // namespace

std::string random_trace(std::uint32_t seed, int lines, const core::Settings& settings) {
  std::mt19937 rng(seed);
  core::Replay probe(settings);  // keeps only the lines the model takes
  std::vector<core::Record> ignored;
  std::string trace;
  long long t = 0;
  for (int i = 0; i < lines; ++i) {
    t += gap_ms(rng);
    const std::string word = kWords[rng() % kWords.size()];
    const std::string line = core::decimal_seconds(core::Ms{t}) + " " + word + argument(word, rng);
    if (probe.feed(line, ignored)) continue;
    trace += line + "\n";
  }
  trace += core::decimal_seconds(core::Ms{t + gap_ms(rng)}) + " end\n";
  return trace;
}

}  // namespace sitstretch::test
