// The report's timeline: one row per day, 00:00 to 24:00 local time (25 hours on the day DST
// ends), with sitting bouts, breaks, prompts coloured by their answer, own stretches, and the
// holds of prompts that busy held (a thin bar under the bouts, ending at the prompt).
#include <cstdio>
#include <ctime>

#include "stats/bouts.hpp"
#include "stats/held.hpp"
#include "stats/report_parts.hpp"

namespace sitstretch::stats {
namespace {

using core::RecordKind;

constexpr double kLabel = 92;  // room for the date on the left
constexpr double kPlot = 900;  // 24 hours
constexpr double kRow = 26;    // one day
constexpr double kTop = 22;    // the hour axis

struct Mark {
  core::Ms t{};
  std::string what;  // CSS class: accepted, postponed, skipped, dismissed, ignored, break, open,
                     // own
};

// Each prompt is marked with the first answer after it: several prompts of one episode may share
// an answer when the earlier ones got none (they were held, or the user never saw them).
std::vector<Mark> marks(const std::vector<core::Record>& records) {
  std::vector<Mark> out;
  std::size_t unanswered = 0;  // index of the first prompt mark still awaiting its answer
  auto answer = [&](const char* what) {
    for (std::size_t i = unanswered; i < out.size(); ++i) {
      if (out[i].what == "open") out[i].what = what;
    }
    unanswered = out.size();
  };
  for (const core::Record& r : records) {
    switch (r.kind) {
      case RecordKind::prompt:
        out.push_back({r.t, "open"});
        break;
      case RecordKind::snoozed:
        answer("postponed");
        break;
      case RecordKind::skipped:
        answer("skipped");
        break;
      case RecordKind::dismissed:
        answer("dismissed");
        break;
      case RecordKind::ignored:
        answer("ignored");
        break;
      case RecordKind::away:
        if (r.prompted) answer("break");
        break;
      case RecordKind::accepted:
        if (r.prompted) {
          answer("accepted");
        } else {
          out.push_back({r.t, "own"});
          unanswered = out.size();
        }
        break;
      default:
        break;
    }
  }
  return out;
}

std::string clock_time(core::Ms utc) {
  const std::time_t t = static_cast<std::time_t>(utc.count() / 1000);
  std::tm local{};
  localtime_r(&t, &local);
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d", local.tm_hour, local.tm_min);
  return buffer;
}

double x_of(core::Ms t, const LocalDay& day) {
  return kLabel + static_cast<double>((t - day.start).count()) / core::kDay.count() * kPlot;
}

std::string axis(double height) {
  std::string out;
  for (int h = 0; h <= 24; h += 3) {
    const double x = kLabel + kPlot * h / 24;
    out += "<line class=\"grid\" x1=\"" + coord(x) + "\" y1=\"" + coord(kTop - 4) + "\" x2=\"" +
           coord(x) + "\" y2=\"" + coord(height) + "\"/><text class=\"axis\" x=\"" + coord(x) +
           "\" y=\"" + coord(kTop - 8) + "\" text-anchor=\"middle\">" + std::to_string(h) +
           ":00</text>";
  }
  return out;
}

// How a kind of span is drawn: its CSS class, the words of its title, its place in the row.
struct SpanLook {
  const char* css;
  const char* title;
  double dy = 4;  // from the top of the row
  double height = 12;
};

constexpr SpanLook kBreak{"break", "break"};
constexpr SpanLook kBout{"bout", "bout"};
constexpr SpanLook kHeld{"held", "prompt held while busy", 18, 4};

// One rect per interval's part inside the day, titled "bout 10:00–10:45".
std::string spans(const std::vector<Interval>& all, const LocalDay& day, double y,
                  const SpanLook& look) {
  std::string out;
  for (const Interval& i : all) {
    auto part = clip(i, day.start, day.end);
    if (!part) continue;
    const double x = x_of(part->start, day);
    const double w = std::max(0.5, x_of(part->end, day) - x);
    out += "<rect class=\"" + std::string(look.css) + "\" x=\"" + coord(x) + "\" y=\"" +
           coord(y + look.dy) + "\" width=\"" + coord(w) + "\" height=\"" + coord(look.height) +
           "\"><title>" + look.title + " " + clock_time(part->start) + "\u2013" +
           clock_time(part->end) + "</title></rect>";
  }
  return out;
}

// What one day's row draws.
struct Drawn {
  std::vector<Interval> bouts;
  std::vector<Interval> breaks;
  std::vector<Interval> held;
  std::vector<Mark> marks;
};

void add_day_row(std::string& out, const Drawn& drawn, const LocalDay& day, double y) {
  out += "<text class=\"label\" x=\"4\" y=\"" + coord(y + 11) + "\">" + day.date + "</text>";
  out += spans(drawn.breaks, day, y, kBreak);
  out += spans(drawn.bouts, day, y, kBout);
  out += spans(drawn.held, day, y, kHeld);
  const std::vector<Mark>& marks = drawn.marks;
  for (const Mark& m : marks) {
    if (m.t < day.start || m.t >= day.end) continue;
    const std::string what = m.what == "own" ? "own stretch" : "prompt: " + m.what;
    out += "<circle class=\"mark " + m.what + "\" cx=\"" + coord(x_of(m.t, day)) + "\" cy=\"" +
           coord(y + 10) + "\" r=\"4\"><title>" + clock_time(m.t) + " " + what +
           "</title></circle>";
  }
}

}  // namespace

std::string timeline_svg(const std::vector<core::Record>& records,
                         const std::vector<LocalDay>& days) {
  const Drawn drawn{sitting_bouts(records), breaks(records), held_prompts(records), marks(records)};
  const double height = kTop + kRow * static_cast<double>(days.size()) + 4;
  const double width = kLabel + kPlot * 25 / 24 + 8;
  std::string out = "<svg class=\"timeline\" role=\"img\" viewBox=\"0 0 " + coord(width) + " " +
                    coord(height) + "\" width=\"" + coord(width) + "\" height=\"" + coord(height) +
                    "\"><title>Timeline per day</title>" + axis(height);
  // About 150 bytes a drawn item; growing a string of megabytes step by step costs more.
  out.reserve(out.size() +
              (drawn.bouts.size() + drawn.breaks.size() + drawn.held.size() + drawn.marks.size()) *
                  160);
  for (std::size_t i = 0; i < days.size(); ++i) {
    add_day_row(out, drawn, days[i], kTop + kRow * static_cast<double>(i));
  }
  out += "</svg>";
  return out;
}

std::string coord(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  std::string s = buffer;
  if (s.size() > 2 && s.substr(s.size() - 2) == ".0") s.resize(s.size() - 2);
  return s;
}

}  // namespace sitstretch::stats
