// The probes of sitstretch's own files and of its systemd user unit.
#include <glib.h>
#include <unistd.h>

#include <filesystem>

#include "config/policy.hpp"
#include "doctor/probes.hpp"
#include "store/log_check.hpp"
#include "store/schema.hpp"
#include "store/store.hpp"

namespace sitstretch::doctor {
namespace {

namespace fs = std::filesystem;

// Whether the log can be written: the file itself, or else the nearest directory on its path
// that exists (the daemon makes the missing ones).
bool writable(const fs::path& file) {
  fs::path at = file;
  std::error_code error;
  while (!at.empty() && !fs::exists(at, error)) {
    if (at == at.parent_path()) return false;
    at = at.parent_path();
  }
  return !at.empty() && access(at.c_str(), W_OK) == 0;
}

// Runs `systemctl --user VERB sitstretchd.service`: its one-word answer, or "" with *error set
// to its complaint when it gave none (no user manager, no systemctl).
std::string systemctl(const char* verb, std::string* error) {
  const gchar* argv[] = {"systemctl", "--user", verb, "sitstretchd.service", nullptr};
  g_autofree gchar* out = nullptr;
  g_autofree gchar* err = nullptr;
  GError* failure = nullptr;
  if (!g_spawn_sync(nullptr, const_cast<gchar**>(argv), nullptr, G_SPAWN_SEARCH_PATH, nullptr,
                    nullptr, &out, &err, nullptr, &failure)) {
    *error = failure->message;
    g_error_free(failure);
    return "";
  }
  std::string answer = g_strstrip(out);
  if (answer.empty()) {
    std::string complaint = g_strstrip(err);
    *error = complaint.substr(0, complaint.find('\n'));
    if (error->empty()) *error = "systemctl said nothing";
  }
  return answer;
}

}  // namespace

ConfigFacts probe_config(const config::Environment& env, config::Config& in_use) {
  ConfigFacts facts;
  for (const fs::path& file : config::config_paths(env)) {
    std::error_code error;
    if (fs::exists(file, error) || error) facts.files.push_back(file.string());
  }
  config::LoadResult loaded = config::load_with_warnings(std::nullopt, env);
  if (auto* error = std::get_if<config::ConfigError>(&loaded)) {
    facts.error = error->to_string();
    in_use = config::defaults();
    return facts;
  }
  const config::Loaded& good = std::get<config::Loaded>(loaded);
  in_use = good.config;
  for (const config::Lock& lock : good.locks)
    facts.locks.push_back(lock.key + " (" + lock.place() + ")");
  for (const config::ConfigWarning& w : good.warnings) facts.ignored.push_back(w.to_string());
  return facts;
}

LogFacts probe_log(const std::function<const char*(const char*)>& getenv) {
  LogFacts facts;
  facts.latest_schema_version = store::latest_schema_version();
  const fs::path path = store::default_path(getenv);
  facts.path = path.string();
  if (path.empty()) return facts;
  std::error_code error;
  facts.exists = fs::exists(path, error);
  facts.writable = writable(path);
  if (!facts.exists) return facts;
  facts.size = fs::file_size(path, error);
  const store::LogCheck check = store::check_log(path);
  facts.schema_version = check.schema_version;
  facts.open_error = check.error;
  facts.integrity = check.integrity;
  return facts;
}

ServiceFacts probe_unit() {
  ServiceFacts facts;
  facts.cli_version = SITSTRETCH_VERSION;
  facts.unit_enabled = systemctl("is-enabled", &facts.systemd_error);
  if (facts.unit_enabled.empty()) return facts;
  std::string ignored;  // is-active answers whenever is-enabled did
  facts.unit_active = systemctl("is-active", &ignored);
  return facts;
}

}  // namespace sitstretch::doctor
