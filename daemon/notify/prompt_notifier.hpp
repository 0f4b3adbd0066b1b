#pragma once

// PromptNotifier: the stretch prompt as a desktop notification (libnotify), and one-off status
// messages. It owns the outside system "notification server": when there is none it logs once
// and keeps going, and picks a server up again when one appears.
//
// Threading: every method and every callback runs on the thread that owns the GLib main context
// that was thread-default when the PromptNotifier was made (the daemon's one loop thread, where
// app::GlibBridge dispatches GLib).

#include <functional>
#include <optional>
#include <string>
#include <vector>

typedef struct _NotifyNotification NotifyNotification;

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
  // notification server this logs once and returns; the next show() tries again. Blocks for one
  // D-Bus round trip to the server (libnotify's calls are synchronous).
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
  // The C callbacks handed to libnotify and GDBus (defined in the .cpp).
  struct Callbacks;
  friend struct Callbacks;

  bool ensure_libnotify();
  NotifyNotification* build_prompt(const PromptContent& content);
  bool show_retrying(const std::function<NotifyNotification*()>& build,
                     const std::function<void(NotifyNotification*)>& discard);
  void report_failure(const char* what, const char* message);
  void report_success();
  void drop_current();
  void retire_current();
  void finish_retired_now();

  std::function<void(Answer)> on_answer_;
  std::function<void(const std::string&)> on_action_;
  NotifyNotification* current_ = nullptr;  // the one prompt, shown or being shown
  unsigned long closed_handler_ = 0;       // our "closed" handler on current_
  // Notifications whose action was just delivered: their own close (servers send
  // NotificationClosed(2) right after an action) must not count as a dismissal, so they are
  // detached at once and closed and released from an idle callback.
  std::vector<NotifyNotification*> retired_;
  unsigned int retire_source_ = 0;
  unsigned int name_watch_ = 0;
  bool server_seen_ = false;
  bool failure_logged_ = false;
};

}  // namespace sitstretch::notify
