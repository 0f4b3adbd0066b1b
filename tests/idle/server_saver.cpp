#include "server_saver.hpp"

#include <X11/Xlib.h>
#include <X11/extensions/scrnsaver.h>

namespace sitstretch::idle::test {

bool set_server_saver(const std::string& display_name, int seconds) {
  Display* display = XOpenDisplay(display_name.c_str());
  if (!display) return false;
  XSetScreenSaver(display, seconds, 0, DontPreferBlanking, AllowExposures);
  XSync(display, False);
  XCloseDisplay(display);
  return true;
}

bool server_saver_on(const std::string& display_name) {
  Display* display = XOpenDisplay(display_name.c_str());
  if (!display) return false;
  XScreenSaverInfo info{};
  const bool ok = XScreenSaverQueryInfo(display, DefaultRootWindow(display), &info);
  XCloseDisplay(display);
  return ok && info.state == ScreenSaverOn;
}

}  // namespace sitstretch::idle::test
