#pragma once

#include <functional>
#include <string>

#include "core/record.hpp"

namespace sitstretch::core {

// How instants are written: replay writes trace seconds, the log writes wall-clock time.
struct TimeFormat {
  std::function<std::string(Ms)> instant;  // "t", "since", "until": a JSON value
  std::function<std::string(Ms)> seconds;  // "until_s": a JSON number of seconds
};

// Trace time: both kinds of instant as seconds since the start of the trace ("2700", "12.5").
TimeFormat trace_time_format();

// Seconds as the shortest exact decimal of the milliseconds: 2700000 ms → "2700", 1500 → "1.5".
std::string decimal_seconds(Ms t);

// One JSON object, keys in the order of SPEC §3: "t", "event", then the kind's own keys.
std::string to_json(const Record& r, const TimeFormat& format);

}  // namespace sitstretch::core
