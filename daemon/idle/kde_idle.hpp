#pragma once

#include <boost/asio/io_context.hpp>
#include <memory>
#include <string>

#include "idle/presence_source.hpp"

namespace sitstretch::idle {

// The org_kde_kwin_idle idle source ("kde-idle"), for KDE Plasma and sway before 1.8, on
// display_name (empty: $WAYLAND_DISPLAY). Compositors apply idle inhibitors to it as they see
// fit (KWin and sway do), and the protocol offers no input-only variant, so
// inhibited_is_sitting = false cannot be honoured: it is logged once. Returns nullptr with a
// one-line reason in *error when there is no compositor or it lacks the protocol.
std::unique_ptr<IdleSource> open_kde_idle(boost::asio::io_context& io, PresenceSink sink,
                                          BootClock clock, core::Ms idle_after,
                                          bool inhibited_is_sitting,
                                          const std::string& display_name, std::string* error);

}  // namespace sitstretch::idle
