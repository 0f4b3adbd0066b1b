// libFuzzer target: the configuration parser and validator, and an administrator's `locked`
// list. The input is one TOML file; a NUL byte in it splits a system file (which may lock keys)
// from the user's file laid over it.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "config/config.hpp"
#include "config/policy.hpp"

namespace cfg = sitstretch::config;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const cfg::Config& base = cfg::defaults();
  const cfg::Result alone = cfg::parse(text, "user.toml", base);
  if (const auto* error = std::get_if<cfg::ConfigError>(&alone)) (void)error->to_string();

  const std::size_t cut = text.find('\0');
  const std::string_view system = cut == text.npos ? text : text.substr(0, cut);
  const std::string_view user = cut == text.npos ? text : text.substr(cut + 1);
  auto below =
      cfg::parse_layer(system, "/etc/xdg/sitstretch/config.toml", base, cfg::FileRole::system, {});
  const auto* layer = std::get_if<cfg::Layer>(&below);
  if (!layer) return 0;
  for (const cfg::Lock& lock : layer->locks) (void)lock.place();
  auto over = cfg::parse_layer(user, "user.toml", layer->config, cfg::FileRole::user, layer->locks);
  const auto* mine = std::get_if<cfg::Layer>(&over);
  if (!mine) return 0;
  for (const auto& warning : mine->warnings) (void)warning.to_string();
  // Locks only hold settings back: where none was held back, the user's file reads the same
  // with or without them.
  if (mine->warnings.empty()) {
    auto free = cfg::parse_layer(user, "user.toml", layer->config, cfg::FileRole::user, {});
    const auto* unlocked = std::get_if<cfg::Layer>(&free);
    if (!unlocked || !(unlocked->config == mine->config)) std::abort();
  }
  return 0;
}
