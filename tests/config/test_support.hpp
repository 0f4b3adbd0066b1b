#pragma once

#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "config/config.hpp"

namespace sitstretch::config::test {

// Parses text as "config.toml" over the defaults and insists that it is accepted.
inline Config accept(std::string_view text, const Config& base = defaults()) {
  Result result = parse(text, "config.toml", base);
  if (const auto* error = std::get_if<ConfigError>(&result)) FAIL(error->to_string());
  return std::get<Config>(result);
}

// Parses text as "config.toml" over the defaults and returns the error line it is refused with.
inline std::string refuse(std::string_view text) {
  Result result = parse(text, "config.toml", defaults());
  if (std::holds_alternative<Config>(result)) FAIL("accepted:\n" << text);
  return std::get<ConfigError>(result).to_string();
}

}  // namespace sitstretch::config::test
