#include "idle/idle_factory.hpp"

#include <array>
#include <cstdlib>

#include "idle/inhibited_idle.hpp"
#include "idle/mutter_idle.hpp"
#include "idle/wayland_idle.hpp"
#include "idle/x11_idle.hpp"
#include "idle/x11_screensaver_idle.hpp"

namespace sitstretch::idle {
namespace {

struct Context {
  boost::asio::io_context& io;
  const PresenceSink& sink;
  const BootClock& clock;
  const IdleSession& session;
  const IdleRequest& request;
};

using Opener = std::unique_ptr<IdleSource> (*)(const Context& c, std::string* error);

// One row per source, in the order of the automatic choice. A source CMake left out of the build
// still has its row: its opener says so.
struct Entry {
  std::string_view name;
  bool x11;
  Opener open;
};

// X11's idle time is input only: with idle.inhibited_is_sitting, logind's idle inhibitors are
// applied on top of it.
std::unique_ptr<IdleSource> with_logind_rule(const Context& c, std::string* error,
                                             const InhibitedIdle::OpenInner& open) {
  if (!c.request.inhibited_is_sitting) return open(c.sink);
  return InhibitedIdle::make(c.io, c.sink, c.clock, c.request.idle_after, open, error);
}

constexpr std::array<Entry, 5> kEntries{{
    {"mutter", false,
     [](const Context& c, std::string* error) -> std::unique_ptr<IdleSource> {
       return MutterIdle::open(c.sink, c.clock, c.request.idle_after,
                               c.request.inhibited_is_sitting, error);
     }},
    {"ext-idle-notify", false,
     [](const Context& c, std::string* error) {
       return make_ext_idle_notify(c.io, c.sink, c.clock, c.request.idle_after,
                                   c.request.inhibited_is_sitting, error);
     }},
    {"kde-idle", false,
     [](const Context& c, std::string* error) {
       return make_kde_idle(c.io, c.sink, c.clock, c.request.idle_after,
                            c.request.inhibited_is_sitting, error);
     }},
    {"x11-sync", true,
     [](const Context& c, std::string* error) {
       return with_logind_rule(c, error, [&](PresenceSink sink) -> std::unique_ptr<IdleSource> {
         return X11SyncIdle::open(c.io, std::move(sink), c.clock, c.request.idle_after,
                                  c.session.x_display, error);
       });
     }},
    {"x11-screensaver", true,
     [](const Context& c, std::string* error) {
       return with_logind_rule(c, error, [&](PresenceSink sink) -> std::unique_ptr<IdleSource> {
         return X11ScreenSaverIdle::open(c.io, std::move(sink), c.clock, c.request.idle_after,
                                         c.session.x_display, error);
       });
     }},
}};

constexpr std::array<std::string_view, kEntries.size()> kNames{
    kEntries[0].name, kEntries[1].name, kEntries[2].name, kEntries[3].name, kEntries[4].name};

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

IdleChoice forced(const Entry& entry, const Context& c) {
  IdleChoice choice;
  std::string why;
  choice.source = entry.open(c, &why);
  if (!choice.source) {
    choice.error = "idle source " + std::string(entry.name) + " is not available: " + why;
  } else if (entry.x11 && !c.session.wayland_because().empty()) {
    choice.passed_over.push_back("forced " + std::string(entry.name) + " in a Wayland session (" +
                                 c.session.wayland_because() +
                                 "): input to native Wayland windows goes unseen");
  }
  return choice;
}

}  // namespace

IdleSession IdleSession::from_process(const std::string& display_option) {
  return IdleSession{env("XDG_SESSION_TYPE"), env("WAYLAND_DISPLAY"), display_option};
}

std::string IdleSession::wayland_because() const {
  if (session_type == "wayland") return "XDG_SESSION_TYPE=wayland";
  if (!wayland_display.empty()) return "WAYLAND_DISPLAY=" + wayland_display;
  return "";
}

std::vector<std::string> IdleChoice::log_lines() const {
  std::vector<std::string> lines;
  for (const std::string& why : passed_over) lines.push_back("idle source passed over: " + why);
  if (source) lines.push_back("idle source: " + std::string(source->name()));
  if (!source && error.empty()) lines.push_back("no idle source found");
  if (!error.empty()) lines.push_back(error);
  return lines;
}

std::span<const std::string_view> idle_source_names() {
  return kNames;
}

bool is_idle_source_name(std::string_view name) {
  for (std::string_view known : kNames) {
    if (known == name) return true;
  }
  return false;
}

IdleChoice choose_idle_source(boost::asio::io_context& io, const PresenceSink& sink,
                              const BootClock& clock, const IdleSession& session,
                              const IdleRequest& request) {
  const Context c{io, sink, clock, session, request};
  IdleChoice choice;
  for (const Entry& entry : kEntries) {
    if (request.source == entry.name) return forced(entry, c);
    if (request.source != "auto") continue;
    std::string why;
    if (entry.x11 && !session.wayland_because().empty()) {
      why = "a Wayland session (" + session.wayland_because() +
            "), where Xwayland's idle time misses input to Wayland windows";
    } else if ((choice.source = entry.open(c, &why))) {
      return choice;
    }
    choice.passed_over.push_back(std::string(entry.name) + ": " + why);
  }
  if (request.source != "auto") choice.error = "unknown idle source " + std::string(request.source);
  return choice;
}

}  // namespace sitstretch::idle
