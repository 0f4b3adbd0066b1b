#include <cmath>
#include <limits>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "control/flat_json.hpp"

// The daemon's JSON writer, checked against a strict reader: nlohmann-json, which refuses invalid
// UTF-8, raw control characters and anything else that is not JSON.

using namespace sitstretch::control;

namespace {

// Writes text as the value of "s" in a one-key object and reads it back.
std::string round_trip(std::string_view text) {
  const std::string json = JsonObjectWriter().string("s", text).str();
  INFO(json);
  REQUIRE(json.find('\n') == std::string::npos);
  const nlohmann::json parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  REQUIRE(parsed.is_object());
  REQUIRE(parsed.size() == 1);
  return parsed.at("s").get<std::string>();
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
  const nlohmann::json parsed = nlohmann::json::parse(json);
  CHECK(parsed.at("ok") == true);
  CHECK(parsed.at("sitting_s").is_number_integer());
  CHECK(parsed.at("sitting_s") == -42);
  CHECK(parsed.at("rate") == 0.75);
  CHECK(parsed.at("bad").is_null());
  CHECK(parsed.at("until").is_null());
  CHECK(parsed.at("state") == "paused");
  CHECK(JsonObjectWriter().str() == "{}");
}

TEST_CASE("keys are quoted like values and numbers keep their digits", "[json]") {
  const std::string json = JsonObjectWriter()
                               .integer("big", std::numeric_limits<std::int64_t>::min())
                               .number("third", 1.0 / 3)
                               .number("inf", std::numeric_limits<double>::infinity())
                               .string("key \"with\" quote\n", "v")
                               .str();
  INFO(json);
  const nlohmann::json parsed = nlohmann::json::parse(json);
  CHECK(parsed.at("big") == std::numeric_limits<std::int64_t>::min());
  CHECK(parsed.at("third").get<double>() == 1.0 / 3);  // shortest form that reads back exactly
  CHECK(parsed.at("inf").is_null());
  CHECK(parsed.at("key \"with\" quote\n") == "v");
}
