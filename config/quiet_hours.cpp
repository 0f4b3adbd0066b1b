#include "config/quiet_hours.hpp"

#include <optional>

namespace sitstretch::config {
namespace {

constexpr std::string_view kShape = "HH:MM-HH:MM";

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The two-digit number at text[at], or nothing if either character is not a digit.
std::optional<int> two_digits(std::string_view text, std::size_t at) {
  if (!is_digit(text[at]) || !is_digit(text[at + 1])) return std::nullopt;
  return (text[at] - '0') * 10 + (text[at + 1] - '0');
}

std::string in_quotes(std::string_view text) {
  return '"' + std::string(text) + '"';
}

std::string not_a_range(std::string_view text) {
  return in_quotes(text) + " is not a time range; expected \"HH:MM-HH:MM\", e.g. \"22:00-07:00\"";
}

// Reads "HH:MM" at text[at] into minutes since midnight, or explains what is wrong.
std::variant<int, std::string> clock_time(std::string_view text, std::size_t at) {
  std::optional<int> hour = two_digits(text, at);
  std::optional<int> minute = two_digits(text, at + 3);
  if (!hour || !minute || text[at + 2] != ':') return not_a_range(text);
  if (*hour > 23) {
    return in_quotes(text) + " has hour " + std::to_string(*hour) + "; hours go from 00 to 23";
  }
  if (*minute > 59) {
    return in_quotes(text) + " has minute " + std::to_string(*minute) +
           "; minutes go from 00 to 59";
  }
  return *hour * 60 + *minute;
}

}  // namespace

std::variant<core::QuietRange, std::string> parse_quiet_range(std::string_view text) {
  if (text.size() != kShape.size() || text[5] != '-') return not_a_range(text);
  auto start = clock_time(text, 0);
  if (auto* message = std::get_if<std::string>(&start)) return *message;
  auto end = clock_time(text, 6);
  if (auto* message = std::get_if<std::string>(&end)) return *message;
  if (std::get<int>(start) == std::get<int>(end)) {
    return in_quotes(text) + " starts and ends at the same time; start and end must differ";
  }
  return core::QuietRange{std::get<int>(start), std::get<int>(end)};
}

}  // namespace sitstretch::config
