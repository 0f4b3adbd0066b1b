#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace sitstretch::control {

// A JSON scalar as the control protocol uses it. Numbers written without a fraction or exponent
// that fit in 64 bits read as std::int64_t, all others as double.
using JsonValue = std::variant<std::nullptr_t, bool, std::int64_t, double, std::string>;

// A flat JSON object: every value is a scalar. Keys are unique.
using FlatJson = std::map<std::string, JsonValue, std::less<>>;

// Returns text as a JSON string literal, quotes included. Quotes, backslashes and control
// characters are escaped; valid UTF-8 passes through unchanged and each byte of an invalid UTF-8
// sequence becomes U+FFFD, so the result is always valid JSON on a single line.
std::string json_quote(std::string_view text);

// Parses one flat JSON object ("{...}", whitespace around it allowed). Returns nullopt for
// anything else: nested objects or arrays, duplicate keys, invalid escapes or numbers, raw
// control characters in strings, lone surrogates, trailing text.
std::optional<FlatJson> parse_flat_json(std::string_view text);

// Builds one flat JSON object, keys in the order they are added. Values are written as given;
// the caller keeps keys unique.
class JsonObjectWriter {
 public:
  JsonObjectWriter& string(std::string_view key, std::string_view value);
  JsonObjectWriter& integer(std::string_view key, std::int64_t value);
  // Non-finite numbers, which JSON cannot express, are written as null.
  JsonObjectWriter& number(std::string_view key, double value);
  JsonObjectWriter& boolean(std::string_view key, bool value);
  JsonObjectWriter& null(std::string_view key);
  // The object so far, closed: "{...}" without a newline.
  std::string str() const { return text_ + "}"; }

 private:
  JsonObjectWriter& key(std::string_view key);

  std::string text_ = "{";
};

}  // namespace sitstretch::control
