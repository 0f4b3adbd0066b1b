#include "busy/fullscreen_camera.hpp"

#include "busy/camera_busy.hpp"
#include "busy/none_busy.hpp"
#include "busy/sway_fullscreen_busy.hpp"
#include "busy/x11_fullscreen_busy.hpp"

namespace sitstretch::busy {

std::unique_ptr<BusySource> make_fullscreen_busy(const BusyContext& context) {
  using core::BusyReason;
  const std::string wayland = context.session.wayland_because();
  std::string error;
  if (!wayland.empty() && !context.sway_socket.empty()) {
    if (auto source = SwayFullscreenBusy::open(context, context.sway_socket, &error)) {
      return source;
    }
    return std::make_unique<NoBusySource>(BusyReason::fullscreen, error);
  }
  if (!wayland.empty()) {
    // Xwayland's active window says nothing of native Wayland windows. Other wlroots
    // compositors tell through zwlr_foreign_toplevel_manager_v1, but Debian 12 packages no XML
    // of that protocol (no wlr-protocols package), so that client is not built; GNOME's Mutter
    // and KDE tell no ordinary client which window is fullscreen.
    return std::make_unique<NoBusySource>(
        BusyReason::fullscreen,
        "a Wayland session (" + wayland +
            ") other than sway: the wlroots foreign-toplevel source is not built (Debian 12 "
            "packages no wlr-protocols), and GNOME and KDE tell no client which window is "
            "fullscreen");
  }
  if (auto source = X11FullscreenBusy::open(context, context.session.x_display, &error)) {
    return source;
  }
  return std::make_unique<NoBusySource>(BusyReason::fullscreen, error);
}

std::unique_ptr<BusySource> make_camera_busy(const BusyContext& context) {
  std::string error;
  if (auto source = CameraBusy::open(context, context.camera_dir, &error)) return source;
  return std::make_unique<NoBusySource>(core::BusyReason::camera, error);
}

}  // namespace sitstretch::busy
