#include "stats/stats_format.hpp"

#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>

namespace sitstretch::stats {
namespace {

// One column of the CSV/JSON output: its key and how to write a day's value.
struct Field {
  const char* key;
  std::function<std::string(const DayStats&)> value;
};

std::string num(int n) {
  return std::to_string(n);
}

std::string fraction(const std::optional<double>& v, const char* none) {
  if (!v) return none;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", *v);
  return buffer;
}

const std::vector<Field>& fields() {
  static const std::vector<Field> kFields{
      {"sitting_s", [](const DayStats& d) { return std::to_string(whole_seconds(d.sitting)); }},
      {"bouts", [](const DayStats& d) { return num(d.bouts); }},
      {"longest_bout_s",
       [](const DayStats& d) { return std::to_string(whole_seconds(d.longest_bout)); }},
      {"break_prompts", [](const DayStats& d) { return num(d.break_prompts); }},
      {"repeated_prompts", [](const DayStats& d) { return num(d.repeated_prompts); }},
      {"accepted", [](const DayStats& d) { return num(d.accepted); }},
      {"own_stretches", [](const DayStats& d) { return num(d.own_stretches); }},
      {"postponed", [](const DayStats& d) { return num(d.postponed); }},
      {"skipped", [](const DayStats& d) { return num(d.skipped); }},
      {"dismissed", [](const DayStats& d) { return num(d.dismissed); }},
      {"ignored", [](const DayStats& d) { return num(d.ignored); }},
      {"natural_breaks", [](const DayStats& d) { return num(d.natural_breaks); }},
      {"prompted_breaks", [](const DayStats& d) { return num(d.prompted_breaks); }},
      {"resolved", [](const DayStats& d) { return num(d.resolved); }},
      {"complied", [](const DayStats& d) { return num(d.complied); }},
      {"tighter_left", [](const DayStats& d) { return num(d.tighter_left); }},
      {"tighter_right", [](const DayStats& d) { return num(d.tighter_right); }},
      {"tighter_even", [](const DayStats& d) { return num(d.tighter_even); }},
  };
  return kFields;
}

std::string json_object(const DayStats& d) {
  std::string out = "{\"date\":\"" + d.date + "\"";
  for (const Field& f : fields()) out += ",\"" + std::string(f.key) + "\":" + f.value(d);
  return out + ",\"compliance\":" + fraction(d.compliance(), "null") + "}";
}

std::string csv_line(const DayStats& d) {
  std::string out = d.date;
  for (const Field& f : fields()) out += "," + f.value(d);
  return out + "," + fraction(d.compliance(), "") + "\n";
}

// --- The terminal table -------------------------------------------------------------------

struct Column {
  const char* title;
  int width;
  std::function<std::string(const DayStats&)> value;
};

const std::array<Column, 13> kColumns{{
    {"sitting", 7, [](const DayStats& d) { return hours_minutes(d.sitting); }},
    {"bouts", 5, [](const DayStats& d) { return num(d.bouts); }},
    {"longest", 7, [](const DayStats& d) { return hours_minutes(d.longest_bout); }},
    {"prompts", 7, [](const DayStats& d) { return num(d.break_prompts); }},
    {"repeated", 8, [](const DayStats& d) { return num(d.repeated_prompts); }},
    {"accepted", 8, [](const DayStats& d) { return num(d.accepted); }},
    {"own", 3, [](const DayStats& d) { return num(d.own_stretches); }},
    {"postponed", 9, [](const DayStats& d) { return num(d.postponed); }},
    {"skipped", 7, [](const DayStats& d) { return num(d.skipped); }},
    {"dismissed", 9, [](const DayStats& d) { return num(d.dismissed); }},
    {"ignored", 7, [](const DayStats& d) { return num(d.ignored); }},
    {"natural", 7, [](const DayStats& d) { return num(d.natural_breaks); }},
    {"prompted", 8, [](const DayStats& d) { return num(d.prompted_breaks); }},
}};

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
  for (const Column& c : kColumns) line += " " + pad_left(c.value(d), c.width);
  line += "  " + compliance_cell(d.compliance(), colour);
  line += "  " +
          pad_left(num(d.tighter_left) + "/" + num(d.tighter_right) + "/" + num(d.tighter_even), 8);
  return line + (bold && colour ? "\033[0m" : "") + "\n";
}

std::string table_header() {
  std::string line = "date      ";
  for (const Column& c : kColumns) line += " " + pad_left(c.title, c.width);
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
  for (const Field& f : fields()) out += "," + std::string(f.key);
  out += ",compliance\n";
  for (const DayStats& d : s.days) out += csv_line(d);
  return out + csv_line(s.total);
}

}  // namespace sitstretch::stats
