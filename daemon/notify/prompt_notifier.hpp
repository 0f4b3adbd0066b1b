#pragma once

// PromptNotifier: the stretch prompt as a desktop notification (org.freedesktop.Notifications
// over GDBus), and one-off status messages. It owns the outside system "notification server": when
// there is none it logs once and keeps going, and picks a server up again when one appears.
//
// Threading: every method and every callback runs on the thread that owns the GLib main context
// that was thread-default when the PromptNotifier was made (the daemon's one loop thread, where
// app::GlibBridge dispatches GLib).

#include <functional>
#include <optional>
#include <string>
#include <vector>

typedef struct _GDBusConnection GDBusConnection;

namespace sitstretch::notify {

// How the user answered a prompt from the notification itself.
enum class Answer { done, snooze, skip, dismissed };

enum class Urgency { low, normal, critical };

// A button of a notification: the key reported back and the label shown.
struct Action {
  std::string key;
  std::string label;
};

struct PromptContent {
  std::string summary;
  std::string body;
  // Themed icon name or absolute path; empty = "sitstretch". A name that no installed icon
  // theme provides falls back to "appointment-soon" (Icon Naming Spec, shipped by Adwaita).
  std::string icon;
  Urgency urgency = Urgency::normal;
  // Label of the Snooze action, e.g. "Snooze 10 min"; absent = no Snooze action is offered.
  std::optional<std::string> snooze_label;
  // When not empty, these buttons replace Done/Snooze/Skip (the guided stretch uses the same
  // notification); their keys go to on_action, not on_answer.
  std::vector<Action> actions;
};

class PromptNotifier {
 public:
  // on_answer is called on the GLib context (the loop thread) at most once per shown prompt:
  // Done/Snooze/Skip, or dismissed when the user closed the notification. Expiry and close()
  // are not answers.
  // on_action receives the keys of PromptContent::actions, also at most once per shown content.
  explicit PromptNotifier(std::function<void(Answer)> on_answer,
                          std::function<void(const std::string&)> on_action = {});
  // Closes a prompt that is still shown (its actions would lead nowhere once we are gone).
  ~PromptNotifier();
  PromptNotifier(const PromptNotifier&) = delete;
  PromptNotifier& operator=(const PromptNotifier&) = delete;

  // Shows the prompt, or replaces the one already shown (same notification id, no stacking).
  // It never expires and carries the "resident" hint, so it stays until answered. Without a
  // notification server this logs once and returns; the next show() tries again. Blocks for the
  // D-Bus round trip to the server (and, once per server, one more for its capabilities).
  void show(const PromptContent& content);
  // The episode was resolved elsewhere (CLI, tray, a break): closes the prompt without
  // reporting an answer.
  void close();
  // A separate notification without actions (configuration errors, status); it expires as the
  // server decides.
  void show_message(const std::string& summary, const std::string& body);
  // True while a notification server is known to be reachable: its bus name has an owner or
  // the last call to it succeeded.
  bool server_seen() const { return server_seen_; }

 private:
  // The C callbacks handed to GDBus (defined in the .cpp).
  struct Callbacks;
  friend struct Callbacks;
  struct Request;

  bool connect();
  std::optional<unsigned int> send(const Request& request, unsigned int replaces);
  std::string body_text(const std::string& text);
  void close_on_server(unsigned int id);
  void on_action(const char* key);
  void report_failure(const char* what, const char* message);
  void report_success();
  void retire_current();
  void finish_retired_now();

  std::function<void(Answer)> on_answer_;
  std::function<void(const std::string&)> on_action_;
  GDBusConnection* bus_ = nullptr;  // the shared session bus connection, once a show needed it
  unsigned int action_signal_ = 0;  // our subscriptions to the server's two signals
  unsigned int closed_signal_ = 0;
  unsigned int current_ = 0;  // the server's id of the one prompt shown; 0 while none
  // Prompts whose action was just delivered: their own close (servers send NotificationClosed(2)
  // right after an action) must not count as a dismissal, so they are detached at once and
  // closed on the server from an idle callback, after the answer went out.
  std::vector<unsigned int> retired_;
  unsigned int retire_source_ = 0;
  unsigned int name_watch_ = 0;
  bool server_seen_ = false;
  bool called_ = false;  // a call to the server succeeded since the last server change
  // The server's name lost its owner after a call succeeded: the ids we hold belong to a server
  // that is gone, so the next show starts afresh.
  bool server_changed_ = false;
  bool failure_logged_ = false;
  // Whether the server reads markup in bodies (GetCapabilities), asked once per server.
  std::optional<bool> body_markup_;
};

}  // namespace sitstretch::notify
