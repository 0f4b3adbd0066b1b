#include "control/protocol.hpp"

#include <algorithm>

namespace sitstretch::control {
namespace {

const CommandSpec* find_command(std::string_view name) {
  for (const CommandSpec& spec : kCommands) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

std::string known_commands() {
  std::string list;
  for (const CommandSpec& spec : kCommands) {
    if (!list.empty()) list += ", ";
    list += spec.name;
  }
  return list;
}

std::vector<std::string> split_words(std::string_view line) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) words.emplace_back(line.substr(start, i - start));
  }
  return words;
}

std::string arity_error(const CommandSpec& spec, std::size_t given) {
  std::string expected;
  if (spec.max_args == 0) {
    expected = "takes no argument";
  } else if (spec.min_args == spec.max_args) {
    expected = "takes exactly " + std::to_string(spec.min_args) + " argument" +
               (spec.min_args == 1 ? "" : "s");
  } else {
    expected = "takes at most " + std::to_string(spec.max_args) + " argument" +
               (spec.max_args == 1 ? "" : "s");
  }
  return "'" + std::string(spec.name) + "' " + expected + ", got " + std::to_string(given);
}

}  // namespace

std::variant<Request, std::string> parse_request(std::string_view line) {
  if (line.ends_with('\n')) line.remove_suffix(1);
  if (line.ends_with('\r')) line.remove_suffix(1);
  if (line.size() > kMaxRequestBytes) {
    return "request longer than " + std::to_string(kMaxRequestBytes) + " bytes";
  }
  const bool has_control = std::any_of(line.begin(), line.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && c != '\t') || byte == 0x7F;
  });
  if (has_control) return std::string("request contains control characters");

  std::vector<std::string> words = split_words(line);
  if (words.empty()) return std::string("empty request");
  const CommandSpec* spec = find_command(words.front());
  if (spec == nullptr) {
    // Shortened: the reason is one line for a terminal, and the word may be kilobytes long.
    std::string word =
        words.front().size() > 32 ? words.front().substr(0, 32) + "..." : words.front();
    return "unknown command '" + word + "' (known: " + known_commands() + ")";
  }
  Request request{std::move(words.front()), {words.begin() + 1, words.end()}};
  const std::size_t count = request.args.size();
  if (count < spec->min_args || count > spec->max_args) return arity_error(*spec, count);
  if (request.command == "side") {
    const std::string& side = request.args.front();
    if (side != "left" && side != "right" && side != "even") {
      return "'side' takes left, right or even, got '" + side + "'";
    }
  }
  return request;
}

std::string format_request(const Request& request) {
  std::string line = request.command;
  for (const std::string& arg : request.args) {
    line += ' ';
    line += arg;
  }
  line += '\n';
  return line;
}

std::string error_reply(std::string_view reason) {
  std::string one_line(reason);
  std::replace_if(
      one_line.begin(), one_line.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  return JsonObjectWriter().boolean("ok", false).string("error", one_line).str();
}

JsonObjectWriter ok_reply() {
  JsonObjectWriter writer;
  writer.boolean("ok", true);
  return writer;
}

}  // namespace sitstretch::control
