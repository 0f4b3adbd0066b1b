// The HTML report's content: self-contained, one bar per day of data in every chart, a timeline
// row per day with each prompt marked by its answer.
#include <catch2/catch.hpp>
#include <regex>

#include "fixture.hpp"
#include "stats/report.hpp"

namespace sitstretch::stats::test {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The text of <section id="id">...</section>.
std::string section(const std::string& html, const std::string& id) {
  const auto start = html.find("<section id=\"" + id + "\">");
  REQUIRE(start != std::string::npos);
  return html.substr(start, html.find("</section>", start) - start);
}

TEST_CASE("The report has one bar per day of data and marks each prompt with its answer") {
  ScopedTimeZone berlin("Europe/Berlin");
  // Three days asked for, two with data.
  const std::string html = report_html(replay_at(kTwoDays, local_midnight("2026-11-24")),
                                       days("2026-11-24", "2026-11-26"), "now");
  for (const char* chart : {"compliance", "longest", "side"}) {
    INFO(chart);
    CHECK(count(section(html, chart), "<rect class=\"bar") == 2);
  }
  // Compliance 50% and 0%: the second day's bar is a real bar of height 1, the side chart has
  // one report on each side.
  CHECK_THAT(section(html, "compliance"), Catch::Contains("2026-11-24: 50% (1 of 2)"));
  CHECK_THAT(section(html, "side"), Catch::Contains("<rect class=\"bar side\""));
  const std::string timeline = section(html, "timeline");
  CHECK(count(timeline, "<text class=\"label\"") == 2);
  CHECK(count(timeline, "class=\"mark accepted\"") == 1);
  CHECK(count(timeline, "class=\"mark postponed\"") == 1);
  CHECK(count(timeline, "class=\"mark skipped\"") == 1);
  CHECK(count(timeline, "class=\"mark ignored\"") == 1);
  CHECK(count(timeline, "class=\"mark dismissed\"") == 1);
  // Four bouts, one of them split at midnight; three breaks.
  CHECK(count(timeline, "<rect class=\"bout\"") == 5);
  CHECK(count(timeline, "<rect class=\"break\"") == 3);
  CHECK_THAT(timeline, Catch::Contains("<title>bout 23:30\u201324:00") ||
                           Catch::Contains("<title>bout 23:30\u201300:00"));
}

TEST_CASE("The report draws each prompt held while busy as a span ending at it, with a legend") {
  ScopedTimeZone berlin("Europe/Berlin");
  const std::string html = report_html(replay_at(kBusyDay, local_midnight("2026-11-24")),
                                       days("2026-11-24", "2026-11-24"), "now");
  const std::string timeline = section(html, "timeline");
  CHECK(count(timeline, "<rect class=\"held\"") == 3);
  CHECK_THAT(timeline, Catch::Contains("<title>prompt held while busy 08:20\u201309:00</title>"));
  CHECK_THAT(timeline, Catch::Contains("<title>prompt held while busy 10:16\u201311:52</title>"));
  CHECK_THAT(timeline, Catch::Contains("<span class=\"held\">"));
  CHECK_THAT(html, Catch::Contains("<td>prompts held while busy</td><td>3 (2:25 h in all)</td>"));
  // A day with no busy draws no held span.
  const std::string plain = report_html(replay_at(kTwoDays, local_midnight("2026-11-24")),
                                        days("2026-11-24", "2026-11-25"), "now");
  CHECK(count(section(plain, "timeline"), "<rect class=\"held\"") == 0);
}

TEST_CASE("The report fetches nothing: no URL, script, font or import of any kind") {
  ScopedTimeZone berlin("Europe/Berlin");
  const std::string html = report_html(replay_at(workdays_trace(10), local_midnight("2026-11-10")),
                                       days("2026-11-10", "2026-11-19"), "now");
  for (const char* banned : {"http:", "https:", "//", "<script", "url(", "@import", "@font-face",
                             "<link", "src=", "href="}) {
    INFO(banned);
    CHECK(html.find(banned) == std::string::npos);
  }
  CHECK(std::regex_search(html, std::regex("prefers-color-scheme: dark")));
  CHECK_THAT(html, Catch::Contains("@media print"));
}

TEST_CASE("A range with no records says so and draws no chart") {
  ScopedTimeZone berlin("Europe/Berlin");
  const std::string html = report_html({}, days("2026-11-24", "2026-11-26"), "now");
  CHECK_THAT(html, Catch::Contains("No records in these days."));
  CHECK(html.find("<svg") == std::string::npos);
}

}  // namespace
}  // namespace sitstretch::stats::test
