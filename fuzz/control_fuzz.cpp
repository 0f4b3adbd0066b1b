// libFuzzer target: the daemon's side of the control protocol, a request line to a typed
// command, and the reply written for a refused one.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

#include "control/command_text.hpp"
#include "control/protocol.hpp"

namespace control = sitstretch::control;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  auto command = control::parse_command(line);
  if (auto* reason = std::get_if<std::string>(&command)) {
    // A refusal is one line of JSON, whatever the request held.
    const std::string reply = control::error_reply(*reason);
    if (reply.find('\n') != std::string::npos) std::abort();
  }
  auto request = control::parse_request(line);
  if (auto* parsed = std::get_if<control::Request>(&request)) {
    // A request the daemon accepts, written back as a client would, reads the same.
    auto again = control::parse_request(control::format_request(*parsed));
    const auto* same = std::get_if<control::Request>(&again);
    if (!same || !(*same == *parsed)) std::abort();
  }
  return 0;
}
