#pragma once

#include <string>

#include "core/settings.hpp"

namespace sitstretch::store {

// The sitting model's settings as a configuration file (SPEC §4) that sets every key the model
// reads, so that `sitstretch replay --config` of it runs the same model. Kept with each daemon
// start and reload in the log. Pure.
std::string settings_toml(const core::Settings& settings);

}  // namespace sitstretch::store
