#include "core/duration_text.hpp"

#include <array>
#include <charconv>

namespace sitstretch::core {
namespace {

struct Unit {
  char letter;
  Ms length;
};
constexpr std::array<Unit, 3> kUnits{
    {{'h', std::chrono::hours(1)}, {'m', std::chrono::minutes(1)}, {'s', std::chrono::seconds(1)}}};

// Caps every number, and the total in hours, well below what would overflow milliseconds in an
// int64. Capping the total too keeps format_duration's output readable: "100000000h4619s" would
// otherwise be written as 100000001 hours, which no longer parses (found by fuzz/duration_fuzz).
constexpr long long kMaxNumber = 100'000'000;

}  // namespace

std::optional<Ms> parse_duration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  Ms total{};
  std::size_t next_unit = 0;  // units must come largest first, each once
  const char* p = text.data();
  const char* end = p + text.size();
  while (p != end) {
    long long number = 0;
    auto [after, ec] = std::from_chars(p, end, number);
    if (ec != std::errc{} || after == p || after == end || number < 0 || number > kMaxNumber) {
      return std::nullopt;
    }
    std::size_t u = next_unit;
    while (u < kUnits.size() && kUnits[u].letter != *after) ++u;
    if (u == kUnits.size()) return std::nullopt;
    total += kUnits[u].length * number;
    next_unit = u + 1;
    p = after + 1;
  }
  if (total > kUnits[0].length * kMaxNumber) return std::nullopt;
  return total;
}

std::string format_duration(Ms d) {
  long long s = std::chrono::duration_cast<std::chrono::seconds>(d).count();
  if (s == 0) return "0s";
  std::string out;
  if (s >= 3600) out += std::to_string(s / 3600) + "h";
  if (s % 3600 >= 60) out += std::to_string(s % 3600 / 60) + "m";
  if (s % 60 != 0) out += std::to_string(s % 60) + "s";
  return out;
}

std::string describe_duration(Ms d) {
  long long s = std::chrono::duration_cast<std::chrono::seconds>(d).count();
  if (s < 60) return std::to_string(s) + " s";
  long long h = s / 3600;
  long long m = (s % 3600) / 60;
  if (h == 0) return std::to_string(m) + " min";
  if (m == 0) return std::to_string(h) + " h";
  return std::to_string(h) + " h " + std::to_string(m) + " min";
}

}  // namespace sitstretch::core
