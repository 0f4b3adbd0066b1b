// The one option parser every sitstretch command reads its arguments with.
#include "cli/options.hpp"

#include <catch2/catch.hpp>

using sitstretch::cli::Option;
using sitstretch::cli::parse_options;
using sitstretch::cli::ParsedArgs;

namespace {

using Args = std::vector<std::string>;

constexpr Option kOptions[] = {{"days", true}, {"json"}, {"output", true, 'o'}};
constexpr const char* kUsage = "usage: test [--days N] [--json] [-o FILE]";

ParsedArgs parsed(const Args& args) {
  auto result = parse_options(args, kOptions, kUsage);
  if (const auto* error = std::get_if<std::string>(&result)) FAIL(*error);
  return std::get<ParsedArgs>(result);
}

std::string error(const Args& args) {
  auto result = parse_options(args, kOptions, kUsage);
  REQUIRE(std::holds_alternative<std::string>(result));
  return std::get<std::string>(result);
}

// "name=value" for each option given, in order.
std::vector<std::string> given(const ParsedArgs& args) {
  std::vector<std::string> out;
  for (const auto& [name, value] : args.options) out.push_back(name + "=" + value);
  return out;
}

using Words = std::vector<std::string>;

}  // namespace

TEST_CASE("an option's value follows it or is joined to it with =") {
  CHECK(given(parsed({"--days", "3"})) == Words{"days=3"});
  CHECK(given(parsed({"--days=3"})) == Words{"days=3"});
  CHECK(given(parsed({"--days="})) == Words{"days="});
  CHECK(given(parsed({"-o", "a.html"})) == Words{"output=a.html"});
  CHECK(given(parsed({"-o-"})) == Words{"output=-"});
  CHECK(given(parsed({"--output=x=y"})) == Words{"output=x=y"});
}

TEST_CASE("options keep their order; operands may come between them") {
  const ParsedArgs args = parsed({"trace", "--json", "--days=2", "-", "--days", "5"});
  CHECK(given(args) == Words{"json=", "days=2", "days=5"});
  CHECK(args.operands == Words{"trace", "-"});
}

TEST_CASE("after -- every word is an operand") {
  const ParsedArgs args = parsed({"--json", "--", "--days", "-o"});
  CHECK(given(args) == Words{"json="});
  CHECK(args.operands == Words{"--days", "-o"});
}

TEST_CASE("a unique prefix of a long option names it") {
  CHECK(given(parsed({"--da=4", "--j"})) == Words{"days=4", "json="});
}

TEST_CASE("errors are one line naming the word, then the usage") {
  CHECK(error({"--frobnicate"}) ==
        "unknown option --frobnicate; usage: test [--days N] [--json] [-o FILE]");
  CHECK(error({"--frobnicate=1"}) == std::string("unknown option --frobnicate; ") + kUsage);
  CHECK(error({"-x"}) == std::string("unknown option -x; ") + kUsage);
  CHECK(error({"--days"}) == std::string("--days needs a value; ") + kUsage);
  CHECK(error({"--json", "-o"}) == std::string("-o needs a value; ") + kUsage);
  CHECK(error({"--json=yes"}) == std::string("--json takes no value; ") + kUsage);
}

TEST_CASE("each call starts afresh") {
  CHECK_FALSE(std::holds_alternative<ParsedArgs>(parse_options({"--days"}, kOptions, kUsage)));
  CHECK(given(parsed({"--days", "1"})) == Words{"days=1"});
  CHECK(parsed({"a", "b"}).operands == Words{"a", "b"});
  CHECK(parse_options({}, {}, kUsage).index() == 0);
}
