#include "tray/status_item.hpp"

#include <unistd.h>

#include <cstdio>
#include <utility>

#include "tray/ring_pixmap.hpp"

namespace sitstretch::tray {

namespace {

constexpr const char* kWatcher = "org.kde.StatusNotifierWatcher";

// org.kde.StatusNotifierItem as KDE's kstatusnotifieritem defines it, plus the XAyatana*
// extension that GNOME's AppIndicator extension reads for a text label.
constexpr const char* kXml = R"xml(<node><interface name="org.kde.StatusNotifierItem">
  <property name="Category" type="s" access="read"/>
  <property name="Id" type="s" access="read"/>
  <property name="Title" type="s" access="read"/>
  <property name="Status" type="s" access="read"/>
  <property name="WindowId" type="i" access="read"/>
  <property name="IconThemePath" type="s" access="read"/>
  <property name="Menu" type="o" access="read"/>
  <property name="ItemIsMenu" type="b" access="read"/>
  <property name="IconName" type="s" access="read"/>
  <property name="IconPixmap" type="a(iiay)" access="read"/>
  <property name="OverlayIconName" type="s" access="read"/>
  <property name="OverlayIconPixmap" type="a(iiay)" access="read"/>
  <property name="AttentionIconName" type="s" access="read"/>
  <property name="AttentionIconPixmap" type="a(iiay)" access="read"/>
  <property name="AttentionMovieName" type="s" access="read"/>
  <property name="ToolTip" type="(sa(iiay)ss)" access="read"/>
  <property name="XAyatanaLabel" type="s" access="read"/>
  <property name="XAyatanaLabelGuide" type="s" access="read"/>
  <property name="XAyatanaOrderingIndex" type="u" access="read"/>
  <method name="ContextMenu"><arg name="x" type="i"/><arg name="y" type="i"/></method>
  <method name="Activate"><arg name="x" type="i"/><arg name="y" type="i"/></method>
  <method name="SecondaryActivate"><arg name="x" type="i"/><arg name="y" type="i"/></method>
  <method name="Scroll"><arg name="delta" type="i"/><arg name="orientation" type="s"/></method>
  <signal name="NewTitle"/>
  <signal name="NewIcon"/>
  <signal name="NewAttentionIcon"/>
  <signal name="NewOverlayIcon"/>
  <signal name="NewToolTip"/>
  <signal name="NewStatus"><arg name="status" type="s"/></signal>
  <signal name="XAyatanaNewLabel"><arg name="label" type="s"/><arg name="guide" type="s"/></signal>
</interface></node>)xml";

std::string next_bus_name() {
  static int instance = 0;
  return "org.kde.StatusNotifierItem-" + std::to_string(getpid()) + "-" +
         std::to_string(++instance);
}

}  // namespace

void log_to_stderr(std::string_view line) {
  std::fprintf(stderr, "sitstretchd: %.*s\n", static_cast<int>(line.size()), line.data());
}

// The C callbacks handed to GDBus. Bus and registration replies carry a weak_ptr (they may
// arrive after the item is gone); name and object callbacks end with unown/unwatch/unregister.
struct StatusItem::Callbacks {
  struct Pending {
    std::weak_ptr<int> alive;
    StatusItem* self;
    std::uint64_t generation;
  };

  static void bus_ready(GObject*, GAsyncResult* result, gpointer data) {
    const std::unique_ptr<Pending> pending(static_cast<Pending*>(data));
    GError* error = nullptr;
    GDBusConnection* bus = g_bus_get_finish(result, &error);
    if (!pending->alive.expired()) {
      pending->self->on_bus(bus, error != nullptr ? error->message : nullptr);
    } else if (bus != nullptr) {
      g_object_unref(bus);
    }
    if (error != nullptr) g_error_free(error);
  }

  static void registered(GObject* source, GAsyncResult* result, gpointer data) {
    const std::unique_ptr<Pending> pending(static_cast<Pending*>(data));
    GError* error = nullptr;
    GVariant* reply = g_dbus_connection_call_finish(G_DBUS_CONNECTION(source), result, &error);
    if (reply != nullptr) g_variant_unref(reply);
    if (!pending->alive.expired())
      pending->self->on_registered(pending->generation,
                                   error != nullptr ? error->message : nullptr);
    if (error != nullptr) g_error_free(error);
  }

  static void name_acquired(GDBusConnection*, const gchar*, gpointer data) {
    auto* self = static_cast<StatusItem*>(data);
    self->name_acquired_ = true;
    self->try_register();
  }

  static void name_lost(GDBusConnection*, const gchar* name, gpointer data) {
    auto* self = static_cast<StatusItem*>(data);
    self->name_acquired_ = false;
    self->log_once(std::string("cannot own ") + name + " on the session bus: no tray icon");
  }

  static void watcher_appeared(GDBusConnection*, const gchar*, const gchar*, gpointer data) {
    static_cast<StatusItem*>(data)->on_watcher(true);
  }

  static void watcher_vanished(GDBusConnection*, const gchar*, gpointer data) {
    static_cast<StatusItem*>(data)->on_watcher(false);
  }

