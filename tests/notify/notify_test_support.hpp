#pragma once

// Shared pieces of the notify tests: one private session bus per test process, the fake
// notification server, and an Asio loop driving GLib through app::GlibBridge.

#include <gio/gio.h>

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "app/glib_bridge.hpp"
#include "child_process.hpp"
#include "run_command.hpp"
#include "test_bus.hpp"

namespace sitstretch::test {

// The shared connection to the private session bus (use_private_session_bus), the one libnotify
// uses too.
GDBusConnection* session_connection();

// One call the fake server logged: a JSON line in the fake's fixed format.
struct LoggedCall {
  std::string line;
  std::string method() const { return text("method"); }
  // The string value of "key", at the top or in the hints, unescaped; "" if absent.
  std::string text(const std::string& key) const;
  // The number value of "key"; -1 if absent.
  long number(const std::string& key) const;
  bool has(const std::string& key) const;
  // The "actions" array: key, label, key, label, ...
  std::vector<std::string> actions() const;
};

// tests/notify/fake_notification_server as a child process, logging to a file of its own.
class FakeServer {
 public:
  FakeServer();  // returns once the server owns org.freedesktop.Notifications
  std::vector<LoggedCall> calls(const std::string& method = "") const;
  // Simulate the user, through the fake's org.sitstretch.Test interface. Synchronous, on the
  // shared connection, so the signals the fake emits are queued on the GLib context before
  // these return.
  void invoke_action(guint32 id, const std::string& key);
  void close(guint32 id, guint32 reason);

 private:
  TempDir dir_;  // first: it outlives the server writing into it
  std::string log_path_;
  ChildProcess process_;
};

// An io_context with the GLib bridge on the default main context.
class Loop {
 public:
  Loop() : bridge_(io_) {}
  boost::asio::io_context& io() { return io_; }
  app::GlibBridge& bridge() { return bridge_; }
  // Runs the io_context until done() holds or the timeout passes; returns done().
  bool run_until(const std::function<bool()>& done,
                 std::chrono::milliseconds timeout = std::chrono::seconds(3));
  // Runs until everything GLib has already queued at default priority has been dispatched.
  void drain();

 private:
  boost::asio::io_context io_;
  app::GlibBridge bridge_;
};

}  // namespace sitstretch::test
