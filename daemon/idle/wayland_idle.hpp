#pragma once

#include <boost/asio/io_context.hpp>
#include <memory>
#include <string>

#include "idle/presence_source.hpp"

namespace sitstretch::idle {

// The Wayland idle sources, for the factory. Each connects to the compositor of
// $WAYLAND_DISPLAY, binds wl_seat and its notifier, and reports `idle` / `active` from the
// compositor's events; the Wayland fd joins `io` as the X connection does. Each returns nullptr,
// with a one-line reason in *error, when there is no compositor or it lacks the protocol, or
// when the source was left out of this build (CMake found no wayland-client / protocols).

// ext-idle-notify-v1 ("ext-idle-notify"). Version 1 applies idle inhibitors by itself; with
// version 2 and inhibited_is_sitting false, input-only idleness is asked for.
std::unique_ptr<IdleSource> make_ext_idle_notify(boost::asio::io_context& io, PresenceSink sink,
                                                 BootClock clock, core::Ms idle_after,
                                                 bool inhibited_is_sitting, std::string* error);

// org_kde_kwin_idle ("kde-idle"): KDE Plasma, sway before 1.8.
std::unique_ptr<IdleSource> make_kde_idle(boost::asio::io_context& io, PresenceSink sink,
                                          BootClock clock, core::Ms idle_after,
                                          bool inhibited_is_sitting, std::string* error);

}  // namespace sitstretch::idle
