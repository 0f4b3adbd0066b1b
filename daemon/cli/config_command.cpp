#include <cstdio>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "config/config.hpp"

namespace sitstretch::cli {

// `sitstretch config check [FILE]` validates FILE, or the files the daemon would read.
// `sitstretch config default` prints the documented default file, a start for one's own.
// `sitstretch config path` prints where the user's file goes.
int config_command(const Args& words, const config::Environment& env) {
  const std::string usage = "usage: sitstretch config check [FILE] | config default | config path";
  // No options: a word like "--file" is a mistake, not a file name ("./--file" is one).
  auto parsed = parse_options(words, {}, usage);
  if (auto* error = std::get_if<std::string>(&parsed)) return fail(kBadInput, *error);
  const Args& args = std::get<ParsedArgs>(parsed).operands;
  if (args.empty()) return fail(kBadInput, usage);
  if (args[0] == "default" && args.size() == 1) {
    std::fwrite(config::default_toml().data(), 1, config::default_toml().size(), stdout);
    return kOk;
  }
  if (args[0] == "path" && args.size() == 1) {
    auto path = config::user_config_path(env);
    if (!path) return fail(kFailed, "neither XDG_CONFIG_HOME nor HOME is set");
    std::printf("%s\n", path->c_str());
    return kOk;
  }
  if (args[0] != "check" || args.size() > 2) return fail(kBadInput, usage);

  std::optional<std::filesystem::path> file;
  if (args.size() == 2) file = args[1];
  const config::LoadResult result = config::load_with_warnings(file, env);
  if (auto* error = std::get_if<config::ConfigError>(&result)) {
    std::fprintf(stderr, "%s\n", error->to_string().c_str());
    return kBadInput;
  }
  // A locked key the user set is ignored, not wrong: say so, and the check still passes.
  for (const config::ConfigWarning& warning : std::get<config::Loaded>(result).warnings) {
    std::fprintf(stderr, "warning: %s\n", warning.to_string().c_str());
  }
  if (file) {
    std::printf("%s: ok\n", file->c_str());
  } else {
    int found = 0;
    for (const auto& path : config::config_paths(env)) {
      if (!std::filesystem::exists(path)) continue;
      std::printf("%s: ok\n", path.c_str());
      ++found;
    }
    if (found == 0) std::printf("no configuration file; the built-in defaults apply\n");
  }
  return kOk;
}

}  // namespace sitstretch::cli
