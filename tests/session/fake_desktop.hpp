#pragma once

#include <string>

#include "private_bus.hpp"

namespace sitstretch::test {

// systemd-logind as far as SessionWatch uses it, on its own connection to the test system bus:
// the manager (GetSessionByPID, GetSession, PrepareForSleep) and one session "31" at
// /org/freedesktop/login1/session/_31 (also reachable as .../session/auto) with Id and
// LockedHint properties and Lock/Unlock signals.
class FakeLogind {
 public:
  static constexpr const char* kSessionPath = "/org/freedesktop/login1/session/_31";

  // knows_our_pid=false makes GetSessionByPID fail, as for a systemd user service.
  explicit FakeLogind(const std::string& system_address, bool knows_our_pid = true);

  // Each emits from the name's owner, as logind does, in call order.
  void lock() { bus_.emit(kSessionPath, kSession, "Lock"); }
  void unlock() { bus_.emit(kSessionPath, kSession, "Unlock"); }
  void set_locked_hint(bool locked);  // changes the property and sends PropertiesChanged
  void prepare_for_sleep(bool sleeping);

  // How often LockedHint was read: once a watcher read it, its session signals are subscribed.
  int hint_reads() const { return hint_reads_; }
  int lookups() const { return lookups_; }

 private:
  static constexpr const char* kSession = "org.freedesktop.login1.Session";

  GVariant* handle(const char* interface, const char* method, GVariant* parameters);

  PrivateBus bus_;
  bool knows_our_pid_;
  bool locked_hint_ = false;
  int hint_reads_ = 0;
  int lookups_ = 0;
};

// A screen locker owning org.freedesktop.ScreenSaver and org.gnome.ScreenSaver on the test
// session bus, answering GetActive on both.
class FakeScreensaver {
 public:
  explicit FakeScreensaver(const std::string& session_address, bool active = false);

  // ActiveChanged(active) on `interface` (org.freedesktop.ScreenSaver or org.gnome.ScreenSaver)
  // from object `path`.
  void active_changed(const char* interface, const char* path, bool active);

  // GetActive calls so far: both answered means every ActiveChanged subscription is in place.
  int active_queries() const { return active_queries_; }

 private:
  PrivateBus bus_;
  bool active_;
  int active_queries_ = 0;
};

}  // namespace sitstretch::test
