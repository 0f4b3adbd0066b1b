#pragma once

// DbusMenu: the tray's menu as com.canonical.dbusmenu (version 3) over GDBus, without a GUI
// toolkit. The layout is fixed (a flat list under the root, id 0); labels and enabled flags
// change, and each change is announced with ItemsPropertiesUpdated.
//
// Threading: export and every D-Bus call run on the GMainContext that was thread-default when
// export_on() was called (the daemon's loop thread).

#include <gio/gio.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "tray/tray_look.hpp"

namespace sitstretch::tray {

class DbusMenu {
 public:
  DbusMenu(std::function<void(TrayAction)> on_action, std::string icon_theme_path);
  ~DbusMenu();
  DbusMenu(const DbusMenu&) = delete;
  DbusMenu& operator=(const DbusMenu&) = delete;

  // Exports the menu at `path` on `bus` (borrowed; must outlive this or the next export).
  // Returns an empty string, or why it failed.
  std::string export_on(GDBusConnection* bus, const char* path);
  // Stops serving the menu (also done by the destructor).
  void unexport();
  // Replaces the entries; once exported, signals the properties that changed, if any.
  void set_entries(std::vector<MenuEntry> entries);
  const std::vector<MenuEntry>& entries() const { return entries_; }

 private:
  struct Callbacks;
  friend struct Callbacks;

  const MenuEntry* find(int id) const;
  GVariant* properties(int id, GVariant* names) const;
  GVariant* layout(int id, int depth, GVariant* names) const;
  GVariant* group_properties(GVariant* ids, GVariant* names) const;
  bool handle_event(int id, const char* event, std::vector<TrayAction>& actions) const;
  // The reply to one method call (floating), or nullptr for an unknown item; clicked actions
  // are collected in `actions` to run after the reply has gone out.
  GVariant* property_reply(int id, const char* name) const;
  GVariant* event_group(GVariant* params, std::vector<TrayAction>& actions) const;
  GVariant* reply(std::string_view method, GVariant* params, std::vector<TrayAction>& actions);
  void emit_changes(const std::vector<MenuEntry>& before);

  std::function<void(TrayAction)> on_action_;
  std::string icon_theme_path_;
  std::vector<MenuEntry> entries_;
  GDBusConnection* bus_ = nullptr;
  std::string path_;
  unsigned registration_ = 0;
  unsigned revision_ = 1;  // the layout never changes shape
};

}  // namespace sitstretch::tray
