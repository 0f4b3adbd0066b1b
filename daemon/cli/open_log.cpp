#include "cli/open_log.hpp"

#include <cstdlib>
#include <filesystem>

namespace sitstretch::cli {

std::variant<std::unique_ptr<store::Store>, std::string> open_log() {
  const auto path = store::default_path(std::getenv);
  if (path.empty() || !std::filesystem::exists(path)) {
    return std::unique_ptr<store::Store>();  // nothing logged yet
  }
  return store::Store::open(path, store::Store::IfDamaged::refuse);
}

}  // namespace sitstretch::cli
