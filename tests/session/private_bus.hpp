#pragma once

#include <gio/gio.h>

#include <functional>
#include <string>

#include "test_bus.hpp"

namespace sitstretch::test {

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
