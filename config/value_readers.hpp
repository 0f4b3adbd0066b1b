#pragma once

// Readers that check one TOML value against what a key allows and store it. Each returns the
// problem instead of storing when the value is not allowed; messages leave out the key name,
// which the caller puts in front.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/toml.hpp"

#include "core/settings.hpp"
#include "core/time.hpp"

namespace sitstretch::config {

struct ValueProblem {
  std::string message;
  toml::source_position where;  // the offending value, or the offending element of a list
};

using MaybeProblem = std::optional<ValueProblem>;

// How a value's type reads in a message: "a string", "a whole number", "a list", ...
std::string_view describe_type(const toml::node& value);

// A quoted duration string within [min, max], e.g. "45m".
MaybeProblem read_duration(const toml::node& value, core::Ms& out, core::Ms min, core::Ms max);

// A whole number within [min, max].
MaybeProblem read_integer(const toml::node& value, int& out, int min, int max);

MaybeProblem read_bool(const toml::node& value, bool& out);

// One of a fixed set of words; the problem lists them and suggests the closest.
MaybeProblem read_word(const toml::node& value, std::string_view& out,
                       std::initializer_list<std::string_view> allowed);

// A list of "HH:MM-HH:MM" strings.
MaybeProblem read_quiet_hours(const toml::node& value, std::vector<core::QuietRange>& out);

// A list of busy reasons: "dnd", "fullscreen", "camera", "user"; the empty list is allowed.
MaybeProblem read_busy_reasons(const toml::node& value, core::BusyReasons& out);

}  // namespace sitstretch::config
