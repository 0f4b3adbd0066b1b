#pragma once

#include <boost/asio/io_context.hpp>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "idle/presence_source.hpp"

namespace sitstretch::idle {

// What the choice reads of the desktop session; main() fills it from the process environment.
struct IdleSession {
  std::string session_type;     // $XDG_SESSION_TYPE
  std::string wayland_display;  // $WAYLAND_DISPLAY
  std::string x_display;        // --display, else empty for $DISPLAY

  static IdleSession from_process(const std::string& display_option);
  // A Wayland session: Xwayland's idle counter misses input to native Wayland windows, so the
  // X11 sources are not picked automatically there. Empty when not Wayland, else why it is.
  std::string wayland_because() const;
};

struct IdleRequest {
  std::string source = "auto";       // idle.source or --idle-source: "auto" or a source name
  core::Ms idle_after{0};            // sitting.break_after
  bool inhibited_is_sitting = true;  // idle.inhibited_is_sitting
};

struct IdleChoice {
  std::unique_ptr<IdleSource> source;  // nullptr: none available (auto) or the forced one missing
  // The sources tried before the picked one, each "name: why it was passed over", in order.
  std::vector<std::string> passed_over;
  // Set when a forced source is not available: one line naming it and what is missing.
  std::string error;

  // The start-up log lines: which source and why the earlier ones were passed over.
  std::vector<std::string> log_lines() const;
};

// Every source name, in SPEC §6's order of the automatic choice.
std::span<const std::string_view> idle_source_names();
bool is_idle_source_name(std::string_view name);

// Tries the sources in order (or only the forced one) and returns the first that opens: Mutter
// IdleMonitor, ext-idle-notify-v1, org_kde_kwin_idle, X11 SYNC, X11 MIT-SCREEN-SAVER. The X11
// sources are skipped in a Wayland session unless forced. Runs on the loop thread; the Mutter
// source makes one blocking D-Bus round trip to see whether GNOME is there.
IdleChoice choose_idle_source(boost::asio::io_context& io, const PresenceSink& sink,
                              const BootClock& clock, const IdleSession& session,
                              const IdleRequest& request);

}  // namespace sitstretch::idle
