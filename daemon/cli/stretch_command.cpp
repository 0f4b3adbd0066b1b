// `sitstretch stretch`: the guided book stretch in a terminal, with a countdown; it records the
// stretch and the tighter side through the daemon when one runs. `--notify` asks the daemon to
// guide with notifications instead, as the tray's "Stretch now" does.
#include <cstdio>
#include <iostream>
#include <thread>

#include "cli/ask_daemon.hpp"
#include "cli/commands.hpp"
#include "cli/open_log.hpp"
#include "cli/options.hpp"
#include "config/config.hpp"
#include "core/duration_text.hpp"
#include "store/store.hpp"
#include "stretch/book_stretch.hpp"

namespace sitstretch::cli {
namespace {

std::vector<core::Side> logged_sides() {
  auto opened = open_log();
  auto* log = std::get_if<std::unique_ptr<store::Store>>(&opened);
  if (!log || !*log) return {};
  return stretch::sides_of((*log)->latest_of(core::RecordKind::side, stretch::kRecentReports));
}

std::optional<core::Side> read_side() {
  std::printf("Which side felt tighter? [l]eft, [r]ight, about the [s]ame (Enter: skip): ");
  std::fflush(stdout);
  std::string answer;
  if (!std::getline(std::cin, answer) || answer.empty()) return std::nullopt;
  switch (std::tolower(static_cast<unsigned char>(answer[0]))) {
    case 'l':
      return core::Side::left;
    case 'r':
      return core::Side::right;
    case 's':
    case 'e':
      return core::Side::even;
  }
  return std::nullopt;
}

// Walks through both sides in real time, printing each step and the countdown.
void run_guide(const stretch::Guide& guide, std::chrono::steady_clock::time_point start) {
  auto now = [start] {
    return std::chrono::duration_cast<core::Ms>(std::chrono::steady_clock::now() - start);
  };
  int shown_step = 0;
  for (std::optional<core::Ms> t = core::Ms{0}; t; t = guide.next_update(*t)) {
    std::this_thread::sleep_for(*t - now());
    const stretch::GuideView view = guide.at(*t);
    if (view.step == stretch::GuideView::Step::ask) break;
    if (view.number != shown_step) {
      const stretch::Text text = stretch::guide_text(view);
      std::printf("\n%s\n%s\n", text.summary.c_str(),
                  text.body.substr(0, text.body.find("\nHold")).c_str());
      shown_step = view.number;
    }
    std::printf("  %s left\n", core::describe_duration(view.remaining).c_str());
    std::fflush(stdout);
  }
  std::printf("\n");
}

}  // namespace

int stretch_command(const Args& args, const config::Environment& env) {
  static constexpr Option kOptions[] = {{"notify"}, {"config", true}};
  constexpr const char* kUsage = "usage: sitstretch stretch [--notify] [--config FILE]";
  auto parsed = parse_options(args, kOptions, kUsage);
  if (auto* error = std::get_if<std::string>(&parsed)) return fail(kBadInput, *error);
  if (!std::get<ParsedArgs>(parsed).operands.empty()) return fail(kBadInput, kUsage);
  std::optional<std::filesystem::path> config_file;
  bool notify = false;
  for (const auto& [name, value] : std::get<ParsedArgs>(parsed).options) {
    notify = notify || name == "notify";
    if (name == "config") config_file = value;
  }
  if (notify) {
    const Answer answer = ask_daemon("stretch");
    if (!answer.ok) return fail(kFailed, answer.error);
    std::printf("Follow the notifications.\n");
    return kOk;
  }
  const config::Result loaded = config::load(config_file, env);
  if (auto* error = std::get_if<config::ConfigError>(&loaded)) {
    std::fprintf(stderr, "%s\n", error->to_string().c_str());
    return kBadInput;
  }
  const core::Settings& settings = std::get<config::Config>(loaded).model;

  for (const stretch::Text& part : stretch::introduction()) {
    std::printf("%s: %s\n", part.summary.c_str(), part.body.c_str());
  }
  // Recorded first, so leaving the guide early (Ctrl-C) still counts the stretch.
  const Answer recorded = ask_daemon("done");
  std::printf(recorded.ok ? "\nRecorded the stretch.\n"
                          : "\nsitstretchd is not running: nothing is recorded.\n");
  const stretch::Guide guide(core::Ms{0}, settings.hold,
                             stretch::first_side(settings.first_side, logged_sides()));
  run_guide(guide, std::chrono::steady_clock::now());

  const auto side = read_side();
  if (side && recorded.answered) {
    ask_daemon("side " + std::string(core::to_string(*side)));
    std::printf("Recorded: %s.\n",
                side == core::Side::even
                    ? "about the same"
                    : (std::string(core::to_string(*side)) + " tighter").c_str());
  }
  return kOk;
}

}  // namespace sitstretch::cli
