#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <system_error>

#include "config/config.hpp"

namespace sitstretch::config {
namespace {

// Reads a whole file, or says why it cannot (in the words of strerror, e.g. "No such file or
// directory"). stdio rather than iostreams because it reliably leaves the reason in errno.
std::variant<std::string, ConfigError> read_file(const std::filesystem::path& file) {
  auto fail = [&file] {
    return ConfigError{file.string(), 0, 0, std::string("cannot read: ") + std::strerror(errno)};
  };
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> stream(std::fopen(file.c_str(), "rb"),
                                                         &std::fclose);
  if (!stream) return fail();
  std::string text;
  char buffer[4096];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, stream.get())) > 0) text.append(buffer, got);
  if (std::ferror(stream.get())) return fail();  // e.g. EISDIR: fopen accepts a directory
  return text;
}

}  // namespace

Result load_file(const std::filesystem::path& file, const Config& base) {
  auto text = read_file(file);
  if (auto* error = std::get_if<ConfigError>(&text)) return *error;
  return parse(std::get<std::string>(text), file.string(), base);
}

Result load(const std::optional<std::filesystem::path>& explicit_file, const Environment& env) {
  if (explicit_file) return load_file(*explicit_file, defaults());
  Config current = defaults();
  for (const std::filesystem::path& file : config_paths(env)) {
    std::error_code status_error;
    // Only a file that is plainly absent is skipped; one we cannot even stat is reported.
    if (!std::filesystem::exists(file, status_error) && !status_error) continue;
    Result layered = load_file(file, current);
    if (std::holds_alternative<ConfigError>(layered)) return layered;
    current = std::get<Config>(std::move(layered));
  }
  return current;
}

}  // namespace sitstretch::config
