#pragma once

// A read-only look at the compliance log for `sitstretch doctor`: it never creates, migrates or
// moves the file, so it is safe while the daemon writes.

#include <filesystem>
#include <string>

namespace sitstretch::store {

struct LogCheck {
  int schema_version = 0;  // PRAGMA user_version
  std::string integrity;   // "ok", or PRAGMA integrity_check's first problems, "; "-joined
  std::string error;       // why the file could not be opened or read; then nothing else is set
};

// Opens `file` (which must exist) read-only and runs PRAGMA integrity_check, which reads every
// page: a second or so for a log of many years.
LogCheck check_log(const std::filesystem::path& file);

}  // namespace sitstretch::store
