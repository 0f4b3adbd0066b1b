#include <cmath>
#include <initializer_list>
#include <string_view>

#include "stats/day_stats.hpp"
#include "stats/report.hpp"
#include "stats/report_parts.hpp"
#include "stats/stats_format.hpp"

namespace sitstretch::stats {
namespace {

// Colours are CSS variables so one stylesheet serves light, dark and print. Only local system
// fonts; nothing is fetched.
constexpr const char* kStyle = R"css(
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1d2327; --muted: #646970;
  --grid: #dcdcde; --bout: #3873b5; --break: #9fc5a8; --accepted: #1a7f37; --postponed: #bf8700;
  --skipped: #cf222e; --dismissed: #8250df; --ignored: #8c959f; --open: #57606a; --own: #0a7ea4;
  --held: #8e44ad; --empty: #dcdcde; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #16181d; --fg: #e6e6e6; --muted: #a0a4aa; --grid: #33373e; --bout: #6ea8ff;
    --break: #3f7d53; --accepted: #3fb950; --postponed: #d29922; --skipped: #f85149;
    --dismissed: #bc8cff; --ignored: #8b949e; --open: #c9d1d9; --own: #39c5cf; --held: #c39bd3;
    --empty: #33373e; }
}
@media print {
  :root { --bg: #ffffff; --fg: #000000; --muted: #444444; --grid: #cccccc; }
  section { break-inside: avoid; }
}
body { background: var(--bg); color: var(--fg); font: 14px/1.4 system-ui, sans-serif;
  margin: 1.5em; max-width: 1080px; }
h1 { font-size: 1.4em; margin: 0 0 .2em; } h2 { font-size: 1.1em; margin: 1.4em 0 .4em; }
p.meta, .legend { color: var(--muted); }
svg { width: 100%; height: auto; display: block; }
svg text { fill: var(--fg); font-size: 11px; } svg text.axis { fill: var(--muted); }
.grid { stroke: var(--grid); stroke-width: 1; }
.bout { fill: var(--bout); } .break { fill: var(--break); } .held { fill: var(--held); }
.mark { stroke: var(--bg); stroke-width: 1; }
.accepted, .bar.compliance { fill: var(--accepted); } .postponed { fill: var(--postponed); }
.skipped { fill: var(--skipped); } .dismissed { fill: var(--dismissed); }
.ignored { fill: var(--ignored); } .open { fill: var(--open); } .own { fill: var(--own); }
.bar.longest { fill: var(--bout); } .bar.side { fill: var(--postponed); }
.bar.empty { fill: var(--empty); }
.legend span::before { content: "\25CF "; } .legend .bout::before, .legend .break::before,
  .legend .held::before { content: "\25A0 "; }
.legend span { margin-right: 1em; background: none; }
.legend .bout { color: var(--bout); } .legend .break { color: var(--break); }
.legend .accepted { color: var(--accepted); } .legend .postponed { color: var(--postponed); }
.legend .skipped { color: var(--skipped); } .legend .dismissed { color: var(--dismissed); }
.legend .ignored { color: var(--ignored); } .legend .break-answer { color: var(--break); }
.legend .own { color: var(--own); } .legend .held { color: var(--held); }
table { border-collapse: collapse; } td, th { padding: .15em .8em .15em 0; text-align: right; }
th:first-child, td:first-child { text-align: left; }
)css";

constexpr const char* kLegend =
    "<p class=\"legend\"><span class=\"bout\">sitting</span><span class=\"break\">break</span>"
    "<span class=\"held\">prompt held while busy (bar under the bout)</span>"
    "prompt answered: <span class=\"accepted\">accepted</span><span "
    "class=\"postponed\">postponed</span><span class=\"skipped\">skipped</span><span "
    "class=\"dismissed\">dismissed</span><span class=\"ignored\">ignored</span><span "
    "class=\"break-answer\">by a break</span><span class=\"own\">own stretch</span></p>";

std::string percent(const std::optional<double>& rate) {
  return rate ? std::to_string(std::lround(*rate * 100)) + "%" : "\u2013";
}

std::string totals_table(const DayStats& t, std::size_t days) {
  auto row = [](const std::string& what, const std::string& value) {
    return "<tr><td>" + what + "</td><td>" + value + "</td></tr>";
  };
  return "<table>" + row("days with data", std::to_string(days)) +
         row("sitting", hours_minutes(t.sitting) + " h in " + std::to_string(t.bouts) + " bouts") +
         row("longest bout", hours_minutes(t.longest_bout) + " h") +
         row("break prompts", std::to_string(t.break_prompts) + " (+" +
                                  std::to_string(t.repeated_prompts) + " repeated)") +
         row("accepted / postponed / skipped / dismissed / ignored",
             std::to_string(t.accepted) + " / " + std::to_string(t.postponed) + " / " +
                 std::to_string(t.skipped) + " / " + std::to_string(t.dismissed) + " / " +
                 std::to_string(t.ignored)) +
         row("prompts held while busy",
             std::to_string(t.held_prompts) + " (" + hours_minutes(t.held) + " h in all)") +
         row("breaks: natural / after a prompt",
             std::to_string(t.natural_breaks) + " / " + std::to_string(t.prompted_breaks)) +
         row("compliance", percent(t.compliance()) + " (" + std::to_string(t.complied) + " of " +
                               std::to_string(t.resolved) + ")") +
         row("tighter side: left / right / even", std::to_string(t.tighter_left) + " / " +
                                                      std::to_string(t.tighter_right) + " / " +
                                                      std::to_string(t.tighter_even)) +
         "</table>";
}

// Appends in place: the timeline of a long range is megabytes, and every copy of it costs.
void add_section(std::string& html, const char* id, const char* title,
                 std::initializer_list<std::string_view> body) {
  html += "<section id=\"";
  html += id;
  html += "\"><h2>";
  html += title;
  html += "</h2>";
  for (std::string_view part : body) html += part;
  html += "</section>";
}

}  // namespace

std::string report_html(const std::vector<core::Record>& records, const std::vector<LocalDay>& days,
                        const std::string& generated_at) {
  const Summary summary = summarize(records, days);
  std::vector<DayStats> data;
  std::vector<LocalDay> data_days;
  for (std::size_t i = 0; i < days.size(); ++i) {
    if (!summary.days[i].has_data()) continue;
    data.push_back(summary.days[i]);
    data_days.push_back(days[i]);
  }
  const std::string range =
      days.empty() ? std::string() : days.front().date + " to " + days.back().date;
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">";
  html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  html += "<title>sitstretch report " + range + "</title><style>" + kStyle + "</style></head>";
  html += "<body><h1>Sitting and stretching, " + range + "</h1><p class=\"meta\">Generated " +
          generated_at + " by sitstretch. Days are local calendar days.</p>";
  html += totals_table(summary.total, data.size());
  if (data.empty()) return html + "<p>No records in these days.</p></body></html>\n";
  const std::string timeline = timeline_svg(records, data_days);
  const std::string charts[] = {compliance_chart(data), longest_bout_chart(data), side_chart(data)};
  html.reserve(html.size() + timeline.size() + charts[0].size() + charts[1].size() +
               charts[2].size() + 4096);
  add_section(html, "timeline", "Timeline", {kLegend, timeline});
  add_section(html, "compliance", "Compliance per day", {charts[0]});
  add_section(html, "longest", "Longest bout per day", {charts[1]});
  add_section(html, "side", "Tighter side (up: right, down: left)", {charts[2]});
  html += "</body></html>\n";
  return html;
}

}  // namespace sitstretch::stats
