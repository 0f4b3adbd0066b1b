#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/record.hpp"
#include "core/settings.hpp"
#include "spec_defaults.hpp"

namespace sitstretch::test {

// Replays a trace (SPEC §5) and returns its records as JSON Lines, one string per record.
// A trace error fails the test.
std::vector<std::string> replay(std::string_view trace, const core::Settings& s = spec_defaults());

// Replays a trace that must stop with an error; returns "LINE: message".
std::string replay_error(std::string_view trace, const core::Settings& s = spec_defaults());

// Replays a trace and returns its records.
std::vector<core::Record> replay_records(std::string_view trace,
                                         const core::Settings& s = spec_defaults());

}  // namespace sitstretch::test
