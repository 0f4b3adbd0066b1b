#include "stats/stats_format.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace sitstretch::stats {
namespace {

std::string num(int n) {
  return std::to_string(n);
}

std::string fraction(const std::optional<double>& v, const char* none) {
  if (!v) return none;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", *v);
  return buffer;
}

// The fields JSON and CSV show, and each one's key: durations in whole seconds ("sitting_s").
bool shown(const DayField& f) {
  return f.use != FieldUse::boundary;
}

std::string key(const DayField& f) {
  return std::string(f.name) + (f.duration ? "_s" : "");
}

std::string value(const DayField& f, const DayStats& d) {
  return f.duration ? std::to_string(whole_seconds(d.*f.duration)) : num(d.*f.count);
}

std::string json_object(const DayStats& d) {
  std::string out = "{\"date\":\"" + d.date + "\"";
  for (const DayField& f : kDayFields) {
    if (shown(f)) out += ",\"" + key(f) + "\":" + value(f, d);
  }
  return out + ",\"compliance\":" + fraction(d.compliance(), "null") + "}";
}

std::string csv_line(const DayStats& d) {
  std::string out = d.date;
  for (const DayField& f : kDayFields) {
    if (shown(f)) out += "," + value(f, d);
  }
  return out + "," + fraction(d.compliance(), "") + "\n";
}

// --- The terminal table -------------------------------------------------------------------

// The table's own columns are the fields with a label, each as wide as its label; durations
// in hours and minutes.
std::string cell(const DayField& f, const DayStats& d) {
  return f.duration ? hours_minutes(d.*f.duration) : num(d.*f.count);
}

std::string pad_left(const std::string& s, int width) {
  const int gap = width - static_cast<int>(s.size());
  return gap > 0 ? std::string(static_cast<std::size_t>(gap), ' ') + s : s;
}

// "███████░░░  70%" (15 columns wide), coloured by how good the rate is.
std::string compliance_cell(const std::optional<double>& rate, bool colour) {
  if (!rate) return "             - ";
  const int filled = static_cast<int>(std::lround(*rate * 10));
  std::string bar;
  for (int i = 0; i < 10; ++i) bar += i < filled ? "\u2588" : "\u2591";
  if (colour) {
    const char* code = *rate >= 0.8 ? "\033[32m" : *rate >= 0.5 ? "\033[33m" : "\033[31m";
    bar = code + bar + "\033[0m";
  }
  return bar + pad_left(std::to_string(std::lround(*rate * 100)) + "%", 5);
}

std::string table_row(const DayStats& d, bool colour, bool bold) {
  std::string date = d.date;
  date.resize(10, ' ');
  std::string line = (bold && colour ? "\033[1m" : "") + date;
  for (const DayField& f : kDayFields) {
    if (!f.label.empty()) line += " " + pad_left(cell(f, d), static_cast<int>(f.label.size()));
  }
  line += "  " + compliance_cell(d.compliance(), colour);
  line += "  " +
          pad_left(num(d.tighter_left) + "/" + num(d.tighter_right) + "/" + num(d.tighter_even), 8);
  return line + (bold && colour ? "\033[0m" : "") + "\n";
}

std::string table_header() {
  std::string line = "date      ";
  for (const DayField& f : kDayFields) {
    if (!f.label.empty()) line += " " + std::string(f.label);
  }
  return line + "  compliance     " + "  L/R/even\n";
}

}  // namespace

long long whole_seconds(core::Ms d) {
  return std::chrono::floor<std::chrono::seconds>(d).count();
}

std::string hours_minutes(core::Ms d) {
  const long long minutes = std::chrono::floor<std::chrono::minutes>(d).count();
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%lld:%02lld", minutes / 60, minutes % 60);
  return buffer;
}

std::string stats_table(const Summary& s, bool colour) {
  std::string out = table_header();
  for (const DayStats& d : s.days) out += table_row(d, colour, false);
  out += std::string(table_header().size() - 1, '-') + "\n";
  return out + table_row(s.total, colour, true);
}

std::string stats_json(const Summary& s) {
  std::string out = "{\"days\":[";
  for (std::size_t i = 0; i < s.days.size(); ++i) {
    out += (i ? "," : "") + json_object(s.days[i]);
  }
  return out + "],\"total\":" + json_object(s.total) + "}\n";
}

std::string stats_csv(const Summary& s) {
  std::string out = "date";
  for (const DayField& f : kDayFields) {
    if (shown(f)) out += "," + key(f);
  }
  out += ",compliance\n";
  for (const DayStats& d : s.days) out += csv_line(d);
  return out + csv_line(s.total);
}

}  // namespace sitstretch::stats
