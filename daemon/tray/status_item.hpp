#pragma once

// StatusItem: the daemon's tray icon as a StatusNotifierItem (org.kde.StatusNotifierItem) with a
// com.canonical.dbusmenu menu, over GDBus and without a GUI toolkit. It owns the outside system
// "tray host": it registers with org.kde.StatusNotifierWatcher whenever that name appears (again
// after a panel restart), and without a watcher it logs once and keeps going.
//
// Threading: construct, call and destroy on the thread that dispatches the GMainContext that is
// thread-default at construction (the daemon's loop thread, via app::GlibBridge). Every callback
// runs there too. Nothing here throws.

#include <gio/gio.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tray/dbus_menu.hpp"
#include "tray/tray_look.hpp"
#include "tray/tray_view.hpp"

namespace sitstretch::tray {

// One-line diagnostics, without prefix or newline.
using TrayLog = std::function<void(std::string_view line)>;
void log_to_stderr(std::string_view line);

class StatusItem {
 public:
  // on_action: a menu entry was clicked. on_activate: the icon was clicked (Activate); the
  // daemon shows a notification with the status and today's numbers. icon_theme_path: the
  // directory holding hicolor/scalable/status/sitstretch-*.svg ("" when installed in a theme).
  StatusItem(std::function<void(TrayAction)> on_action, std::function<void()> on_activate,
             std::string icon_theme_path, TrayLog log = log_to_stderr);
  ~StatusItem();
  StatusItem(const StatusItem&) = delete;
  StatusItem& operator=(const StatusItem&) = delete;

  // Shows `view`. Emits NewIcon, NewToolTip, NewStatus, XAyatanaNewLabel and the menu's
  // ItemsPropertiesUpdated only for what visibly changed, so calling it with an unchanged view
  // (or one that differs only below the display's resolution) sends nothing.
  void update(const TrayView& view);
  // Registered with a StatusNotifierWatcher right now.
  bool registered() const { return registered_; }
  // The well-known name the item owns and registers ("org.kde.StatusNotifierItem-PID-N").
  const std::string& bus_name() const { return bus_name_; }
  const TrayLook& look() const { return look_; }

  static constexpr const char* kItemPath = "/StatusNotifierItem";
  static constexpr const char* kMenuPath = "/MenuBar";
  static constexpr int kPixmapSmall = 22;  // IconPixmap sizes: panels pick the nearer one
  static constexpr int kPixmapLarge = 44;

 private:
  struct Callbacks;
  friend struct Callbacks;

  void on_bus(GDBusConnection* bus, const char* error);
  void on_watcher(bool present);
  void try_register();
  void on_registered(std::uint64_t generation, const char* error);
  GVariant* property(std::string_view name) const;
  GVariant* icon_pixmap() const;
  void emit(const char* signal, GVariant* parameters);
  void log_once(const std::string& line);

  std::function<void()> on_activate_;
  std::string icon_theme_path_;
  TrayLog log_;
  DbusMenu menu_;
  TrayLook look_;
  std::vector<std::uint8_t> pixmap_small_, pixmap_large_;  // 22 and 44 px, for look_
  std::string bus_name_;
  GDBusConnection* bus_ = nullptr;
  unsigned item_registration_ = 0;
  unsigned own_id_ = 0;
  unsigned watch_id_ = 0;
  bool name_acquired_ = false;
  bool watcher_present_ = false;
  bool registered_ = false;
  bool logged_ = false;
  std::uint64_t generation_ = 0;  // bumped when the watcher goes; stale replies are dropped
  // Async callbacks hold a weak_ptr to this, so replies after destruction do nothing.
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

}  // namespace sitstretch::tray
