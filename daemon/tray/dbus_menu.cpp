#include "tray/dbus_menu.hpp"

#include <algorithm>
#include <utility>

namespace sitstretch::tray {

namespace {

// com.canonical.dbusmenu as libdbusmenu defines it (version 3).
constexpr const char* kXml = R"xml(<node><interface name="com.canonical.dbusmenu">
  <property name="Version" type="u" access="read"/>
  <property name="TextDirection" type="s" access="read"/>
  <property name="Status" type="s" access="read"/>
  <property name="IconThemePath" type="as" access="read"/>
  <method name="GetLayout"><arg type="i" direction="in"/><arg type="i" direction="in"/>
    <arg type="as" direction="in"/><arg type="u" direction="out"/>
    <arg type="(ia{sv}av)" direction="out"/></method>
  <method name="GetGroupProperties"><arg type="ai" direction="in"/><arg type="as" direction="in"/>
    <arg type="a(ia{sv})" direction="out"/></method>
  <method name="GetProperty"><arg type="i" direction="in"/><arg type="s" direction="in"/>
    <arg type="v" direction="out"/></method>
  <method name="Event"><arg type="i" direction="in"/><arg type="s" direction="in"/>
    <arg type="v" direction="in"/><arg type="u" direction="in"/></method>
  <method name="EventGroup"><arg type="a(isvu)" direction="in"/>
    <arg type="ai" direction="out"/></method>
  <method name="AboutToShow"><arg type="i" direction="in"/><arg type="b" direction="out"/></method>
  <method name="AboutToShowGroup"><arg type="ai" direction="in"/><arg type="ai" direction="out"/>
    <arg type="ai" direction="out"/></method>
  <signal name="ItemsPropertiesUpdated"><arg type="a(ia{sv})"/><arg type="a(ias)"/></signal>
  <signal name="LayoutUpdated"><arg type="u"/><arg type="i"/></signal>
  <signal name="ItemActivationRequested"><arg type="i"/><arg type="u"/></signal>
</interface></node>)xml";

constexpr const char* kInterface = "com.canonical.dbusmenu";

// True when `names` (type "as") is empty or lists `name`: dbusmenu's property filter.
bool wanted(GVariant* names, const char* name) {
  if (names == nullptr || g_variant_n_children(names) == 0) return true;
  GVariantIter iter;
  g_variant_iter_init(&iter, names);
  const gchar* each = nullptr;
  while (g_variant_iter_next(&iter, "&s", &each))
    if (g_strcmp0(each, name) == 0) return true;
  return false;
}

void add(GVariantBuilder& b, GVariant* names, const char* key, GVariant* value) {
  if (wanted(names, key)) {
    g_variant_builder_add(&b, "{sv}", key, value);
  } else {
    g_variant_unref(g_variant_ref_sink(value));
  }
}

}  // namespace

struct DbusMenu::Callbacks {
  static void call(GDBusConnection*, const gchar*, const gchar*, const gchar*, const gchar* method,
                   GVariant* params, GDBusMethodInvocation* invocation, gpointer data) {
    auto* self = static_cast<DbusMenu*>(data);
    std::vector<TrayAction> actions;
    GVariant* reply = self->reply(method, params, actions);
    if (reply == nullptr) {
      g_dbus_method_invocation_return_error(invocation, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                            "no such menu item");
      return;
    }
    g_dbus_method_invocation_return_value(invocation, reply);
    // Last: an action (Quit) may end the daemon and this menu with it.
    const auto on_action = self->on_action_;
    for (TrayAction action : actions) on_action(action);
  }

  static GVariant* get(GDBusConnection*, const gchar*, const gchar*, const gchar*,
                       const gchar* name, GError** error, gpointer data) {
    auto* self = static_cast<DbusMenu*>(data);
    const std::string_view n = name;
    if (n == "Version") return g_variant_new_uint32(3);
    if (n == "TextDirection") return g_variant_new_string("ltr");
    if (n == "Status") return g_variant_new_string("normal");
    if (n == "IconThemePath") {
      const gchar* paths[] = {self->icon_theme_path_.c_str()};
      return g_variant_new_strv(paths, self->icon_theme_path_.empty() ? 0 : 1);
    }
    g_set_error(error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_PROPERTY, "no property %s", name);
    return nullptr;
  }
};

