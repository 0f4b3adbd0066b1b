#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitstretch::test {

struct CommandResult {
  int exit_code = -1;  // -1 when the command did not exit normally
  std::string out;
  std::string err;
};

// Runs a command to completion with the given standard input and extra environment entries
// ("NAME=value"), capturing its output.
CommandResult run_command(const std::vector<std::string>& argv, const std::string& input = "",
                          const std::vector<std::string>& env = {});

// The path of a fresh, empty temporary directory, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  // path()/relative, for code that works in std::filesystem paths.
  std::filesystem::path file(const std::filesystem::path& relative) const;
  // Writes a file below the directory, creating the directories on the way, and returns its path.
  std::string write(const std::string& name, std::string_view content) const;

 private:
  std::string path_;
};

// Sets TZ for the scope, restoring the previous value (or its absence) afterwards.
class ScopedTimeZone {
 public:
  explicit ScopedTimeZone(const char* zone);
  ~ScopedTimeZone();
  ScopedTimeZone(const ScopedTimeZone&) = delete;
  ScopedTimeZone& operator=(const ScopedTimeZone&) = delete;

 private:
  std::optional<std::string> old_;
};

}  // namespace sitstretch::test
