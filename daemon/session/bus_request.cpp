#include "session/bus_request.hpp"

namespace sitstretch::session {

namespace {

struct Request {
  std::weak_ptr<void> guard;
  BusReady ready;
};

void on_bus(GObject*, GAsyncResult* result, gpointer data) {
  const std::unique_ptr<Request> request(static_cast<Request*>(data));
  GError* error = nullptr;
  GDBusConnection* bus = g_bus_get_finish(result, &error);
  if (request->guard.expired()) {
    if (bus != nullptr) g_object_unref(bus);
  } else {
    request->ready(bus, error);
  }
  if (error != nullptr) g_error_free(error);
}

}  // namespace

void get_bus(GBusType type, std::weak_ptr<void> guard, BusReady ready) {
  g_bus_get(type, nullptr, &on_bus, new Request{std::move(guard), std::move(ready)});
}

}  // namespace sitstretch::session
