#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// The daemon's side of JSON: it only writes flat objects (replies, records), so it carries this
// small writer rather than a JSON library. Readers (the CLI, the tests) use nlohmann-json.
namespace sitstretch::control {

// Returns text as a JSON string literal, quotes included. Quotes, backslashes and control
// characters are escaped; valid UTF-8 passes through unchanged and each byte of an invalid UTF-8
// sequence becomes U+FFFD, so the result is always valid JSON on a single line.
std::string json_quote(std::string_view text);

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
