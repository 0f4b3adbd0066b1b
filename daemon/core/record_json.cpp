#include "core/record_json.hpp"

namespace sitstretch::core {
namespace {

std::string whole_seconds(Ms d) {
  return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(d).count());
}

std::string boolean(bool b) {
  return b ? "true" : "false";
}

}  // namespace

std::string decimal_seconds(Ms t) {
  const long long ms = t.count();
  const char* sign = ms < 0 ? "-" : "";
  const long long abs = ms < 0 ? -ms : ms;
  std::string out = sign + std::to_string(abs / 1000);
  if (long long frac = abs % 1000; frac != 0) {
    std::string digits = std::to_string(frac);
    digits.insert(0, 3 - digits.size(), '0');
    while (digits.back() == '0') digits.pop_back();
    out += "." + digits;
  }
  return out;
}

TimeFormat trace_time_format() {
  return {decimal_seconds, decimal_seconds};
}

std::string to_json(const Record& r, const TimeFormat& format) {
  std::string out = "{\"t\":" + format.instant(r.t) + ",\"event\":\"";
  out += to_string(r.kind);
  out += '"';
  auto key = [&out](const char* name, const std::string& value) {
    out += ",\"";
    out += name;
    out += "\":";
    out += value;
  };
  auto until = [&] { return r.until ? format.instant(*r.until) : std::string("null"); };
  switch (r.kind) {
    case RecordKind::prompt:
      key("sitting_s", whole_seconds(r.sitting));
      key("attempt", std::to_string(r.attempt));
      break;
    case RecordKind::accepted:
      key("sitting_s", whole_seconds(r.sitting));
      key("prompted", boolean(r.prompted));
      break;
    case RecordKind::snoozed:
      key("until_s", r.until ? format.seconds(*r.until) : std::string("null"));
      break;
    case RecordKind::skipped:
    case RecordKind::dismissed:
    case RecordKind::ignored:
      key("sitting_s", whole_seconds(r.sitting));
      break;
    case RecordKind::away:
      key("since", format.instant(r.since));
      key("sitting_s", whole_seconds(r.sitting));
      key("prompted", boolean(r.prompted));
      break;
    case RecordKind::back:
      key("away_s", whole_seconds(r.away));
      break;
    case RecordKind::paused:
    case RecordKind::resumed:
      key("until", until());
      break;
    case RecordKind::side:
      key("side", "\"" + std::string(to_string(r.side)) + "\"");
      break;
    case RecordKind::busy:
    case RecordKind::free:
      key("reason", "\"" + std::string(to_string(r.reason)) + "\"");
      break;
  }
  out += '}';
  return out;
}

}  // namespace sitstretch::core
