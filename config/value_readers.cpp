#include "config/value_readers.hpp"

#include <vector>

#include "config/did_you_mean.hpp"
#include "config/quiet_hours.hpp"
#include "core/duration_text.hpp"

namespace sitstretch::config {
namespace {

constexpr std::string_view kDurationShape = R"(a duration like "90s", "45m" or "1h30m")";

std::string in_quotes(std::string_view text) {
  return '"' + std::string(text) + '"';
}

ValueProblem problem_at(const toml::node& value, std::string message) {
  return ValueProblem{std::move(message), value.source().begin};
}

// "a" / "a" or "b" / "a", "b" or "c", each quoted.
std::string list_of_words(std::initializer_list<std::string_view> words) {
  std::string out;
  std::size_t i = 0;
  for (std::string_view word : words) {
    if (i > 0) out += (i + 1 == words.size()) ? " or " : ", ";
    out += in_quotes(word);
    ++i;
  }
  return out;
}

}  // namespace

std::string_view describe_type(const toml::node& value) {
  switch (value.type()) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "a list";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "a whole number";
    case toml::node_type::floating_point:
      return "a decimal number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time of day";
    case toml::node_type::date_time:
      return "a date and time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

MaybeProblem read_duration(const toml::node& value, core::Ms& out, core::Ms min, core::Ms max) {
  if (auto number = value.value_exact<int64_t>()) {
    // A bare number is refused rather than guessed: 45 could mean seconds or minutes.
    std::string n = std::to_string(*number);
    return problem_at(value, "expected " + std::string(kDurationShape) + ", got the bare number " +
                                 n + "; write it as a quoted string with a unit, such as \"" + n +
                                 "s\" or \"" + n + "m\"");
  }
  const auto* text = value.as_string();
  if (text == nullptr) {
    return problem_at(value, "expected " + std::string(kDurationShape) + ", got " +
                                 std::string(describe_type(value)));
  }
  std::optional<core::Ms> parsed = core::parse_duration(text->get());
  if (!parsed) {
    return problem_at(value, in_quotes(text->get()) + " is not a duration; expected " +
                                 std::string(kDurationShape));
  }
  if (*parsed < min || *parsed > max) {
    std::string verdict = *parsed < min ? " is too short" : " is too long";
    return problem_at(value, in_quotes(text->get()) + verdict + "; allowed " +
                                 core::format_duration(min) + " to " + core::format_duration(max));
  }
  out = *parsed;
  return std::nullopt;
}

MaybeProblem read_integer(const toml::node& value, int& out, int min, int max) {
  std::optional<int64_t> number = value.value_exact<int64_t>();
  if (!number) {
    return problem_at(value, "expected a whole number from " + std::to_string(min) + " to " +
                                 std::to_string(max) + ", got " +
                                 std::string(describe_type(value)));
  }
  if (*number < min || *number > max) {
    std::string verdict = *number < min ? " is too small" : " is too large";
    return problem_at(value, std::to_string(*number) + verdict + "; allowed " +
                                 std::to_string(min) + " to " + std::to_string(max));
  }
  out = static_cast<int>(*number);
  return std::nullopt;
}

MaybeProblem read_bool(const toml::node& value, bool& out) {
  std::optional<bool> flag = value.value_exact<bool>();
  if (!flag) {
    // "true" in quotes is the likely slip, so say how to write it.
    return problem_at(
        value, "expected true or false (without quotes), got " + std::string(describe_type(value)));
  }
  out = *flag;
  return std::nullopt;
}

MaybeProblem read_word(const toml::node& value, std::string_view& out,
                       std::initializer_list<std::string_view> allowed) {
  const auto* text = value.as_string();
  if (text == nullptr) {
    return problem_at(
        value, "expected " + list_of_words(allowed) + ", got " + std::string(describe_type(value)));
  }
  for (std::string_view word : allowed) {
    if (word == text->get()) {
      out = word;
      return std::nullopt;
    }
  }
  std::string message = "expected " + list_of_words(allowed) + ", got " + in_quotes(text->get());
  std::vector<std::string_view> candidates(allowed);
  if (auto near = closest_match(text->get(), candidates)) {
    message += "; did you mean " + in_quotes(*near) + "?";
  }
  return problem_at(value, std::move(message));
}

MaybeProblem read_quiet_hours(const toml::node& value, std::vector<core::QuietRange>& out) {
  const auto* list = value.as_array();
  if (list == nullptr) {
    return problem_at(value, R"(expected a list of "HH:MM-HH:MM" strings, got )" +
                                 std::string(describe_type(value)));
  }
  std::vector<core::QuietRange> ranges;
  for (const toml::node& entry : *list) {
    const auto* text = entry.as_string();
    if (text == nullptr) {
      return problem_at(entry, R"(expected "HH:MM-HH:MM" strings in the list, got )" +
                                   std::string(describe_type(entry)));
    }
    auto parsed = parse_quiet_range(text->get());
    if (auto* message = std::get_if<std::string>(&parsed)) return problem_at(entry, *message);
    ranges.push_back(std::get<core::QuietRange>(parsed));
  }
  out = std::move(ranges);
  return std::nullopt;
}

MaybeProblem read_busy_reasons(const toml::node& value, core::BusyReasons& out) {
  constexpr std::string_view kShape = R"(a list of "dnd", "fullscreen", "camera" and "user")";
  const auto* list = value.as_array();
  if (list == nullptr) {
    return problem_at(
        value, "expected " + std::string(kShape) + ", got " + std::string(describe_type(value)));
  }
  core::BusyReasons reasons;
  for (const toml::node& entry : *list) {
    std::string_view word;
    if (auto problem = read_word(entry, word, {"dnd", "fullscreen", "camera", "user"})) {
      return problem;
    }
    reasons.add(*core::busy_reason_from_string(word));
  }
  out = reasons;
  return std::nullopt;
}

}  // namespace sitstretch::config
