#include "control/flat_json.hpp"

#include <charconv>
#include <cmath>

namespace sitstretch::control {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// Length of the valid UTF-8 sequence starting at text[i] (a byte >= 0x80), or 0 when invalid.
// Overlong forms, surrogates and code points above U+10FFFF are invalid (RFC 3629).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) -> unsigned char {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
  };
  const unsigned char lead = byte(0);
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  std::size_t length = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (byte(1) < low || byte(1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (!is_continuation(byte(k))) return 0;
  }
  return length;
}

void append_utf8(std::string& out, std::uint32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

// A recursive-descent reader over one flat object; every method leaves pos_ after what it read.
class FlatJsonReader {
 public:
  explicit FlatJsonReader(std::string_view text) : text_(text) {}

  std::optional<FlatJson> object() {
    FlatJson result;
    skip_space();
    if (!consume('{')) return std::nullopt;
    skip_space();
    if (consume('}')) return finish(std::move(result));
    do {
      skip_space();
      std::optional<std::string> key = string();
      skip_space();
      if (!key || !consume(':')) return std::nullopt;
      skip_space();
      std::optional<JsonValue> value = scalar();
      if (!value || !result.emplace(std::move(*key), std::move(*value)).second) return std::nullopt;
      skip_space();
    } while (consume(','));
    if (!consume('}')) return std::nullopt;
    return finish(std::move(result));
  }

 private:
  std::optional<FlatJson> finish(FlatJson result) {
    skip_space();
    if (pos_ != text_.size()) return std::nullopt;
    return result;
  }

  std::optional<JsonValue> scalar() {
    if (peek() == '"') {
      std::optional<std::string> text = string();
      if (!text) return std::nullopt;
      return JsonValue(std::move(*text));
    }
    if (literal("true")) return JsonValue(true);
    if (literal("false")) return JsonValue(false);
    if (literal("null")) return JsonValue(nullptr);
    return number();
  }

  std::optional<JsonValue> number() {
    const std::size_t start = pos_;
    bool integral = true;
    consume('-');
    if (consume('0')) {
    } else if (!digits()) {
      return std::nullopt;
    }
    if (consume('.')) {
      integral = false;
      if (!digits()) return std::nullopt;
    }
    if (consume('e') || consume('E')) {
      integral = false;
      if (!consume('+')) consume('-');
      if (!digits()) return std::nullopt;
    }
    const char* first = text_.data() + start;
    const char* last = text_.data() + pos_;
    if (integral) {
      std::int64_t value = 0;
      if (std::from_chars(first, last, value).ec == std::errc()) return JsonValue(value);
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(first, last, value);
    if (ec != std::errc() || end != last) return std::nullopt;
    return JsonValue(value);
  }

  std::optional<std::string> string() {
    if (!consume('"')) return std::nullopt;
    std::string out;
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) return std::nullopt;
      if (c != '\\') {
        out += c;
      } else if (!escape(out)) {
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  // Reads the escape after a backslash and appends what it stands for.
  bool escape(std::string& out) {
    if (pos_ >= text_.size()) return false;
    const char c = text_[pos_++];
    switch (c) {
      case '"':
        out += '"';
        return true;
      case '\\':
        out += '\\';
        return true;
      case '/':
        out += '/';
        return true;
      case 'b':
        out += '\b';
        return true;
      case 'f':
        out += '\f';
        return true;
      case 'n':
        out += '\n';
        return true;
      case 'r':
        out += '\r';
        return true;
      case 't':
        out += '\t';
        return true;
      case 'u':
        break;
      default:
        return false;
    }
    std::optional<std::uint32_t> unit = hex4();
    if (!unit || (*unit >= 0xDC00 && *unit <= 0xDFFF)) return false;
    if (*unit >= 0xD800 && *unit <= 0xDBFF) {
      // A high surrogate must be followed by an escaped low surrogate.
      if (!literal("\\u")) return false;
      std::optional<std::uint32_t> low = hex4();
      if (!low || *low < 0xDC00 || *low > 0xDFFF) return false;
      *unit = 0x10000 + ((*unit - 0xD800) << 10) + (*low - 0xDC00);
    }
    append_utf8(out, *unit);
    return true;
  }

  std::optional<std::uint32_t> hex4() {
    if (text_.size() - pos_ < 4) return std::nullopt;
    std::uint32_t value = 0;
    const char* first = text_.data() + pos_;
    const auto [end, ec] = std::from_chars(first, first + 4, value, 16);
    if (ec != std::errc() || end != first + 4) return std::nullopt;
    pos_ += 4;
    return value;
  }

  bool digits() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    return pos_ > start;
  }
  bool literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }
  bool consume(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string json_quote(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  out.reserve(text.size() + 2);
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t length = utf8_sequence_length(text, i);
      out += length == 0 ? kReplacement : text.substr(i, length);
      i += length == 0 ? 1 : length;
      continue;
    }
    ++i;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

std::optional<FlatJson> parse_flat_json(std::string_view text) {
  return FlatJsonReader(text).object();
}

JsonObjectWriter& JsonObjectWriter::key(std::string_view key) {
  if (text_.size() > 1) text_ += ',';
  text_ += json_quote(key);
  text_ += ':';
  return *this;
}

JsonObjectWriter& JsonObjectWriter::string(std::string_view key, std::string_view value) {
  this->key(key).text_ += json_quote(value);
  return *this;
}

JsonObjectWriter& JsonObjectWriter::integer(std::string_view key, std::int64_t value) {
  this->key(key).text_ += std::to_string(value);
  return *this;
}

JsonObjectWriter& JsonObjectWriter::number(std::string_view key, double value) {
  this->key(key);
  if (!std::isfinite(value)) {
    text_ += "null";
    return *this;
  }
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  text_.append(buffer, ec == std::errc() ? end : buffer);
  return *this;
}

JsonObjectWriter& JsonObjectWriter::boolean(std::string_view key, bool value) {
  this->key(key).text_ += value ? "true" : "false";
  return *this;
}

JsonObjectWriter& JsonObjectWriter::null(std::string_view key) {
  this->key(key).text_ += "null";
  return *this;
}

}  // namespace sitstretch::control
