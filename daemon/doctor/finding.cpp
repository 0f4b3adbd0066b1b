#include "doctor/finding.hpp"

#include <algorithm>

namespace sitstretch::doctor {

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::warn:
      return "warn";
    case Verdict::fail:
      return "fail";
    case Verdict::ok:
      break;
  }
  return "ok";
}

bool prompts_work(const std::vector<Finding>& findings) {
  return std::none_of(findings.begin(), findings.end(),
                      [](const Finding& f) { return f.verdict == Verdict::fail; });
}

std::string format_line(const Finding& finding) {
  // Fixed-width marks so the parts line up; FAIL in capitals to stand out in a terminal.
  std::string line = finding.verdict == Verdict::fail   ? "FAIL "
                     : finding.verdict == Verdict::warn ? "warn "
                                                        : "ok   ";
  line += finding.part + ": " + finding.found;
  if (!finding.advice.empty()) line += " -> " + finding.advice;
  return line;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string text;
  for (const std::string& part : parts) {
    if (!text.empty()) text += separator;
    text += part;
  }
  return text;
}

}  // namespace sitstretch::doctor
