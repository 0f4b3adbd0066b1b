#pragma once

#include <span>
#include <string>
#include <variant>
#include <vector>

namespace sitstretch::cli {

// One option a command takes: "--name", and "-letter" when letter is set.
struct Option {
  const char* name;
  bool takes_value = false;
  char letter = 0;
};

// The command line of one command, read against its options.
struct ParsedArgs {
  struct Given {
    std::string name;   // the Option's name, whichever spelling was used
    std::string value;  // empty for an option without a value
  };
  std::vector<Given> options;         // in the order given
  std::vector<std::string> operands;  // the other words, in order
};

// Reads args (the words after the command) with getopt_long: "--name value", "--name=value",
// "-x value", "-xvalue"; options and operands may mix and "--" ends the options. A unique prefix
// of a long name also works ("--da 3"), as in every GNU tool.
// Returns a one-line error ending in "; usage" for fail(kBadInput, ...): an unknown option, an
// option without its value, or a value given to an option that takes none.
std::variant<ParsedArgs, std::string> parse_options(const std::vector<std::string>& args,
                                                    std::span<const Option> options,
                                                    const std::string& usage);

}  // namespace sitstretch::cli
