#include "notify/prompt_notifier.hpp"

#include <gio/gio.h>
#include <unistd.h>

#include <cstdio>
#include <functional>
#include <optional>
#include <utility>

#include "notify/icon_lookup.hpp"

namespace sitstretch::notify {

namespace {

// The Desktop Notifications Specification 1.2, spoken directly over GDBus: the daemon needs its
// three methods and two signals, and libnotify would bring gdk-pixbuf and the image libraries
// into a process that never sends an image.
constexpr const char* kAppName = "sitstretch";
constexpr const char* kServerName = "org.freedesktop.Notifications";
constexpr const char* kServerPath = "/org/freedesktop/Notifications";
constexpr const char* kServerInterface = "org.freedesktop.Notifications";
// Spec categories name chat/email/device events; none fits a health reminder, so use the
// vendor form the spec allows ("x-vendor.class").
constexpr const char* kPromptCategory = "x-sitstretch.prompt";
constexpr const char* kMessageCategory = "x-sitstretch.status";
constexpr gint32 kExpiresNever = 0;
constexpr gint32 kExpiresAsServerDecides = -1;
// NotificationClosed's reason for "dismissed by the user"; expired (1), closed by our own call
// (3) and undefined (4) are not answers.
constexpr guint32 kClosedByUser = 2;

guchar urgency_level(Urgency urgency) {
  switch (urgency) {
    case Urgency::low:
      return 0;
    case Urgency::critical:
      return 2;
    case Urgency::normal:
      break;
  }
  return 1;
}

// One synchronous method call to whichever process owns the server's name now (the bus starts
// one if it can). The default timeout (25 s) only matters for a server that hangs.
GVariant* call_server(GDBusConnection* bus, const char* method, GVariant* parameters,
                      const char* reply_type, GError** error) {
  return g_dbus_connection_call_sync(bus, kServerName, kServerPath, kServerInterface, method,
                                     parameters, G_VARIANT_TYPE(reply_type), G_DBUS_CALL_FLAGS_NONE,
                                     -1, nullptr, error);
}

bool lists_body_markup(GVariant* reply) {
  g_autofree const gchar** caps = nullptr;
  g_variant_get(reply, "(^a&s)", &caps);
  for (const gchar** cap = caps; cap && *cap; ++cap) {
    if (g_strcmp0(*cap, "body-markup") == 0) return true;
  }
  return false;
}

}  // namespace

// One Notify call's content.
struct PromptNotifier::Request {
  std::string summary;
  std::string body;
  std::string icon;
  std::vector<Action> actions{};
  std::optional<Urgency> urgency{};  // none: the server's default
  const char* category = kMessageCategory;
  gint32 expire_timeout = kExpiresAsServerDecides;
  bool resident = false;
};

struct PromptNotifier::Callbacks {
  // GLib context: ActionInvoked(id, key) or NotificationClosed(id, reason) from the server.
  static void on_signal(GDBusConnection*, const gchar*, const gchar*, const gchar*,
                        const gchar* signal, GVariant* parameters, gpointer data) {
    auto* self = static_cast<PromptNotifier*>(data);
    if (g_strcmp0(signal, "ActionInvoked") == 0 &&
        g_variant_is_of_type(parameters, G_VARIANT_TYPE("(us)"))) {
      guint32 id = 0;
      const gchar* key = nullptr;
      g_variant_get(parameters, "(u&s)", &id, &key);
      if (id != 0 && id == self->current_) self->on_action(key);
    } else if (g_strcmp0(signal, "NotificationClosed") == 0 &&
               g_variant_is_of_type(parameters, G_VARIANT_TYPE("(uu)"))) {
      guint32 id = 0, reason = 0;
      g_variant_get(parameters, "(uu)", &id, &reason);
      if (id == 0 || id != self->current_) return;  // another's, or a retired prompt
      self->current_ = 0;
      if (reason == kClosedByUser) self->on_answer_(Answer::dismissed);
    }
  }

  static void on_name_appeared(GDBusConnection*, const gchar*, const gchar*, gpointer data) {
    static_cast<PromptNotifier*>(data)->server_seen_ = true;
  }