DbusMenu::DbusMenu(std::function<void(TrayAction)> on_action, std::string icon_theme_path)
    : on_action_(std::move(on_action)), icon_theme_path_(std::move(icon_theme_path)) {}

DbusMenu::~DbusMenu() {
  unexport();
}

void DbusMenu::unexport() {
  if (registration_ != 0) g_dbus_connection_unregister_object(bus_, registration_);
  registration_ = 0;
  bus_ = nullptr;
}

std::string DbusMenu::export_on(GDBusConnection* bus, const char* path) {
  static const GDBusInterfaceVTable vtable = {&Callbacks::call, &Callbacks::get, nullptr, {}};
  GError* error = nullptr;
  GDBusNodeInfo* node = g_dbus_node_info_new_for_xml(kXml, &error);
  if (node != nullptr) {
    registration_ = g_dbus_connection_register_object(bus, path, node->interfaces[0], &vtable, this,
                                                      nullptr, &error);
    g_dbus_node_info_unref(node);
  }
  if (registration_ == 0) {
    std::string why = error != nullptr ? error->message : "cannot export the menu";
    if (error != nullptr) g_error_free(error);
    return why;
  }
  bus_ = bus;
  path_ = path;
  return "";
}

void DbusMenu::set_entries(std::vector<MenuEntry> entries) {
  std::vector<MenuEntry> before = std::exchange(entries_, std::move(entries));
  if (registration_ != 0) emit_changes(before);
}

void DbusMenu::emit_changes(const std::vector<MenuEntry>& before) {
  GVariantBuilder updated;
  g_variant_builder_init(&updated, G_VARIANT_TYPE("a(ia{sv})"));
  bool any = false;
  for (const MenuEntry& now : entries_) {
    const auto old = std::find_if(before.begin(), before.end(),
                                  [&](const MenuEntry& e) { return e.id == now.id; });
    if (old == before.end() || now.separator) continue;  // the layout itself never changes
    if (old->label == now.label && old->enabled == now.enabled) continue;
    GVariantBuilder props;
    g_variant_builder_init(&props, G_VARIANT_TYPE("a{sv}"));
    if (old->label != now.label)
      g_variant_builder_add(&props, "{sv}", "label", g_variant_new_string(now.label.c_str()));
    if (old->enabled != now.enabled)
      g_variant_builder_add(&props, "{sv}", "enabled", g_variant_new_boolean(now.enabled));
    g_variant_builder_add(&updated, "(ia{sv})", now.id, &props);
    any = true;
  }
  if (!any) {
    g_variant_builder_clear(&updated);
    return;
  }
  g_dbus_connection_emit_signal(bus_, nullptr, path_.c_str(), kInterface, "ItemsPropertiesUpdated",
                                g_variant_new("(a(ia{sv})a(ias))", &updated, nullptr), nullptr);
}

const MenuEntry* DbusMenu::find(int id) const {
  const auto it = std::find_if(entries_.begin(), entries_.end(),
                               [id](const MenuEntry& e) { return e.id == id; });
  return it == entries_.end() ? nullptr : &*it;
}

GVariant* DbusMenu::properties(int id, GVariant* names) const {
  GVariantBuilder b;
  g_variant_builder_init(&b, G_VARIANT_TYPE("a{sv}"));
  if (id == 0) {
    add(b, names, "children-display", g_variant_new_string("submenu"));
  } else if (const MenuEntry* e = find(id); e == nullptr) {
    g_variant_builder_clear(&b);
    return nullptr;
  } else if (e->separator) {
    add(b, names, "type", g_variant_new_string("separator"));
  } else {
    add(b, names, "label", g_variant_new_string(e->label.c_str()));
    add(b, names, "enabled", g_variant_new_boolean(e->enabled));
  }
  return g_variant_builder_end(&b);
}

GVariant* DbusMenu::layout(int id, int depth, GVariant* names) const {
  GVariant* props = properties(id, names);
  if (props == nullptr) return nullptr;
  GVariantBuilder children;
  g_variant_builder_init(&children, G_VARIANT_TYPE("av"));
  if (id == 0 && depth != 0) {
    for (const MenuEntry& e : entries_)
      g_variant_builder_add(&children, "v", layout(e.id, depth - 1, names));
  }
  return g_variant_new("(i@a{sv}av)", id, props, &children);
}

