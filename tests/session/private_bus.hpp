#pragma once

#include <gio/gio.h>

#include <chrono>
#include <functional>
#include <string>

namespace sitstretch::test {

// Both private buses for this test process, started once: the first stands in for the session
// bus, the second for the system bus. use() points DBUS_SESSION_BUS_ADDRESS and
// DBUS_SYSTEM_BUS_ADDRESS at them; call it before the code under test touches GDBus.
class TestBuses {
 public:
  static const TestBuses& use();
  std::string session_address;
  std::string system_address;
};

// Iterates the thread-default GMainContext until done() or the timeout; returns done().
bool pump_until(const std::function<bool()>& done,
                std::chrono::milliseconds timeout = std::chrono::seconds(3));
// Iterates the context for a fixed time, for checking that nothing (more) happens.
void pump_for(std::chrono::milliseconds duration);

// A connection of its own to a bus, playing a desktop service: owns names, exports objects from
// introspection XML and emits signals. Method calls are dispatched on the thread-default
// GMainContext, so the test's pump drives both this and the code under test.
class PrivateBus {
 public:
  using MethodHandler = std::function<GVariant*(const char* path, const char* interface,
                                                const char* method, GVariant* parameters)>;
  using PropertyGetter =
      std::function<GVariant*(const char* path, const char* interface, const char* property)>;

  explicit PrivateBus(const std::string& address);
  ~PrivateBus();
  PrivateBus(const PrivateBus&) = delete;
  PrivateBus& operator=(const PrivateBus&) = delete;

  void own(const char* name);
  // Exports every interface of `xml` at `path`. A handler returning nullptr answers with an
  // error (org.freedesktop.DBus.Error.Failed).
  void add_object(const char* path, const char* xml);
  void emit(const char* path, const char* interface, const char* member,
            GVariant* parameters = nullptr);

  MethodHandler on_method;
  PropertyGetter on_get;

 private:
  static void on_call(GDBusConnection*, const gchar*, const gchar* path, const gchar* interface,
                      const gchar* method, GVariant* parameters, GDBusMethodInvocation* invocation,
                      gpointer self);
  static GVariant* on_property(GDBusConnection*, const gchar*, const gchar* path,
                               const gchar* interface, const gchar* property, GError** error,
                               gpointer self);

  GDBusConnection* connection_;
};

}  // namespace sitstretch::test
