#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "config/config.hpp"
#include "core/record_json.hpp"
#include "core/trace.hpp"

namespace sitstretch::cli {
namespace {

struct ReplayArgs {
  std::string trace;
  std::optional<std::filesystem::path> config_file;
};

std::variant<ReplayArgs, std::string> parse_args(const Args& args) {
  static constexpr Option kOptions[] = {{"config", true}};
  constexpr const char* kUsage =
      "usage: sitstretch replay TRACE [--config FILE] (TRACE - reads stdin)";
  auto parsed = parse_options(args, kOptions, kUsage);
  if (auto* error = std::get_if<std::string>(&parsed)) return *error;
  const ParsedArgs& given = std::get<ParsedArgs>(parsed);
  if (given.operands.empty()) return kUsage;
  if (given.operands.size() > 1) return "replay takes one TRACE, got another: " + given.operands[1];
  ReplayArgs out;
  out.trace = given.operands[0];
  for (const auto& option : given.options) out.config_file = option.value;
  return out;
}

// Records go out in large writes; the replay of a month must stay well under a second.
class Output {
 public:
  ~Output() { flush(); }
  void line(const std::string& s) {
    buffer_ += s;
    buffer_ += '\n';
    if (buffer_.size() > 1 << 16) flush();
  }
  void flush() {
    std::fwrite(buffer_.data(), 1, buffer_.size(), stdout);
    std::fflush(stdout);
    buffer_.clear();
  }

 private:
  std::string buffer_;
};

}  // namespace

int replay_command(const Args& args, const config::Environment& env) {
  auto parsed = parse_args(args);
  if (auto* error = std::get_if<std::string>(&parsed)) return fail(kBadInput, *error);
  const ReplayArgs& a = std::get<ReplayArgs>(parsed);

  const config::Result loaded = config::load(a.config_file, env);
  if (auto* error = std::get_if<config::ConfigError>(&loaded)) {
    std::fprintf(stderr, "%s\n", error->to_string().c_str());
    return kBadInput;
  }
  std::ifstream file;
  if (a.trace != "-") {
    file.open(a.trace);
    if (!file) return fail(kBadInput, "cannot read trace " + a.trace);
  }
  std::istream& in = a.trace == "-" ? std::cin : file;
  const std::string label = a.trace == "-" ? "<stdin>" : a.trace;

  core::Replay replay(std::get<config::Config>(loaded).model);
  const core::TimeFormat format = core::trace_time_format();
  std::vector<core::Record> records;
  Output out;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    records.clear();
    auto error = replay.feed(line, records);
    for (const auto& r : records) out.line(core::to_json(r, format));
    if (error) {
      out.flush();
      std::fprintf(stderr, "%s:%d: %s\n", label.c_str(), number, error->message.c_str());
      return kBadInput;
    }
    if (replay.ended()) break;
  }
  return kOk;
}

}  // namespace sitstretch::cli
