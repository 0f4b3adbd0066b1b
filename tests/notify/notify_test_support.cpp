#include "notify_test_support.hpp"

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

namespace sitstretch::test {

GDBusConnection* session_connection() {
  use_private_session_bus();
  static GDBusConnection* connection = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, nullptr);
  if (!connection) throw std::runtime_error("cannot connect to the private session bus");
  return connection;
}

namespace {

// The value of key in the logged call: at the top of the object, else in an object inside it
// (the hints); nullopt when absent or when the line is not a JSON object.
std::optional<nlohmann::json> field(const std::string& line, const std::string& key) {
  const nlohmann::json call = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!call.is_object()) return std::nullopt;
  if (const auto it = call.find(key); it != call.end()) return *it;
  for (const auto& [name, value] : call.items()) {
    if (value.is_object() && value.contains(key)) return value.at(key);
  }
  return std::nullopt;
}

}  // namespace

std::string LoggedCall::text(const std::string& key) const {
  const auto value = field(line, key);
  return value && value->is_string() ? value->get<std::string>() : "";
}

long LoggedCall::number(const std::string& key) const {
  const auto value = field(line, key);
  return value && value->is_number_integer() ? value->get<long>() : -1;
}

bool LoggedCall::has(const std::string& key) const {
  return field(line, key).has_value();
}

std::vector<std::string> LoggedCall::actions() const {
  const auto value = field(line, "actions");
  if (!value || !value->is_array()) return {};
  std::vector<std::string> out;
  for (const auto& word : *value) out.push_back(word.is_string() ? word.get<std::string>() : "");
  return out;
}

FakeServer::FakeServer()
    : log_path_(dir_.file("calls.jsonl").string()),
      process_({FAKE_NOTIFICATION_SERVER, log_path_},
               {"DBUS_SESSION_BUS_ADDRESS=" + use_private_session_bus()}) {
  if (process_.read_line(5000) != "ready")
    throw std::runtime_error("fake_notification_server did not start");
}

std::vector<LoggedCall> FakeServer::calls(const std::string& method) const {
  std::vector<LoggedCall> out;
  std::ifstream in(log_path_);
  for (std::string line; std::getline(in, line);) {
    LoggedCall call{line};
    if (method.empty() || call.method() == method) out.push_back(call);
  }
  return out;
}

namespace {

void call_test_interface(const char* method, GVariant* parameters) {
  GError* error = nullptr;
  GVariant* reply =
      g_dbus_connection_call_sync(session_connection(), "org.freedesktop.Notifications",
                                  "/org/sitstretch/Test", "org.sitstretch.Test", method, parameters,
                                  nullptr, G_DBUS_CALL_FLAGS_NONE, 5000, nullptr, &error);
  if (!reply) {
    const std::string message = error->message;
    g_error_free(error);
    throw std::runtime_error(message);
  }
  g_variant_unref(reply);
}

}  // namespace

void FakeServer::invoke_action(guint32 id, const std::string& key) {
  call_test_interface("InvokeAction", g_variant_new("(us)", id, key.c_str()));
}

void FakeServer::close(guint32 id, guint32 reason) {
  call_test_interface("Close", g_variant_new("(uu)", id, reason));
}

bool Loop::run_until(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  io_.restart();
  while (!done()) {
    const auto left = deadline - std::chrono::steady_clock::now();
    if (left <= std::chrono::steady_clock::duration::zero()) return false;
    io_.run_one_for(left);
  }
  return true;
}

void Loop::drain() {
  bool drained = false;
  const guint source = g_idle_add(
      [](gpointer flag) {
        *static_cast<bool*>(flag) = true;
        return G_SOURCE_REMOVE;
      },
      &drained);
  bridge_.wake();  // the idle was attached from outside GLib dispatch
  if (!run_until([&] { return drained; })) g_source_remove(source);
}

}  // namespace sitstretch::test
