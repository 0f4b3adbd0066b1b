#include "notify/prompt_notifier.hpp"

#include <gio/gio.h>
#include <libnotify/notify.h>

#include <cstdio>
#include <functional>
#include <optional>
#include <utility>

#include "notify/icon_lookup.hpp"

namespace sitstretch::notify {

namespace {

constexpr const char* kAppName = "sitstretch";
constexpr const char* kServerName = "org.freedesktop.Notifications";
// Spec categories name chat/email/device events; none fits a health reminder, so use the
// vendor form the spec allows ("x-vendor.class").
constexpr const char* kPromptCategory = "x-sitstretch.prompt";
constexpr const char* kMessageCategory = "x-sitstretch.status";

// libnotify is process-wide state: once a call succeeded it caches a D-Bus proxy and the
// server's spec version. Newer libnotify versions reset that version when the server's name
// loses its owner and then assert on the next show(); so once the server vanishes, libnotify
// is re-initialised before it is used again.
bool libnotify_connected = false;
bool libnotify_stale = false;
// Whether the server reads markup in bodies (GetCapabilities), asked once per libnotify
// connection: unknown until then.
std::optional<bool> server_body_markup;

bool server_reads_body_markup() {
  if (server_body_markup) return *server_body_markup;
  GList* caps = notify_get_server_caps();
  if (!caps) return false;  // no server: the show that follows fails and says so
  bool markup = false;
  for (GList* cap = caps; cap; cap = cap->next) {
    if (g_strcmp0(static_cast<const char*>(cap->data), "body-markup") == 0) markup = true;
  }
  g_list_free_full(caps, g_free);
  server_body_markup = markup;
  return markup;
}

// Our bodies are plain text, partly the user's (a config file's error, say): a server that reads
// markup would take their '<' and '&' for tags and entities, or refuse the body.
std::string body_text(const std::string& text) {
  if (!server_reads_body_markup()) return text;
  g_autofree gchar* escaped = g_markup_escape_text(text.c_str(), -1);
  return escaped;
}

NotifyUrgency to_libnotify(Urgency urgency) {
  switch (urgency) {
    case Urgency::low:
      return NOTIFY_URGENCY_LOW;
    case Urgency::critical:
      return NOTIFY_URGENCY_CRITICAL;
    case Urgency::normal:
      break;
  }
  return NOTIFY_URGENCY_NORMAL;
}

guint32 notification_id(NotifyNotification* notification) {
  gint id = 0;
  g_object_get(notification, "id", &id, nullptr);
  return static_cast<guint32>(id);
}

// Releases a notification we no longer track; `close` also asks the server to remove it.
void release(NotifyNotification* notification, bool close) {
  if (close && notification_id(notification) != 0) {
    // An error here means the server already forgot it (or is gone): nothing to do.
    g_autoptr(GError) ignored = nullptr;
    notify_notification_close(notification, &ignored);
  }
  notify_notification_clear_actions(notification);  // their user_data is the PromptNotifier
  g_object_unref(notification);
}

}  // namespace

struct PromptNotifier::Callbacks {
  // GLib context: a Done/Snooze/Skip button was pressed.
  static void on_action(NotifyNotification* notification, char* action, gpointer data) {
    auto* self = static_cast<PromptNotifier*>(data);
    if (notification != self->current_) return;  // a retired prompt: already answered
    const std::string key = action;
    if (key == "default") return;  // a click on the body is not an answer
    Answer answer = Answer::done;
    if (key == "snooze") {
      answer = Answer::snooze;
    } else if (key == "skip") {
      answer = Answer::skip;
    } else if (key != "done") {
      self->retire_current();
      if (self->on_action_) self->on_action_(key);
      return;
    }
    self->retire_current();
    self->on_answer_(answer);
  }

  // GLib context: the server reported NotificationClosed for the current prompt.
  static void on_closed(NotifyNotification* notification, gpointer data) {
    auto* self = static_cast<PromptNotifier*>(data);
    if (notification != self->current_) return;
    const gint reason = notify_notification_get_closed_reason(notification);
    // libnotify holds a reference while it emits "closed", so dropping ours here is safe.
    self->drop_current();
    // Expired (1), closed by our own call (3) or undefined (4) are not answers.
    if (reason == NOTIFY_CLOSED_REASON_DISMISSED) self->on_answer_(Answer::dismissed);
  }

  static void on_name_appeared(GDBusConnection*, const gchar*, const gchar*, gpointer data) {
    static_cast<PromptNotifier*>(data)->server_seen_ = true;
  }

