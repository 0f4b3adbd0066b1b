#pragma once

#include <boost/asio/io_context.hpp>
#include <memory>
#include <string>

#include "idle/presence_source.hpp"

namespace sitstretch::idle {

// The ext-idle-notify-v1 idle source ("ext-idle-notify") on display_name (empty:
// $WAYLAND_DISPLAY). Version 1's notification honours idle inhibitors (a playing video keeps the
// user present), which is idle.inhibited_is_sitting = true; with the setting false and a
// compositor offering version 2, input-only idleness is asked for instead. Returns nullptr with
// a one-line reason in *error when there is no compositor or it lacks the protocol.
std::unique_ptr<IdleSource> open_ext_idle_notify(boost::asio::io_context& io, PresenceSink sink,
                                                 BootClock clock, core::Ms idle_after,
                                                 bool inhibited_is_sitting,
                                                 const std::string& display_name,
                                                 std::string* error);

}  // namespace sitstretch::idle
