// store_writer LOG FIRST_T_MS
//
// The writer of the crash-safety test (crash_safety_test.cpp): opens LOG as the daemon does and
// appends records through the real Store forever, their t counting up from FIRST_T_MS, with a
// presence transition after every third. After each append that returned true (committed) it
// writes the record's t as one line to stdout, unbuffered, so that whatever the test reads
// before or after killing it was committed. Exits 1 if the log cannot be opened or an append
// fails.

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <variant>

#include "core/record.hpp"
#include "store/store.hpp"

namespace core = sitstretch::core;
namespace store = sitstretch::store;

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  auto opened = store::Store::open(argv[1], store::Store::IfDamaged::move_aside);
  if (auto* error = std::get_if<std::string>(&opened)) {
    std::fprintf(stderr, "store_writer: %s\n", error->c_str());
    return 1;
  }
  auto& log = *std::get<std::unique_ptr<store::Store>>(opened);
  for (std::int64_t t = std::strtoll(argv[2], nullptr, 10);; ++t) {
    core::Record r;
    r.t = core::Ms(t);
    r.kind = t % 2 == 0 ? core::RecordKind::prompt : core::RecordKind::side;
    r.attempt = 1;
    r.sitting = core::Ms(t % 1000);
    if (!log.append(r)) return 1;
    if (t % 3 == 0 && !log.append_presence(core::Signal::idle, t, t - 1)) return 1;
    const std::string line = std::to_string(t) + "\n";
    if (write(STDOUT_FILENO, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
      return 1;
    }
  }
}
