#pragma once

#include "core/time.hpp"

namespace sitstretch::app {

// What to add to a boot-time instant to get UTC milliseconds since the Unix epoch, as of now.
// It changes when the wall clock is set, never the other way round.
core::Ms utc_minus_boot();

// What to add to a boot-time instant to get local wall time (UTC + the zone's offset now),
// for quiet hours.
core::Ms local_minus_boot();

}  // namespace sitstretch::app
