// The report's bar charts: one bar per day, with a <title> giving the exact figure.
#include <algorithm>
#include <cmath>
#include <functional>

#include "stats/report_parts.hpp"
#include "stats/stats_format.hpp"

namespace sitstretch::stats {
namespace {

constexpr double kLeft = 44;     // room for the scale
constexpr double kWidth = 900;   // all bars
constexpr double kHeight = 120;  // the tallest bar
constexpr double kTop = 8;

// A bar's value: a height from 0 to 1 (or, for a two-sided chart, -1 to 1), and its caption;
// nothing when the day has no value.
struct Bar {
  std::optional<double> value;
  std::string caption;
};

std::string scale_label(double y, const std::string& text) {
  return "<text class=\"axis\" x=\"" + coord(kLeft - 4) + "\" y=\"" + coord(y + 4) +
         "\" text-anchor=\"end\">" + text + "</text><line class=\"grid\" x1=\"" + coord(kLeft) +
         "\" y1=\"" + coord(y) + "\" x2=\"" + coord(kLeft + kWidth) + "\" y2=\"" + coord(y) +
         "\"/>";
}

// Bars grow up from the zero line (or down, for negative values of a two-sided chart).
std::string bars_svg(const char* name, const std::vector<DayStats>& days,
                     const std::function<Bar(const DayStats&)>& bar, bool two_sided,
                     const std::string& top_label, const std::string& bottom_label) {
  const double n = static_cast<double>(std::max<std::size_t>(days.size(), 1));
  const double step = kWidth / n;
  const double gap = step > 6 ? step * 0.2 : 0;
  const double zero = kTop + (two_sided ? kHeight / 2 : kHeight);
  const double scale = two_sided ? kHeight / 2 : kHeight;
  const double label_every = std::ceil(n / 12);
  std::string out = "<svg class=\"chart " + std::string(name) + "\" role=\"img\" viewBox=\"0 0 " +
                    coord(kLeft + kWidth + 8) + " " + coord(kHeight + kTop + 24) + "\">";
  out += scale_label(kTop, top_label) + scale_label(kTop + kHeight, bottom_label);
  for (std::size_t i = 0; i < days.size(); ++i) {
    const Bar b = bar(days[i]);
    const double x = kLeft + step * static_cast<double>(i) + gap / 2;
    const double v = b.value.value_or(0);
    const double h = std::max(b.value ? 1.0 : 0.0, std::abs(v) * scale);
    const double y = v >= 0 ? zero - h : zero;
    out += "<rect class=\"bar " + std::string(b.value ? name : "empty") + "\" x=\"" + coord(x) +
           "\" y=\"" + coord(y) + "\" width=\"" + coord(std::max(1.0, step - gap)) +
           "\" height=\"" + coord(h) + "\"><title>" + days[i].date + ": " + b.caption +
           "</title></rect>";
    if (static_cast<double>(i) / label_every == std::floor(static_cast<double>(i) / label_every)) {
      out += "<text class=\"axis\" x=\"" + coord(x) + "\" y=\"" + coord(kTop + kHeight + 16) +
             "\">" + days[i].date.substr(5) + "</text>";
    }
  }
  return out + "</svg>";
}

}  // namespace

std::string compliance_chart(const std::vector<DayStats>& days) {
  return bars_svg(
      "compliance", days,
      [](const DayStats& d) {
        const auto rate = d.compliance();
        if (!rate) return Bar{{}, "no prompt resolved"};
        return Bar{rate, std::to_string(std::lround(*rate * 100)) + "% (" +
                             std::to_string(d.complied) + " of " + std::to_string(d.resolved) +
                             ")"};
      },
      false, "100%", "0%");
}

std::string longest_bout_chart(const std::vector<DayStats>& days) {
  core::Ms longest{};
  for (const DayStats& d : days) longest = std::max(longest, d.longest_bout);
  // The scale's top: whole hours, at least one.
  const auto hours = std::max<long long>(1, (longest.count() + 3'599'999) / 3'600'000);
  return bars_svg(
      "longest", days,
      [hours](const DayStats& d) {
        if (d.bouts == 0) return Bar{{}, "no sitting"};
        return Bar{static_cast<double>(d.longest_bout.count()) / (hours * 3'600'000.0),
                   hours_minutes(d.longest_bout) + " h"};
      },
      false, std::to_string(hours) + " h", "0");
}

std::string side_chart(const std::vector<DayStats>& days) {
  return bars_svg(
      "side", days,
      [](const DayStats& d) {
        const int all = d.tighter_left + d.tighter_right + d.tighter_even;
        if (all == 0) return Bar{{}, "no side reported"};
        return Bar{static_cast<double>(d.tighter_right - d.tighter_left) / all,
                   "left " + std::to_string(d.tighter_left) + ", right " +
                       std::to_string(d.tighter_right) + ", even " +
                       std::to_string(d.tighter_even)};
      },
      true, "right", "left");
}

}  // namespace sitstretch::stats
