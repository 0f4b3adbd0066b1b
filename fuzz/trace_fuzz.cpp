// libFuzzer target: the trace parser (SPEC §5) and the replay of a whole trace through the
// sitting model under the default settings, as `sitstretch replay` runs one.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>
#include <vector>

#include "config/config.hpp"
#include "core/record.hpp"
#include "core/trace.hpp"

namespace core = sitstretch::core;

namespace {
constexpr core::Ms kLongest = std::chrono::hours(24 * 100);
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  core::Replay replay(sitstretch::config::defaults().model);
  std::vector<core::Record> records;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    const std::string_view line = text.substr(0, newline);
    text = newline == text.npos ? std::string_view() : text.substr(newline + 1);
    // The model writes a record for every prompt a trace implies, so replay time grows with the
    // time a trace spans (three years of sitting: a second and 225 000 prompts). Inputs that
    // span more than a hundred days only take time, and are cut there.
    const core::TraceLine parsed = core::parse_trace_line(line);
    const auto* event = std::get_if<core::TraceEvent>(&parsed);
    if (event && event->at > kLongest) break;
    if (replay.feed(line, records)) break;  // an error stops a replay
  }
  // The model writes its records in time order, whatever the trace.
  for (std::size_t i = 1; i < records.size(); ++i) {
    if (records[i].t < records[i - 1].t) std::abort();
  }
  return 0;
}
