#include <array>
#include <string_view>

#include <catch2/catch.hpp>

#include "config/did_you_mean.hpp"

namespace cfg = sitstretch::config;

TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps") {
  CHECK(cfg::edit_distance("interval", "interval") == 0);
  CHECK(cfg::edit_distance("intervall", "interval") == 1);
  CHECK(cfg::edit_distance("intrval", "interval") == 1);
  CHECK(cfg::edit_distance("interbal", "interval") == 1);
  CHECK(cfg::edit_distance("inetrval", "interval") == 1);
  CHECK(cfg::edit_distance("Interval", "interval") == 0);
  CHECK(cfg::edit_distance("", "abc") == 3);
}

TEST_CASE("closest_match suggests only plausible typos") {
  constexpr std::array<std::string_view, 3> words{"low", "normal", "critical"};
  CHECK(cfg::closest_match("norml", words) == "normal");
  CHECK(cfg::closest_match("critcal", words) == "critical");
  CHECK(cfg::closest_match("lw", words) == "low");
  CHECK(cfg::closest_match("high", words) == std::nullopt);
  CHECK(cfg::closest_match("urgent", words) == std::nullopt);
  // Short words get a single edit; "lox" is one, "lxx" is two.
  CHECK(cfg::closest_match("lox", words) == "low");
  CHECK(cfg::closest_match("lxx", words) == std::nullopt);
}
