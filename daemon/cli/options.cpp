#include "cli/options.hpp"

#include <getopt.h>

namespace sitstretch::cli {
namespace {

// getopt_long's codes for our options: past any letter, so the index is recoverable.
constexpr int kFirstCode = 1000;

std::string short_options(std::span<const Option> options) {
  // '-': operands come back in order as code 1 (whatever POSIXLY_CORRECT says); ':': a missing
  // value is reported as ':', apart from unknown options ('?').
  std::string text = "-:";
  for (const Option& o : options) {
    if (o.letter == 0) continue;
    text += o.letter;
    if (o.takes_value) text += ':';
  }
  return text;
}

std::vector<option> long_options(std::span<const Option> options) {
  std::vector<option> table;
  for (std::size_t i = 0; i < options.size(); ++i) {
    table.push_back({options[i].name, options[i].takes_value ? required_argument : no_argument,
                     nullptr, kFirstCode + static_cast<int>(i)});
  }
  table.push_back({nullptr, 0, nullptr, 0});
  return table;
}

// Which of options a getopt code names, or -1.
int index_of(int code, std::span<const Option> options) {
  if (code >= kFirstCode && code < kFirstCode + static_cast<int>(options.size())) {
    return code - kFirstCode;
  }
  for (std::size_t i = 0; i < options.size(); ++i) {
    if (code != 0 && options[i].letter == code) return static_cast<int>(i);
  }
  return -1;
}

// The word of argv that getopt_long just refused, without any "=value".
std::string refused_word(char** argv, int code, std::span<const Option> options) {
  const int index = index_of(code, options);
  if (code > 0 && code < 256) return std::string("-") + static_cast<char>(code);
  if (index >= 0) return std::string("--") + options[index].name;
  const std::string word = argv[optind - 1];
  return word.substr(0, word.find('='));
}

}  // namespace

std::variant<ParsedArgs, std::string> parse_options(const std::vector<std::string>& args,
                                                    std::span<const Option> options,
                                                    const std::string& usage) {
  std::vector<std::string> words{"sitstretch"};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);

  const std::string letters = short_options(options);
  const std::vector<option> table = long_options(options);
  ParsedArgs parsed;
  optind = 0;  // glibc: start afresh, whatever an earlier call left
  opterr = 0;  // the errors below are ours, one line each
  for (;;) {
    const int code = getopt_long(static_cast<int>(words.size()), argv.data(), letters.c_str(),
                                 table.data(), nullptr);
    if (code == -1) break;
    if (code == 1) {
      parsed.operands.push_back(optarg);
      continue;
    }
    if (code == ':') return refused_word(argv.data(), optopt, options) + " needs a value; " + usage;
    if (code == '?') {
      if (index_of(optopt, options) >= 0) {
        return refused_word(argv.data(), optopt, options) + " takes no value; " + usage;
      }
      return "unknown option " + refused_word(argv.data(), optopt, options) + "; " + usage;
    }
    const int index = index_of(code, options);
    parsed.options.push_back({options[index].name, optarg ? optarg : ""});
  }
  // The words after "--".
  for (int i = optind; i < static_cast<int>(words.size()); ++i) parsed.operands.push_back(words[i]);
  return parsed;
}

}  // namespace sitstretch::cli
