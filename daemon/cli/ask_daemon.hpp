#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace sitstretch::cli {

// What sitstretchd made of one request sent over its control socket.
struct Answer {
  bool answered = false;  // a daemon replied at all
  bool ok = false;        // it took the request ("ok": true)
  std::string error;      // why not, one line, when !ok
  std::string line;       // the reply as it came, without its newline
  nlohmann::json reply;   // the reply object when it was JSON, else null
};

// Sends one request line (control protocol, SPEC §6) to the daemon of this session and waits a
// few seconds for the reply. error is the client's message when no daemon answered, the
// daemon's "error" when it refused, or says the reply was not a JSON object.
Answer ask_daemon(const std::string& request);

}  // namespace sitstretch::cli