  static void on_name_vanished(GDBusConnection*, const gchar*, gpointer data) {
    auto* self = static_cast<PromptNotifier*>(data);
    self->server_seen_ = false;
    self->body_markup_.reset();  // perhaps another server next
    if (self->called_) self->server_changed_ = true;
  }

  static gboolean finish_retired(gpointer data) {
    auto* self = static_cast<PromptNotifier*>(data);
    self->retire_source_ = 0;
    self->finish_retired_now();
    return G_SOURCE_REMOVE;
  }
};

PromptNotifier::PromptNotifier(std::function<void(Answer)> on_answer,
                               std::function<void(const std::string&)> on_action)
    : on_answer_(std::move(on_answer)), on_action_(std::move(on_action)) {
  // Watching the name (without auto-start) is asynchronous and only feeds server_seen() and
  // server_changed_; show() still works before the first report arrives.
  name_watch_ =
      g_bus_watch_name(G_BUS_TYPE_SESSION, kServerName, G_BUS_NAME_WATCHER_FLAGS_NONE,
                       Callbacks::on_name_appeared, Callbacks::on_name_vanished, this, nullptr);
  // The watch may have attached an idle source from this thread; make sure a GLib loop that
  // is blocked (app::GlibBridge) notices it.
  g_main_context_wakeup(g_main_context_get_thread_default());
}

PromptNotifier::~PromptNotifier() {
  if (name_watch_ != 0) g_bus_unwatch_name(name_watch_);
  if (retire_source_ != 0) g_source_remove(retire_source_);
  finish_retired_now();
  if (current_ != 0) close_on_server(std::exchange(current_, 0));
  if (!bus_) return;
  g_dbus_connection_signal_unsubscribe(bus_, action_signal_);
  g_dbus_connection_signal_unsubscribe(bus_, closed_signal_);
  g_object_unref(bus_);
}

// Gets the session bus and subscribes to the server's signals, once.
bool PromptNotifier::connect() {
  if (bus_) return true;
  g_autoptr(GError) error = nullptr;
  bus_ = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, &error);
  if (!bus_) {
    report_failure("no session bus", error->message);
    return false;
  }
  auto subscribe = [this](const char* signal) {
    return g_dbus_connection_signal_subscribe(bus_, kServerName, kServerInterface, signal,
                                              kServerPath, nullptr, G_DBUS_SIGNAL_FLAGS_NONE,
                                              Callbacks::on_signal, this, nullptr);
  };
  action_signal_ = subscribe("ActionInvoked");
  closed_signal_ = subscribe("NotificationClosed");
  return true;
}

void PromptNotifier::show(const PromptContent& content) {
  if (!connect()) return;
  if (std::exchange(server_changed_, false)) {
    // A server that appeared since knows none of our ids: neither replace nor close them.
    current_ = 0;
    retired_.clear();
    called_ = false;
  }
  Request request{.summary = content.summary,
                  .body = body_text(content.body),
                  .icon = content.icon.empty() ? kAppName : content.icon,
                  .actions = content.actions,
                  .urgency = content.urgency,
                  .category = kPromptCategory,
                  .expire_timeout = kExpiresNever,
                  .resident = true};
  if (request.actions.empty()) {
    request.actions.push_back({"done", "Done"});
    if (content.snooze_label) request.actions.push_back({"snooze", *content.snooze_label});
    request.actions.push_back({"skip", "Skip"});
  }
  // Replacing keeps one notification on screen, updated in place, rather than a stack.
  const std::optional<guint32> id = send(request, current_);
  current_ = id.value_or(0);  // a later server must not be asked to replace an unknown id
}

void PromptNotifier::close() {
  if (current_ != 0) close_on_server(std::exchange(current_, 0));
}

void PromptNotifier::show_message(const std::string& summary, const std::string& body) {
  if (!connect()) return;
  // The server keeps showing it; we never need to touch it again.
  send({.summary = summary,
        .body = body_text(body),
        .icon = kAppName,
        .category = kMessageCategory,
        .expire_timeout = kExpiresAsServerDecides,
        .resident = false},
       0);
}

// Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout).
std::optional<unsigned int> PromptNotifier::send(const Request& request, unsigned int replaces) {
  GVariantBuilder actions;
  g_variant_builder_init(&actions, G_VARIANT_TYPE("as"));
  for (const Action& action : request.actions) {
    g_variant_builder_add(&actions, "s", action.key.c_str());
    g_variant_builder_add(&actions, "s", action.label.c_str());
  }
  GVariantBuilder hints;
  g_variant_builder_init(&hints, G_VARIANT_TYPE("a{sv}"));
  if (request.urgency) {
    g_variant_builder_add(&hints, "{sv}", "urgency",
                          g_variant_new_byte(urgency_level(*request.urgency)));
  }
  g_variant_builder_add(&hints, "{sv}", "category", g_variant_new_string(request.category));
  g_variant_builder_add(&hints, "{sv}", "desktop-entry", g_variant_new_string(kAppName));
  g_variant_builder_add(&hints, "{sv}", "sender-pid", g_variant_new_int64(getpid()));
  // With "resident" the server keeps the notification after an action; we close it ourselves
  // once the answer is in (see retire_current()).
  if (request.resident)
    g_variant_builder_add(&hints, "{sv}", "resident", g_variant_new_boolean(TRUE));

  const std::string icon = resolve_icon(request.icon);
  g_autoptr(GError) error = nullptr;
  g_autoptr(GVariant) reply = call_server(
      bus_, "Notify",
      g_variant_new("(susssasa{sv}i)", kAppName, replaces, icon.c_str(), request.summary.c_str(),
                    request.body.c_str(), &actions, &hints, request.expire_timeout),
      "(u)", &error);
  if (!reply) {
    report_failure("no notification server", error->message);
    return std::nullopt;
  }
  report_success();
  guint32 id = 0;
  g_variant_get(reply, "(u)", &id);
  return id;
}

// Our bodies are plain text, partly the user's (a config file's error, say): a server that reads
// markup would take their '<' and '&' for tags and entities, or refuse the body.
std::string PromptNotifier::body_text(const std::string& text) {
  if (!body_markup_) {
    g_autoptr(GVariant) reply = call_server(bus_, "GetCapabilities", nullptr, "(as)", nullptr);
    if (!reply) return text;  // no server: the Notify that follows fails and says so
    body_markup_ = lists_body_markup(reply);
  }
  if (!*body_markup_) return text;
  g_autofree gchar* escaped = g_markup_escape_text(text.c_str(), -1);
  return escaped;
}

void PromptNotifier::close_on_server(unsigned int id) {
  // An error here means the server already forgot it (or is gone): nothing to do.
  g_autoptr(GVariant) reply =
      call_server(bus_, "CloseNotification", g_variant_new("(u)", id), "()", nullptr);
}

void PromptNotifier::on_action(const char* key_text) {
  const std::string key = key_text;
  if (key == "default") return;  // a click on the body is not an answer
  retire_current();
  if (key == "done") return on_answer_(Answer::done);
  if (key == "snooze") return on_answer_(Answer::snooze);
  if (key == "skip") return on_answer_(Answer::skip);
  if (on_action_) on_action_(key);
}

void PromptNotifier::report_failure(const char* what, const char* message) {
  server_seen_ = false;
  if (failure_logged_) return;
  failure_logged_ = true;
  std::fprintf(stderr, "sitstretchd: %s (%s); will retry at the next prompt\n", what, message);
}

void PromptNotifier::report_success() {
  server_seen_ = true;
  called_ = true;
  if (failure_logged_) std::fprintf(stderr, "sitstretchd: notification server is back\n");
  failure_logged_ = false;
}

// Detaches the answered prompt now; it is closed on the server from an idle callback.
void PromptNotifier::retire_current() {
  retired_.push_back(std::exchange(current_, 0));
  if (retire_source_ == 0) retire_source_ = g_idle_add(Callbacks::finish_retired, this);
}

void PromptNotifier::finish_retired_now() {
  for (unsigned int id : std::exchange(retired_, {})) {
    if (server_seen_) close_on_server(id);
  }
}

}  // namespace sitstretch::notify
