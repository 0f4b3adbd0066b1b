#pragma once

// Reading a system file's `locked` list; internal to the configuration layer (it sees toml++).

#include <string>
#include <string_view>
#include <vector>

#include "config/policy.hpp"
#include "config/toml.hpp"
#include "config/value_readers.hpp"

namespace sitstretch::config {

// Appends the keys of a `locked = ["section.key", ...]` value to out (a key locked twice keeps
// its first lock) and returns the problems: not a list of strings, or an unknown key (with a
// did-you-mean).
std::vector<ValueProblem> read_locked(const toml::node& value, std::string_view file,
                                      std::vector<Lock>& out);

// The error for `locked` in the user's own file.
std::string locked_in_user_file();

}  // namespace sitstretch::config
