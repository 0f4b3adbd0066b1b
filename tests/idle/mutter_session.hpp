#pragma once

// A real GNOME compositor for tests: mutter 43, headless, on the test process's private session
// bus (TestBuses), with input made through its RemoteDesktop interface. One per test executable.

#include <gio/gio.h>

#include <optional>
#include <string>

#include "child_process.hpp"
#include "run_command.hpp"

namespace sitstretch::test {

class MutterSession {
 public:
  // The executable's one instance on the test buses (TestBuses), started on first use.
  static MutterSession& shared();
  // A mutter of its own on the bus at bus_address, started at once and stopped when destroyed.
  explicit MutterSession(std::string bus_address);
  ~MutterSession();
  MutterSession(const MutterSession&) = delete;
  MutterSession& operator=(const MutterSession&) = delete;

  // Stops mutter (its names leave the bus) and starts a fresh one; returns when it answers.
  void restart();
  void stop();
  void start();
  bool running() const { return process_.has_value(); }

  // Moves the pointer by a pixel through org.gnome.Mutter.RemoteDesktop: Mutter's idle time
  // drops to zero, as with a user's input. The remote desktop session lives on a connection of
  // its own for as long as this mutter does (the session ends with its connection).
  void input();

  const std::string& wayland_display() const { return wayland_display_; }
  const std::string& runtime_dir() const { return runtime_.path(); }
  const std::string& bus_address() const { return bus_address_; }

 private:
  void open_remote_desktop();
  void close_remote_desktop();

  TempDir runtime_;
  std::string bus_address_;
  std::string wayland_display_ = "sitstretch-mutter";
  std::optional<ChildProcess> process_;
  GDBusConnection* input_bus_ = nullptr;
  std::string session_path_;  // of the remote desktop session; empty until the first input
  int direction_ = 1;
};

}  // namespace sitstretch::test
