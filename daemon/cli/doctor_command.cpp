// `sitstretch doctor [--json]`: what sitstretch finds of each outside part and what to do when
// something is missing (SPEC §6). Wires the probes (doctor/probes.hpp) to the pure checks
// (doctor/checks.hpp); works with or without a running daemon.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/ask_daemon.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "control/protocol.hpp"
#include "doctor/checks.hpp"
#include "doctor/probes.hpp"

namespace sitstretch::cli {
namespace {

constexpr const char* kUsage = "usage: sitstretch doctor [--json]";

// The service's facts: the unit from systemctl, the daemon from its own status reply.
doctor::ServiceFacts probe_service() {
  doctor::ServiceFacts facts = doctor::probe_unit();
  const Answer answer = ask_daemon(control::format_request({"status", {}}));
  facts.daemon_running = answer.ok;
  facts.daemon_error = answer.error;
  if (!answer.ok) return facts;
  const auto pid = answer.reply.find("pid");
  if (pid != answer.reply.end() && pid->is_number_integer()) facts.daemon_pid = *pid;
  const auto version = answer.reply.find("version");
  if (version != answer.reply.end() && version->is_string()) facts.daemon_version = *version;
  return facts;
}

// Every part, in SPEC §6's order.
std::vector<doctor::Finding> examine(const config::Environment& env) {
  config::Config in_use;
  const doctor::ConfigFacts config = doctor::probe_config(env, in_use);
  return {
      doctor::check_idle(doctor::probe_idle(in_use)),
      doctor::check_lock(doctor::probe_lock()),
      doctor::check_notifications(doctor::probe_notifications()),
      doctor::check_busy(doctor::probe_busy(in_use)),
      doctor::check_tray(doctor::probe_tray()),
      doctor::check_config(config),
      doctor::check_log(doctor::probe_log()),
      doctor::check_service(probe_service()),
  };
}

nlohmann::json to_json(const std::vector<doctor::Finding>& findings) {
  nlohmann::json parts = nlohmann::json::array();
  for (const doctor::Finding& f : findings) {
    parts.push_back({{"name", f.part},
                     {"ok", f.verdict == doctor::Verdict::ok},
                     {"verdict", doctor::to_string(f.verdict)},
                     {"found", f.found},
                     {"advice", f.advice}});
  }
  return {
      {"ok", doctor::prompts_work(findings)}, {"version", SITSTRETCH_VERSION}, {"parts", parts}};
}

}  // namespace

int doctor_command(const Args& args, const config::Environment& env) {
  static constexpr Option kOptions[] = {{"json"}};
  auto parsed = parse_options(args, kOptions, kUsage);
  if (auto* error = std::get_if<std::string>(&parsed)) return fail(kBadInput, *error);
  const ParsedArgs& given = std::get<ParsedArgs>(parsed);
  if (!given.operands.empty()) return fail(kBadInput, kUsage);

  const std::vector<doctor::Finding> findings = examine(env);
  if (!given.options.empty()) {
    std::printf("%s\n", to_json(findings).dump().c_str());
  } else {
    for (const doctor::Finding& f : findings) std::printf("%s\n", format_line(f).c_str());
  }
  return doctor::prompts_work(findings) ? kOk : kFailed;
}

}  // namespace sitstretch::cli