  static void on_name_vanished(GDBusConnection*, const gchar*, gpointer data) {
    static_cast<PromptNotifier*>(data)->server_seen_ = false;
    server_body_markup.reset();
    if (libnotify_connected) libnotify_stale = true;
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
  // Watching the name (without auto-start) is asynchronous and only feeds server_seen() and the
  // stale-libnotify check; show() still works before the first report arrives.
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
  if (current_) {
    NotifyNotification* notification = std::exchange(current_, nullptr);
    g_signal_handler_disconnect(notification, closed_handler_);
    release(notification, /*close=*/true);
  }
}

bool PromptNotifier::ensure_libnotify() {
  if (libnotify_stale && notify_is_initted()) {
    // Forget everything bound to the old proxy before libnotify drops it.
    drop_current();
    finish_retired_now();
    notify_uninit();
  }
  libnotify_stale = false;
  if (!notify_is_initted()) {
    libnotify_connected = false;
    server_body_markup.reset();  // perhaps another server now
    if (!notify_init(kAppName)) {
      report_failure("cannot initialise libnotify", "notify_init failed");
      return false;
    }
  }
  return true;
}

void PromptNotifier::show(const PromptContent& content) {
  show_retrying([this, &content] { return build_prompt(content); },
                [this](NotifyNotification*) {
                  drop_current();  // a later server must not be asked to replace an unknown id
                });
}

// Makes current_ (or updates it, so that the server replaces it in place) for `content`.
NotifyNotification* PromptNotifier::build_prompt(const PromptContent& content) {
  const std::string icon = resolve_icon(content.icon.empty() ? kAppName : content.icon);
  const std::string body = body_text(content.body);
  if (!current_) {
    current_ = notify_notification_new(content.summary.c_str(), body.c_str(), icon.c_str());
    closed_handler_ = g_signal_connect(current_, "closed", G_CALLBACK(Callbacks::on_closed), this);
  } else {
    notify_notification_update(current_, content.summary.c_str(), body.c_str(), icon.c_str());
  }
  NotifyNotification* n = current_;
  notify_notification_clear_actions(n);
  auto add = [this, n](const char* key, const std::string& label) {
    notify_notification_add_action(n, key, label.c_str(), Callbacks::on_action, this, nullptr);
  };
  if (content.actions.empty()) {
    add("done", "Done");
    if (content.snooze_label) add("snooze", *content.snooze_label);
    add("skip", "Skip");
  }
  for (const Action& action : content.actions) add(action.key.c_str(), action.label);

  notify_notification_set_urgency(n, to_libnotify(content.urgency));
  notify_notification_set_category(n, kPromptCategory);
  notify_notification_set_hint(n, "desktop-entry", g_variant_new_string(kAppName));
  // With "resident" the server keeps the notification after an action; we close it ourselves
  // once the answer is in (see retire_current()).
  notify_notification_set_hint(n, "resident", g_variant_new_boolean(TRUE));
  notify_notification_set_timeout(n, NOTIFY_EXPIRES_NEVER);
  return n;
}

// Shows what build() makes. If that fails while libnotify still holds a connection from an
// earlier success, the cached proxy may name a server that is gone (GDBusProxy learns of a new
// owner only when the loop dispatches NameOwnerChanged): re-initialise libnotify and try once
// more. discard() forgets a notification whose show failed.
bool PromptNotifier::show_retrying(const std::function<NotifyNotification*()>& build,
                                   const std::function<void(NotifyNotification*)>& discard) {
  for (int attempt = 0;; ++attempt) {
    if (!ensure_libnotify()) return false;
    NotifyNotification* n = build();
    g_autoptr(GError) error = nullptr;
    if (notify_notification_show(n, &error)) {
      report_success();
      return true;
    }
    discard(n);
    if (attempt == 0 && libnotify_connected) {
      libnotify_stale = true;
      continue;
    }
    report_failure("no notification server", error ? error->message : "unknown error");
    return false;
  }
}

void PromptNotifier::close() {
  if (!current_) return;
  NotifyNotification* notification = current_;
  g_signal_handler_disconnect(notification, closed_handler_);
  current_ = nullptr;
  release(notification, /*close=*/true);
}

void PromptNotifier::show_message(const std::string& summary, const std::string& body) {
  const std::string icon = resolve_icon(kAppName);
  auto build = [&]() {
    NotifyNotification* n =
        notify_notification_new(summary.c_str(), body_text(body).c_str(), icon.c_str());
    notify_notification_set_category(n, kMessageCategory);
    notify_notification_set_hint(n, "desktop-entry", g_variant_new_string(kAppName));
    return n;
  };
  NotifyNotification* shown = nullptr;
  show_retrying([&] { return shown = build(); },
                [&](NotifyNotification* n) {
                  g_object_unref(n);
                  shown = nullptr;
                });
  // The server keeps showing it; we never need to touch it again.
  if (shown) g_object_unref(shown);
}

void PromptNotifier::report_failure(const char* what, const char* message) {
  server_seen_ = false;
  if (failure_logged_) return;
  failure_logged_ = true;
  std::fprintf(stderr, "sitstretchd: %s (%s); will retry at the next prompt\n", what, message);
}

void PromptNotifier::report_success() {
  server_seen_ = true;
  libnotify_connected = true;
  if (failure_logged_) std::fprintf(stderr, "sitstretchd: notification server is back\n");
  failure_logged_ = false;
}

// Forgets the current prompt without closing it on the server (it is closed already, or the
// server is gone).
void PromptNotifier::drop_current() {
  if (!current_) return;
  NotifyNotification* notification = std::exchange(current_, nullptr);
  g_signal_handler_disconnect(notification, closed_handler_);
  release(notification, /*close=*/false);
}

// Called from inside libnotify's action dispatch, which still uses the notification after we
// return: detach now, close and release later from an idle callback.
void PromptNotifier::retire_current() {
  NotifyNotification* notification = std::exchange(current_, nullptr);
  g_signal_handler_disconnect(notification, closed_handler_);
  retired_.push_back(notification);
  if (retire_source_ == 0) retire_source_ = g_idle_add(Callbacks::finish_retired, this);
}

void PromptNotifier::finish_retired_now() {
  for (NotifyNotification* notification : std::exchange(retired_, {}))
    release(notification, /*close=*/server_seen_);
}

}  // namespace sitstretch::notify