  static void call(GDBusConnection*, const gchar*, const gchar*, const gchar*, const gchar* method,
                   GVariant*, GDBusMethodInvocation* invocation, gpointer data) {
    auto* self = static_cast<StatusItem*>(data);
    g_dbus_method_invocation_return_value(invocation, nullptr);
    // Left click. ContextMenu, SecondaryActivate and Scroll do nothing: hosts show the menu
    // from the Menu property themselves. Last: the callback may end the item.
    if (g_strcmp0(method, "Activate") == 0 && self->on_activate_) {
      const auto on_activate = self->on_activate_;
      on_activate();
    }
  }

  static GVariant* get(GDBusConnection*, const gchar*, const gchar*, const gchar*,
                       const gchar* name, GError** error, gpointer data) {
    GVariant* value = static_cast<StatusItem*>(data)->property(name);
    if (value == nullptr)
      g_set_error(error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_PROPERTY, "no property %s", name);
    return value;
  }
};

StatusItem::StatusItem(std::function<void(TrayAction)> on_action, std::function<void()> on_activate,
                       std::string icon_theme_path, TrayLog log)
    : on_activate_(std::move(on_activate)),
      icon_theme_path_(std::move(icon_theme_path)),
      log_(std::move(log)),
      menu_(std::move(on_action), icon_theme_path_),
      look_(look_of(TrayView{})),
      bus_name_(next_bus_name()) {
  pixmap_small_ = ring_pixmap(kPixmapSmall, double(look_.ring_step) / kRingSteps, look_.ring_rgb);
  pixmap_large_ = ring_pixmap(kPixmapLarge, double(look_.ring_step) / kRingSteps, look_.ring_rgb);
  menu_.set_entries(look_.menu);
  g_bus_get(G_BUS_TYPE_SESSION, nullptr, &Callbacks::bus_ready,
            new Callbacks::Pending{alive_, this, 0});
}

StatusItem::~StatusItem() {
  if (watch_id_ != 0) g_bus_unwatch_name(watch_id_);
  if (own_id_ != 0) g_bus_unown_name(own_id_);
  if (item_registration_ != 0) g_dbus_connection_unregister_object(bus_, item_registration_);
  menu_.unexport();  // before letting go of the connection it is exported on
  if (bus_ != nullptr) g_object_unref(bus_);
}

void StatusItem::on_bus(GDBusConnection* bus, const char* error) {
  if (bus == nullptr) {
    log_once(std::string("no session bus (") + (error ? error : "?") + "): no tray icon");
    return;
  }
  bus_ = bus;
  static const GDBusInterfaceVTable vtable = {&Callbacks::call, &Callbacks::get, nullptr, {}};
  GDBusNodeInfo* node = g_dbus_node_info_new_for_xml(kXml, nullptr);
  GError* failure = nullptr;
  item_registration_ = g_dbus_connection_register_object(bus, kItemPath, node->interfaces[0],
                                                         &vtable, this, nullptr, &failure);
  g_dbus_node_info_unref(node);
  std::string why = item_registration_ == 0 ? failure->message : menu_.export_on(bus, kMenuPath);
  if (failure != nullptr) g_error_free(failure);
  if (!why.empty()) {
    log_once("cannot export the tray icon: " + why);
    return;
  }
  own_id_ =
      g_bus_own_name_on_connection(bus, bus_name_.c_str(), G_BUS_NAME_OWNER_FLAGS_DO_NOT_QUEUE,
                                   &Callbacks::name_acquired, &Callbacks::name_lost, this, nullptr);
  watch_id_ = g_bus_watch_name_on_connection(bus, kWatcher, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                             &Callbacks::watcher_appeared,
                                             &Callbacks::watcher_vanished, this, nullptr);
}

void StatusItem::on_watcher(bool present) {
  watcher_present_ = present;
  ++generation_;
  if (present) {
    try_register();
    return;
  }
  registered_ = false;
  log_once(
      "no StatusNotifierWatcher on the session bus: running without a tray icon until one "
      "appears");
}

void StatusItem::try_register() {
  if (bus_ == nullptr || !name_acquired_ || !watcher_present_) return;
  g_dbus_connection_call(bus_, kWatcher, "/StatusNotifierWatcher", kWatcher,
                         "RegisterStatusNotifierItem", g_variant_new("(s)", bus_name_.c_str()),
                         nullptr, G_DBUS_CALL_FLAGS_NONE, -1, nullptr, &Callbacks::registered,
                         new Callbacks::Pending{alive_, this, generation_});
}

void StatusItem::on_registered(std::uint64_t generation, const char* error) {
  if (generation != generation_) return;  // the watcher went (and maybe came back) meanwhile
  if (error != nullptr) {
    log_once(std::string("the StatusNotifierWatcher refused the tray icon: ") + error);
    return;
  }
  registered_ = true;
}

void StatusItem::log_once(const std::string& line) {
  if (logged_) return;
  logged_ = true;
  if (log_) log_(line);
}

}  // namespace sitstretch::tray
