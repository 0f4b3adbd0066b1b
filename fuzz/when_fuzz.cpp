// libFuzzer target: --since/--until points in time (cli/when.hpp), in a time zone with daylight
// saving time. The first 8 bytes choose "now" within years 1970 to 2100; the rest is the text.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string_view>

#include "cli/when.hpp"

namespace {

constexpr std::int64_t kYear2100Ms = 4'102'444'800'000;

int set_time_zone() {
  setenv("TZ", "Europe/Berlin", 1);
  tzset();
  return 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const int once = set_time_zone();
  (void)once;
  std::uint64_t bits = 0;
  const std::size_t head = size < sizeof bits ? size : sizeof bits;
  std::memcpy(&bits, data, head);
  const std::int64_t now = static_cast<std::int64_t>(bits % kYear2100Ms);
  const std::string_view text(reinterpret_cast<const char*>(data + head), size - head);
  auto when = sitstretch::cli::parse_when(text, now);
  // "today" and "yesterday" are local midnights at or before now, at most two days back.
  if ((text == "today" || text == "yesterday") &&
      (!when || *when > now || *when < now - 50 * 3'600'000)) {
    std::abort();
  }
  return 0;
}
