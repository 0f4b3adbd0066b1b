#include "openbox.hpp"

#include <xcb/xcb.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "run_command.hpp"

namespace sitstretch::busy::test {
namespace {

using namespace std::chrono_literals;

// openbox runs its --startup command once it is done starting: until then it may miss a window
// mapped meanwhile (its _NET_SUPPORTING_WM_CHECK is up earlier than that).
sitstretch::test::ChildProcess start_openbox(const std::string& display,
                                             const std::string& ready_file) {
  return sitstretch::test::ChildProcess(
      {"openbox", "--sm-disable", "--startup", "touch " + ready_file}, {"DISPLAY=" + display});
}

template <typename Done>
bool wait_for(Done done, std::chrono::milliseconds timeout = 10s) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(20ms);
  }
  return true;
}

}  // namespace

Openbox& Openbox::on_private_xvfb() {
  static sitstretch::test::Xvfb xvfb;
  static Openbox openbox(xvfb.display());
  return openbox;
}

Openbox::Openbox(std::string display)
    : display_(std::move(display)), openbox_(start_openbox(display_, dir_.file("ready"))) {
  connection_ = xcb_connect(display_.c_str(), nullptr);
  if (xcb_connection_has_error(connection_)) throw std::runtime_error("cannot open the Xvfb");
  root_ = xcb_setup_roots_iterator(xcb_get_setup(connection_)).data->root;
  const char* name = "_NET_ACTIVE_WINDOW";
  std::unique_ptr<xcb_intern_atom_reply_t, decltype(&std::free)> atom(
      xcb_intern_atom_reply(connection_, xcb_intern_atom(connection_, 0, 18, name), nullptr),
      &std::free);
  net_active_window_ = atom->atom;
  if (!wait_for([&] { return std::filesystem::exists(dir_.file("ready")); })) {
    throw std::runtime_error("openbox did not start (is the openbox package installed?)");
  }
}

Openbox::~Openbox() {
  xcb_disconnect(connection_);
}

std::uint32_t Openbox::active_window() {
  std::unique_ptr<xcb_get_property_reply_t, decltype(&std::free)> reply(
      xcb_get_property_reply(
          connection_,
          xcb_get_property(connection_, 0, root_, net_active_window_, XCB_ATOM_WINDOW, 0, 1),
          nullptr),
      &std::free);
  if (!reply || xcb_get_property_value_length(reply.get()) < 4) return 0;
  return *static_cast<std::uint32_t*>(xcb_get_property_value(reply.get()));
}

// Whether wmctrl -l lists the window, i.e. openbox manages it (its _NET_CLIENT_LIST).
bool Openbox::window_is_managed(std::uint32_t window) {
  std::istringstream lines(
      sitstretch::test::run_command({"wmctrl", "-l"}, "", {"DISPLAY=" + display()}).out);
  std::string line;
  while (std::getline(lines, line)) {
    if (std::strtoul(line.c_str(), nullptr, 16) == window) return true;
  }
  return false;
}

std::uint32_t Openbox::open_window() {
  const xcb_window_t window = xcb_generate_id(connection_);
  const xcb_screen_t* screen = xcb_setup_roots_iterator(xcb_get_setup(connection_)).data;
  xcb_create_window(connection_, XCB_COPY_FROM_PARENT, window, root_, 0, 0, 200, 150, 0,
                    XCB_WINDOW_CLASS_INPUT_OUTPUT, screen->root_visual, 0, nullptr);
  // ICCCM WM_HINTS with input = True, as toolkits set it: openbox focuses a new window only
  // when the window says it takes input.
  const std::uint32_t hints[9] = {1, 1, 0, 0, 0, 0, 0, 0, 0};
  xcb_change_property(connection_, XCB_PROP_MODE_REPLACE, window, XCB_ATOM_WM_HINTS,
                      XCB_ATOM_WM_HINTS, 32, 9, hints);
  xcb_map_window(connection_, window);
  xcb_flush(connection_);
  // openbox focuses a new window by itself only when its focus-stealing rules agree (not always
  // right after start-up): activate it as a user's click would.
  if (!wait_for([&] { return window_is_managed(window); })) {
    throw std::runtime_error("openbox did not manage the new window");
  }
  wmctrl({"-a", id(window)});
  if (!wait_for([&] { return active_window() == window; })) {
    throw std::runtime_error("openbox did not activate the new window");
  }
  return window;
}

void Openbox::close_window(std::uint32_t window) {
  xcb_destroy_window(connection_, window);
  xcb_flush(connection_);
}

void Openbox::wmctrl(const std::vector<std::string>& args) {
  std::vector<std::string> argv{"wmctrl", "-i"};
  argv.insert(argv.end(), args.begin(), args.end());
  const auto result = sitstretch::test::run_command(argv, "", {"DISPLAY=" + display()});
  if (result.exit_code != 0) throw std::runtime_error("wmctrl failed: " + result.err);
}

}  // namespace sitstretch::busy::test
