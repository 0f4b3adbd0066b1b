#pragma once

// What `sitstretch doctor` says of one outside part of the desktop: what was found and, when
// something is missing, what to do. Pure: the checks make these from probe results (facts.hpp).

#include <string>
#include <string_view>
#include <vector>

namespace sitstretch::doctor {

enum class Verdict {
  ok,    // works as it should
  warn,  // works less well than it could; prompts still come
  fail,  // prompts cannot work until this is fixed: doctor exits 1
};

std::string_view to_string(Verdict verdict);

struct Finding {
  std::string part;  // "notifications"
  Verdict verdict = Verdict::ok;
  std::string found;   // what was found, one line
  std::string advice;  // what to do, one line; empty when nothing needs doing

  bool operator==(const Finding&) const = default;
};

// True when no finding fails: everything needed for prompts works.
bool prompts_work(const std::vector<Finding>& findings);

// One line: "FAIL notifications: none on the session bus -> start a notification server".
std::string format_line(const Finding& finding);

// "a; b; c"
std::string join(const std::vector<std::string>& parts, std::string_view separator = "; ");

}  // namespace sitstretch::doctor
