#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <system_error>

#include "config/config.hpp"
#include "config/policy.hpp"

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

// Reads one file of the given role over the layers below, whose locks it keeps.
std::variant<Layer, ConfigError> read_layer(const std::filesystem::path& file, const Layer& below,
                                            FileRole role) {
  auto text = read_file(file);
  if (auto* error = std::get_if<ConfigError>(&text)) return *error;
  return parse_layer(std::get<std::string>(text), file.string(), below.config, role, below.locks);
}

LoadResult loaded(std::variant<Layer, ConfigError> layer) {
  if (auto* error = std::get_if<ConfigError>(&layer)) return *error;
  Layer& last = std::get<Layer>(layer);
  return Loaded{std::move(last.config), std::move(last.warnings), std::move(last.locks)};
}

}  // namespace

Result load_file(const std::filesystem::path& file, const Config& base) {
  auto text = read_file(file);
  if (auto* error = std::get_if<ConfigError>(&text)) return *error;
  return parse(std::get<std::string>(text), file.string(), base);
}

LoadResult load_with_warnings(const std::optional<std::filesystem::path>& explicit_file,
                              const Environment& env) {
  // --config FILE is the user's own file, read without the system files or their locks.
  if (explicit_file) {
    return loaded(read_layer(*explicit_file, Layer{defaults(), {}, {}}, FileRole::user));
  }
  const std::optional<std::filesystem::path> user = user_config_path(env);
  Layer current{defaults(), {}, {}};
  for (const std::filesystem::path& file : config_paths(env)) {
    std::error_code status_error;
    // Only a file that is plainly absent is skipped; one we cannot even stat is reported.
    if (!std::filesystem::exists(file, status_error) && !status_error) continue;
    const FileRole role = (user && file == *user) ? FileRole::user : FileRole::system;
    auto layered = read_layer(file, current, role);
    if (std::holds_alternative<ConfigError>(layered)) return loaded(std::move(layered));
    current = std::get<Layer>(std::move(layered));
  }
  return Loaded{std::move(current.config), std::move(current.warnings), std::move(current.locks)};
}

Result load(const std::optional<std::filesystem::path>& explicit_file, const Environment& env) {
  LoadResult result = load_with_warnings(explicit_file, env);
  if (auto* error = std::get_if<ConfigError>(&result)) return *error;
  return std::get<Loaded>(std::move(result)).config;
}

}  // namespace sitstretch::config
