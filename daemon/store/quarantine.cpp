#include "store/quarantine.hpp"

#include <cstdio>
#include <system_error>

namespace sitstretch::store {
namespace {

namespace fs = std::filesystem;

constexpr const char* kCompanions[] = {"-wal", "-shm", "-journal"};

std::string stamp(std::time_t now) {
  std::tm local{};
  localtime_r(&now, &local);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%S", &local);
  return buffer;
}

bool taken(const fs::path& p) {
  std::error_code ec;
  if (fs::symlink_status(p, ec).type() != fs::file_type::not_found) return true;
  for (const char* suffix : kCompanions) {
    if (fs::symlink_status(p.string() + suffix, ec).type() != fs::file_type::not_found) {
      return true;
    }
  }
  return false;
}

fs::path free_name(const fs::path& file, std::time_t now) {
  const std::string base = file.string() + ".corrupt-" + stamp(now);
  fs::path candidate = base;
  for (int n = 2; taken(candidate); ++n) candidate = base + "-" + std::to_string(n);
  return candidate;
}

}  // namespace

std::variant<fs::path, std::string> move_aside(const fs::path& file, std::time_t now) {
  const fs::path target = free_name(file, now);
  std::error_code ec;
  // rename(2) within one directory: atomic, and the bytes stay exactly as they were.
  fs::rename(file, target, ec);
  if (ec) return "cannot move " + file.string() + " aside: " + ec.message();
  for (const char* suffix : kCompanions) {
    const fs::path companion = file.string() + suffix;
    if (fs::symlink_status(companion, ec).type() == fs::file_type::not_found) continue;
    fs::rename(companion, target.string() + suffix, ec);
    if (ec) {
      return "moved " + file.string() + " to " + target.string() + " but cannot move " +
             companion.string() + ": " + ec.message();
    }
  }
  return target;
}

}  // namespace sitstretch::store
