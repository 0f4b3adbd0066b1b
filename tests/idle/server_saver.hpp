#pragma once

#include <string>

namespace sitstretch::idle::test {

// The X server's own screen saver, set and read through a short-lived Xlib connection. Kept
// apart from the Catch2 files because Xlib's macros (None, Always, ...) break catch.hpp.

// Sets the saver's timeout, as `xset s SECONDS` would. Returns false if the display is gone.
bool set_server_saver(const std::string& display_name, int seconds);

// Whether the server's screen saver is on right now.
bool server_saver_on(const std::string& display_name);

}  // namespace sitstretch::idle::test
