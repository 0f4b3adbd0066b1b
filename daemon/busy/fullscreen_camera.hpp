#pragma once

#include <memory>

#include "busy/busy_source.hpp"

namespace sitstretch::busy {

// The fullscreen source this session offers: X11's active window outside a Wayland session,
// sway's IPC in a sway session; in other Wayland sessions none can be built here
// (fullscreen_camera.cpp says why), and describe() says so.
std::unique_ptr<BusySource> make_fullscreen_busy(const BusyContext& context);

// The camera source on context.camera_dir, or one saying why that cannot be watched.
std::unique_ptr<BusySource> make_camera_busy(const BusyContext& context);

}  // namespace sitstretch::busy
