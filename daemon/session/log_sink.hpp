#pragma once

#include <cstdio>
#include <functional>
#include <string_view>

namespace sitstretch::session {

// Where the session layer writes its one-line diagnostics (no prefix, no newline). Tests pass
// their own to count lines; the daemon uses log_to_stderr until logging is unified.
using LogSink = std::function<void(std::string_view line)>;

inline void log_to_stderr(std::string_view line) {
  std::fprintf(stderr, "sitstretchd: %.*s\n", static_cast<int>(line.size()), line.data());
}

}  // namespace sitstretch::session
