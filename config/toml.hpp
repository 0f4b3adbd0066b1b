#pragma once

// toml++ for the configuration layer; include this rather than <toml++/toml.h>.
//
// toml++ 3.3 (Debian 12) asserts a precondition in its key parser that malformed table headers
// such as "[}x]" or "[[[1]]]" break (fixed upstream in marzer/tomlplusplus#301). Past the
// assertion the parser reports an ordinary parse error, so the assertion is turned off: without
// NDEBUG a typo in the user's file would otherwise abort the daemon (found by fuzz/config_fuzz).
#ifndef TOML_ASSERT
#define TOML_ASSERT(expr) static_assert(true)
#endif
#include <toml++/toml.h>
