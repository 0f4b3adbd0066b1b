#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "control/protocol.hpp"

using namespace sitstretch::control;

namespace {

Request accept(std::string_view line) {
  auto parsed = parse_request(line);
  if (const auto* error = std::get_if<std::string>(&parsed)) FAIL(error);
  return std::get<Request>(parsed);
}

std::string refuse(std::string_view line) {
  auto parsed = parse_request(line);
  if (std::holds_alternative<Request>(parsed)) FAIL("accepted: " << line);
  return std::get<std::string>(parsed);
}

}  // namespace

TEST_CASE("every command the CLI and tray send is understood", "[protocol]") {
  for (const char* word :
       {"status", "done", "snooze", "skip", "dismiss", "resume", "reload", "stretch", "pause"}) {
    CHECK(accept(word) == Request{word, {}});
  }
  CHECK(accept("pause 30m") == Request{"pause", {"30m"}});
  CHECK(accept("side left") == Request{"side", {"left"}});
  CHECK(accept("side even\n") == Request{"side", {"even"}});
  CHECK(accept("  pause \t 1h30m  \r\n") == Request{"pause", {"1h30m"}});
  // Duration syntax is the daemon's business, not the protocol's.
  CHECK(accept("pause soon") == Request{"pause", {"soon"}});
}

TEST_CASE("malformed requests are refused with a one-line reason", "[protocol]") {
  CHECK(refuse("") == "empty request");
  CHECK(refuse("   \n") == "empty request");
  CHECK_THAT(refuse("frobnicate"),
             Catch::StartsWith("unknown command 'frobnicate' (known: status, done,"));
  CHECK(refuse("STATUS").find("unknown command") != std::string::npos);
  CHECK(refuse("status now") == "'status' takes no argument, got 1");
  CHECK(refuse("pause 1h 2h") == "'pause' takes at most 1 argument, got 2");
  CHECK(refuse("side") == "'side' takes exactly 1 argument, got 0");
  CHECK(refuse("side up") == "'side' takes left, right or even, got 'up'");
  CHECK(refuse(std::string("status\0", 7)) == "request contains control characters");
  CHECK(refuse("status\x1b[2J") == "request contains control characters");
  CHECK(refuse("done\nstatus") == "request contains control characters");  // two lines
  // A long unknown word is shortened in the reason.
  CHECK(refuse(std::string(200, 'x')).size() < 200);
}

TEST_CASE("requests are bounded at kMaxRequestBytes", "[protocol]") {
  const std::string at_limit = "pause " + std::string(kMaxRequestBytes - 6, '9');
  REQUIRE(at_limit.size() == kMaxRequestBytes);
  CHECK(accept(at_limit + "\n").args.front().size() == kMaxRequestBytes - 6);
  CHECK(refuse(at_limit + "9") == "request longer than 4096 bytes");
}

TEST_CASE("format_request writes what parse_request reads back", "[protocol]") {
  for (const Request& request :
       {Request{"status", {}}, Request{"pause", {"45m"}}, Request{"side", {"right"}}}) {
    const std::string line = format_request(request);
    CHECK(line.back() == '\n');
    CHECK(accept(line) == request);
  }
  CHECK(format_request({"pause", {"10m"}}) == "pause 10m\n");
}

TEST_CASE("replies are one flat JSON object on one line", "[protocol]") {
  CHECK(error_reply("no prompt is pending") == R"({"ok":false,"error":"no prompt is pending"})");
  const std::string multi = error_reply("first\nsecond\r\nthird");
  CHECK(multi == R"({"ok":false,"error":"first second  third"})");
  const auto parsed = nlohmann::json::parse(ok_reply().integer("sitting_s", 61).str());
  CHECK(parsed.at("ok") == true);
  CHECK(parsed.at("sitting_s") == 61);
}
