#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <set>
#include <string>
#include <variant>

#include <catch2/catch.hpp>

#include "core/record_json.hpp"
#include "run_command.hpp"
#include "store/store.hpp"

namespace sitstretch::store::test {

// A fresh directory for a log, removed with everything in it at scope exit.
struct TempDir : sitstretch::test::TempDir {
  std::filesystem::path log() const { return file("log.sqlite3"); }
};

// Opens the store at file and insists that it opens.
inline std::unique_ptr<Store> open_ok(const std::filesystem::path& file) {
  auto opened = Store::open(file);
  if (const auto* error = std::get_if<std::string>(&opened)) FAIL(*error);
  return std::move(std::get<std::unique_ptr<Store>>(opened));
}

// Opens the store at file and returns the error it is refused with.
inline std::string open_error(const std::filesystem::path& file) {
  auto opened = Store::open(file);
  if (std::holds_alternative<std::unique_ptr<Store>>(opened)) FAIL("opened " << file);
  return std::get<std::string>(opened);
}

inline std::string file_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

using sitstretch::test::ScopedTimeZone;

// The names of the entries of dir, so a test can see that no -wal or -journal file appeared.
inline std::set<std::string> entries(const std::filesystem::path& dir) {
  std::set<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    out.insert(e.path().filename().string());
  }
  return out;
}

// 2026-11-25T12:00:00Z in epoch milliseconds.
inline constexpr std::int64_t kNov25Noon = 1795608000000;

}  // namespace sitstretch::store::test

// Failed comparisons print records as JSON (trace seconds) plus the sitting time every record has.
template <>
struct Catch::StringMaker<sitstretch::core::Record> {
  static std::string convert(const sitstretch::core::Record& r) {
    using namespace sitstretch::core;
    return to_json(r, trace_time_format()) + " sitting=" + decimal_seconds(r.sitting);
  }
};
