#include <cmath>
#include <limits>

#include <catch2/catch.hpp>

#include "control/flat_json.hpp"

using namespace sitstretch::control;

namespace {

// Writes text as the value of "s" in a one-key object and reads it back.
std::string round_trip(std::string_view text) {
  const std::string json = JsonObjectWriter().string("s", text).str();
  INFO(json);
  REQUIRE(json.find('\n') == std::string::npos);
  const std::optional<FlatJson> parsed = parse_flat_json(json);
  REQUIRE(parsed.has_value());
  return std::get<std::string>(parsed->at("s"));
}

}  // namespace

TEST_CASE("strings with quotes, control characters and UTF-8 survive a round trip", "[json]") {
  const std::string tricky = "say \"hi\" \\ back\nslash\ttab\r\b\f\x01\x1f\x7f end";
  CHECK(round_trip(tricky) == tricky);
  CHECK(round_trip("café, 腰, 🙂") == "café, 腰, 🙂");
  CHECK(round_trip("") == "");
  CHECK(json_quote("a\"b\\c\n\x01\x7f") == R"("a\"b\\c\n\u0001\u007f")");
  CHECK(json_quote("é🙂") == "\"é🙂\"");  // UTF-8 passes through unescaped
}

TEST_CASE("invalid UTF-8 becomes U+FFFD so the reply stays valid JSON", "[json]") {
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(round_trip("a\xFF"
                   "b") == "a" + fffd + "b");
  CHECK(round_trip("\xC3(") == fffd + "(");                            // truncated sequence
  CHECK(round_trip("\xC0\xAF") == fffd + fffd);                        // overlong '/'
  CHECK(round_trip("\xED\xA0\x80") == fffd + fffd + fffd);             // encoded surrogate
  CHECK(round_trip("\xF4\x90\x80\x80") == fffd + fffd + fffd + fffd);  // above U+10FFFF
  CHECK(round_trip("end\xE2\x82") == "end" + fffd + fffd);             // cut at the end
}

TEST_CASE("the writer keeps key order and writes every scalar kind", "[json]") {
  const std::string json = JsonObjectWriter()
                               .boolean("ok", true)
                               .integer("sitting_s", -42)
                               .number("rate", 0.75)
                               .number("bad", std::numeric_limits<double>::quiet_NaN())
                               .null("until")
                               .string("state", "paused")
                               .str();
  CHECK(json ==
        R"({"ok":true,"sitting_s":-42,"rate":0.75,"bad":null,"until":null,"state":"paused"})");
  const FlatJson parsed = parse_flat_json(json).value();
  CHECK(std::get<bool>(parsed.at("ok")));
  CHECK(std::get<std::int64_t>(parsed.at("sitting_s")) == -42);
  CHECK(std::get<double>(parsed.at("rate")) == 0.75);
  CHECK(std::holds_alternative<std::nullptr_t>(parsed.at("until")));
  CHECK(JsonObjectWriter().str() == "{}");
}

TEST_CASE("the reader accepts JSON scalars the way the grammar writes them", "[json]") {
  const auto parsed = parse_flat_json(
      " { \"a\" : 0 , \"b\":-12,\"c\":3.5,\"d\":1e3,\"e\":9223372036854775808,"
      "\"f\":false,\"g\":\"\\u00e9\\ud83d\\ude42\\/\"}\n");
  REQUIRE(parsed.has_value());
  CHECK(std::get<std::int64_t>(parsed->at("a")) == 0);
  CHECK(std::get<std::int64_t>(parsed->at("b")) == -12);
  CHECK(std::get<double>(parsed->at("c")) == 3.5);
  CHECK(std::get<double>(parsed->at("d")) == 1000.0);
  CHECK(std::get<double>(parsed->at("e")) == 9223372036854775808.0);  // too big for int64
  CHECK_FALSE(std::get<bool>(parsed->at("f")));
  CHECK(std::get<std::string>(parsed->at("g")) == "é🙂/");
  CHECK(parse_flat_json("{}").value().empty());
}

TEST_CASE("the reader refuses anything that is not one flat, valid object", "[json]") {
  const char* refused[] = {
      "",
      "[]",
      "\"text\"",
      "{",
      "{\"a\":1,}",
      "{\"a\":{}}",
      "{\"a\":[1]}",
      "{\"a\":1,\"a\":2}",  // duplicate key
      "{\"a\":01}",
      "{\"a\":1.}",
      "{\"a\":-}",
      "{\"a\":+1}",
      "{\"a\":1e}",
      "{\"a\":tru}",
      "{\"a\":\"\\x\"}",
      "{\"a\":\"\\ud83d\"}",  // lone high surrogate
      "{\"a\":\"\\ude42\"}",  // lone low surrogate
      "{\"a\":\"\\u12\"}",
      "{\"a\":\"line\nbreak\"}",  // raw control character
      "{\"a\":\"unterminated}",
      "{a:1}",
      "{\"a\":1} trailing",
      "{\"a\":1}{}",
  };
  for (const char* text : refused) {
    INFO(text);
    CHECK_FALSE(parse_flat_json(text).has_value());
  }
}