GVariant* DbusMenu::group_properties(GVariant* ids, GVariant* names) const {
  GVariantBuilder b;
  g_variant_builder_init(&b, G_VARIANT_TYPE("a(ia{sv})"));
  std::vector<int> wanted_ids;
  GVariantIter iter;
  g_variant_iter_init(&iter, ids);
  gint32 id = 0;
  while (g_variant_iter_next(&iter, "i", &id)) wanted_ids.push_back(id);
  if (wanted_ids.empty()) {  // no ids: every item
    wanted_ids.push_back(0);
    for (const MenuEntry& e : entries_) wanted_ids.push_back(e.id);
  }
  for (int each : wanted_ids) {
    if (GVariant* props = properties(each, names); props != nullptr)
      g_variant_builder_add(&b, "(i@a{sv})", each, props);
  }
  return g_variant_builder_end(&b);
}

// Only "clicked" on an enabled entry with an action does anything; hosts also send "opened",
// "closed" and "hovered".
bool DbusMenu::handle_event(int id, const char* event, std::vector<TrayAction>& actions) const {
  if (id == 0) return true;
  const MenuEntry* e = find(id);
  if (e == nullptr) return false;
  if (g_strcmp0(event, "clicked") == 0 && e->enabled && e->action) actions.push_back(*e->action);
  return true;
}

GVariant* DbusMenu::reply(std::string_view method, GVariant* params,
                          std::vector<TrayAction>& actions) {
  gint32 id = 0;
  if (method == "GetLayout") {
    gint32 depth = 0;
    GVariant* names = nullptr;
    g_variant_get(params, "(ii@as)", &id, &depth, &names);
    GVariant* tree = layout(id, depth, names);
    g_variant_unref(names);
    return tree == nullptr ? nullptr : g_variant_new("(u@(ia{sv}av))", revision_, tree);
  }
  if (method == "GetGroupProperties") {
    GVariant* ids = g_variant_get_child_value(params, 0);
    GVariant* names = g_variant_get_child_value(params, 1);
    GVariant* result = g_variant_new("(@a(ia{sv}))", group_properties(ids, names));
    g_variant_unref(ids);
    g_variant_unref(names);
    return result;
  }
  if (method == "GetProperty") {
    const gchar* name = nullptr;
    g_variant_get(params, "(i&s)", &id, &name);
    return property_reply(id, name);
  }
  if (method == "Event") {
    const gchar* event = nullptr;
    g_variant_get(params, "(i&svu)", &id, &event, nullptr, nullptr);
    return handle_event(id, event, actions) ? g_variant_new("()") : nullptr;
  }
  if (method == "EventGroup") return event_group(params, actions);
  if (method == "AboutToShow") return g_variant_new("(b)", FALSE);
  if (method == "AboutToShowGroup")
    return g_variant_new("(@ai@ai)", g_variant_new("ai", nullptr), g_variant_new("ai", nullptr));
  return nullptr;
}

GVariant* DbusMenu::property_reply(int id, const char* name) const {
  const gchar* only[] = {name};
  GVariant* filter = g_variant_ref_sink(g_variant_new_strv(only, 1));
  GVariant* props = properties(id, filter);
  g_variant_unref(filter);
  if (props == nullptr) return nullptr;
  GVariant* value = g_variant_lookup_value(props, name, nullptr);
  g_variant_unref(g_variant_ref_sink(props));
  return value == nullptr ? nullptr : g_variant_new("(v)", value);
}

// Replies with the ids that name no item ("idErrors").
GVariant* DbusMenu::event_group(GVariant* params, std::vector<TrayAction>& actions) const {
  GVariantBuilder errors;
  g_variant_builder_init(&errors, G_VARIANT_TYPE("ai"));
  GVariantIter* iter = nullptr;
  g_variant_get(params, "(a(isvu))", &iter);
  gint32 id = 0;
  const gchar* event = nullptr;
  while (g_variant_iter_next(iter, "(i&svu)", &id, &event, nullptr, nullptr))
    if (!handle_event(id, event, actions)) g_variant_builder_add(&errors, "i", id);
  g_variant_iter_free(iter);
  return g_variant_new("(ai)", &errors);
}

}  // namespace sitstretch::tray
