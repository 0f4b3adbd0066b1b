// libFuzzer target: durations as the configuration and the CLI write them ("1h30m").

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/duration_text.hpp"

namespace core = sitstretch::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto d = core::parse_duration(text);
  if (!d) return 0;
  if (*d < core::Ms{}) std::abort();
  // Whole seconds always: what format_duration writes reads back as the same duration.
  if (core::parse_duration(core::format_duration(*d)) != d) std::abort();
  (void)core::describe_duration(*d);
  return 0;
}
