#include "mutter_session.hpp"

#include <sys/stat.h>

#include <chrono>
#include <stdexcept>
#include <thread>

#include "private_bus.hpp"

namespace sitstretch::test {
namespace {

GVariant* call(GDBusConnection* bus, const char* name, const char* path, const char* interface,
               const char* method, GVariant* parameters, const GVariantType* reply) {
  GError* error = nullptr;
  GVariant* result =
      g_dbus_connection_call_sync(bus, name, path, interface, method, parameters, reply,
                                  G_DBUS_CALL_FLAGS_NO_AUTO_START, 5000, nullptr, &error);
  if (result == nullptr) {
    const std::string message = error->message;
    g_error_free(error);
    throw std::runtime_error(std::string(method) + " failed: " + message);
  }
  return result;
}

GDBusConnection* connect(const std::string& address) {
  GError* error = nullptr;
  GDBusConnection* bus = g_dbus_connection_new_for_address_sync(
      address.c_str(),
      static_cast<GDBusConnectionFlags>(G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                        G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION),
      nullptr, nullptr, &error);
  if (bus == nullptr) {
    const std::string message = error->message;
    g_error_free(error);
    throw std::runtime_error("cannot connect to the test bus: " + message);
  }
  return bus;
}

// Mutter is up once its IdleMonitor answers; about a second on this kind of machine.
bool answers(GDBusConnection* bus) {
  GVariant* reply = g_dbus_connection_call_sync(
      bus, "org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core",
      "org.gnome.Mutter.IdleMonitor", "GetIdletime", nullptr, G_VARIANT_TYPE("(t)"),
      G_DBUS_CALL_FLAGS_NO_AUTO_START, 1000, nullptr, nullptr);
  if (reply != nullptr) g_variant_unref(reply);
  return reply != nullptr;
}

}  // namespace

MutterSession& MutterSession::shared() {
  static MutterSession session(TestBuses::use().session_address);
  return session;
}

MutterSession::MutterSession(std::string bus_address) : bus_address_(std::move(bus_address)) {
  chmod(runtime_.path().c_str(), 0700);
  input_bus_ = connect(bus_address_);
  start();
}

MutterSession::~MutterSession() {
  stop();
  g_object_unref(input_bus_);
}

void MutterSession::start() {
  process_.emplace(
      std::vector<std::string>{"mutter", "--wayland", "--headless", "--no-x11", "--virtual-monitor",
                               "1280x720", "--wayland-display", wayland_display_},
      std::vector<std::string>{"XDG_RUNTIME_DIR=" + runtime_.path(),
                               "DBUS_SESSION_BUS_ADDRESS=" + bus_address_,
                               "DISPLAY=", "WAYLAND_DISPLAY="});
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!answers(input_bus_)) {
    if (!process_->running()) throw std::runtime_error("mutter exited at start-up");
    if (std::chrono::steady_clock::now() > deadline)
      throw std::runtime_error("mutter did not start (is the mutter package installed?)");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

void MutterSession::stop() {
  close_remote_desktop();
  process_.reset();  // SIGTERM, then SIGKILL
}

void MutterSession::restart() {
  stop();
  start();
}

void MutterSession::open_remote_desktop() {
  GVariant* created =
      call(input_bus_, "org.gnome.Mutter.RemoteDesktop", "/org/gnome/Mutter/RemoteDesktop",
           "org.gnome.Mutter.RemoteDesktop", "CreateSession", nullptr, G_VARIANT_TYPE("(o)"));
  const gchar* path = nullptr;
  g_variant_get(created, "(&o)", &path);
  session_path_ = path;
  g_variant_unref(created);
  g_variant_unref(call(input_bus_, "org.gnome.Mutter.RemoteDesktop", session_path_.c_str(),
                       "org.gnome.Mutter.RemoteDesktop.Session", "Start", nullptr, nullptr));
}

void MutterSession::close_remote_desktop() {
  if (session_path_.empty() || !process_) return;
  GVariant* reply = g_dbus_connection_call_sync(
      input_bus_, "org.gnome.Mutter.RemoteDesktop", session_path_.c_str(),
      "org.gnome.Mutter.RemoteDesktop.Session", "Stop", nullptr, nullptr,
      G_DBUS_CALL_FLAGS_NO_AUTO_START, 2000, nullptr, nullptr);
  if (reply != nullptr) g_variant_unref(reply);
  session_path_.clear();
}

void MutterSession::input() {
  if (session_path_.empty()) open_remote_desktop();
  direction_ = -direction_;
  g_variant_unref(call(input_bus_, "org.gnome.Mutter.RemoteDesktop", session_path_.c_str(),
                       "org.gnome.Mutter.RemoteDesktop.Session", "NotifyPointerMotionRelative",
                       g_variant_new("(dd)", static_cast<double>(direction_), 0.0), nullptr));
}

}  // namespace sitstretch::test
