#include "scenario.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "core/record_json.hpp"
#include "core/trace.hpp"

namespace sitstretch::test {

namespace {

// Feeds the trace line by line; returns the records and "LINE: message" of the first error.
std::pair<std::vector<core::Record>, std::string> run(std::string_view trace,
                                                      const core::Settings& s) {
  core::Replay replay(s);
  std::vector<core::Record> records;
  std::istringstream in{std::string(trace)};
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (auto error = replay.feed(line, records)) {
      return {records, std::to_string(number) + ": " + error->message};
    }
  }
  return {records, ""};
}

}  // namespace

std::vector<core::Record> replay_records(std::string_view trace, const core::Settings& s) {
  auto [records, error] = run(trace, s);
  INFO(trace);
  REQUIRE(error.empty());
  return records;
}

std::vector<std::string> replay(std::string_view trace, const core::Settings& s) {
  std::vector<std::string> lines;
  for (const auto& r : replay_records(trace, s)) {
    lines.push_back(core::to_json(r, core::trace_time_format()));
  }
  return lines;
}

std::string replay_error(std::string_view trace, const core::Settings& s) {
  auto [records, error] = run(trace, s);
  INFO(trace);
  REQUIRE_FALSE(error.empty());
  return error;
}

}  // namespace sitstretch::test
