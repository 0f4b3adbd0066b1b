#pragma once

#include <string>
#include <vector>

#include "core/record.hpp"
#include "stats/local_day.hpp"

namespace sitstretch::stats {

// `sitstretch report`: one self-contained HTML page (inline CSS and SVG; no script, no font, no
// URL of any kind) with, for each day of data in `days`: a timeline of sitting bouts, breaks and
// prompts with their answers; compliance; the longest bout; and the tighter-side trend. Readable
// in light and dark colour schemes and in print. Records are UTC, in time order, and may start
// before the first day (see summarize()). `generated_at` is shown as is.
std::string report_html(const std::vector<core::Record>& utc_records,
                        const std::vector<LocalDay>& days, const std::string& generated_at);

}  // namespace sitstretch::stats
