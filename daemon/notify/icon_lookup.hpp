#pragma once

#include <string>

namespace sitstretch::notify {

// The icon fallback when no installed theme has the requested icon: a standard Icon Naming Spec
// status icon ("an appointment is coming up soon") that Adwaita and most themes ship.
inline constexpr const char* kFallbackIcon = "appointment-soon";

// Returns `icon` if it is an existing absolute path or a name some installed icon theme (or
// pixmaps directory) provides under $XDG_DATA_HOME / $XDG_DATA_DIRS; kFallbackIcon otherwise.
// Looks at the file system once per name (results are cached); runs on the loop thread.
std::string resolve_icon(const std::string& icon);

}  // namespace sitstretch::notify
