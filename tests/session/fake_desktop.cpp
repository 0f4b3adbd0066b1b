#include "fake_desktop.hpp"

#include <unistd.h>

#include <string_view>

namespace sitstretch::test {

namespace {

constexpr const char* kLogindXml = R"(<node>
  <interface name='org.freedesktop.login1.Manager'>
    <method name='GetSessionByPID'><arg type='u' direction='in'/><arg type='o' direction='out'/></method>
    <method name='GetSession'><arg type='s' direction='in'/><arg type='o' direction='out'/></method>
    <signal name='PrepareForSleep'><arg type='b'/></signal>
  </interface>
</node>)";

constexpr const char* kSessionXml = R"(<node>
  <interface name='org.freedesktop.login1.Session'>
    <property name='Id' type='s' access='read'/>
    <property name='LockedHint' type='b' access='read'/>
    <signal name='Lock'/>
    <signal name='Unlock'/>
  </interface>
</node>)";

constexpr const char* kScreensaverXml = R"(<node>
  <interface name='org.freedesktop.ScreenSaver'>
    <method name='GetActive'><arg type='b' direction='out'/></method>
    <signal name='ActiveChanged'><arg type='b'/></signal>
  </interface>
</node>)";

constexpr const char* kGnomeScreensaverXml = R"(<node>
  <interface name='org.gnome.ScreenSaver'>
    <method name='GetActive'><arg type='b' direction='out'/></method>
    <signal name='ActiveChanged'><arg type='b'/></signal>
  </interface>
</node>)";

}  // namespace

FakeLogind::FakeLogind(const std::string& system_address, bool knows_our_pid)
    : bus_(system_address), knows_our_pid_(knows_our_pid) {
  bus_.on_method = [this](const char*, const char* interface, const char* method,
                          GVariant* parameters) { return handle(interface, method, parameters); };
  bus_.on_get = [this](const char*, const char*, const char* property) -> GVariant* {
    if (std::string_view(property) == "Id") return g_variant_new_string("31");
    ++hint_reads_;
    return g_variant_new_boolean(locked_hint_);
  };
  bus_.add_object("/org/freedesktop/login1", kLogindXml);
  bus_.add_object(kSessionPath, kSessionXml);
  bus_.add_object("/org/freedesktop/login1/session/auto", kSessionXml);
  bus_.own("org.freedesktop.login1");
}

GVariant* FakeLogind::handle(const char*, const char* method, GVariant* parameters) {
  ++lookups_;
  const std::string_view name = method;
  if (name == "GetSessionByPID") {
    guint32 pid = 0;
    g_variant_get(parameters, "(u)", &pid);
    if (!knows_our_pid_ || pid != static_cast<guint32>(getpid())) return nullptr;
    return g_variant_new("(o)", kSessionPath);
  }
  const gchar* id = nullptr;
  g_variant_get(parameters, "(&s)", &id);
  return std::string_view(id) == "31" ? g_variant_new("(o)", kSessionPath) : nullptr;
}

void FakeLogind::set_locked_hint(bool locked) {
  locked_hint_ = locked;
  GVariantBuilder changed;
  g_variant_builder_init(&changed, G_VARIANT_TYPE("a{sv}"));
  g_variant_builder_add(&changed, "{sv}", "LockedHint", g_variant_new_boolean(locked));
  const gchar* const invalidated[] = {nullptr};
  bus_.emit(kSessionPath, "org.freedesktop.DBus.Properties", "PropertiesChanged",
            g_variant_new("(sa{sv}^as)", kSession, &changed, invalidated));
}

void FakeLogind::prepare_for_sleep(bool sleeping) {
  bus_.emit("/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep",
            g_variant_new("(b)", sleeping));
}

FakeScreensaver::FakeScreensaver(const std::string& session_address, bool active)
    : bus_(session_address), active_(active) {
  bus_.on_method = [this](const char*, const char*, const char*, GVariant*) {
    ++active_queries_;
    return g_variant_new("(b)", active_);
  };
  bus_.add_object("/org/freedesktop/ScreenSaver", kScreensaverXml);
  bus_.add_object("/org/gnome/ScreenSaver", kGnomeScreensaverXml);
  bus_.own("org.freedesktop.ScreenSaver");
  bus_.own("org.gnome.ScreenSaver");
}

void FakeScreensaver::active_changed(const char* interface, const char* path, bool active) {
  active_ = active;
  bus_.emit(path, interface, "ActiveChanged", g_variant_new("(b)", active));
}

}  // namespace sitstretch::test
