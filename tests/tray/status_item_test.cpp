#include <catch2/catch.hpp>

#include <cstring>

#include "tray/ring_pixmap.hpp"
#include "tray_fixture.hpp"

using namespace std::chrono_literals;
using sitstretch::test::FakeTrayHost;
using sitstretch::test::kItemInterface;
using sitstretch::test::pump_until;
using sitstretch::test::RecordingTray;
using sitstretch::test::Reply;
using sitstretch::test::use_private_session_bus;
using sitstretch::tray::StatusItem;
using sitstretch::tray::TrayState;
using sitstretch::tray::TrayView;

namespace {

TrayView sitting(std::chrono::minutes minutes, std::chrono::minutes interval = 45min) {
  TrayView v;
  v.away = false;
  v.sitting = minutes;
  v.next_prompt_in = interval - minutes;
  v.progress = static_cast<double>(minutes.count()) / interval.count();
  return v;
}

std::string string_of(const Reply& r) {
  return r ? g_variant_get_string(r.get(), nullptr) : "?";
}

}  // namespace

TEST_CASE("the item registers its bus name with the StatusNotifierWatcher", "[tray][dbus]") {
  FakeTrayHost host(use_private_session_bus());
  RecordingTray tray;
  REQUIRE(pump_until([&] { return tray.item.registered(); }));
  REQUIRE(host.registrations.size() == 1);
  CHECK(host.registrations[0].service == tray.item.bus_name());
  CHECK(host.registrations[0].service.rfind("org.kde.StatusNotifierItem-", 0) == 0);
  CHECK(host.registrations[0].sender.rfind(":", 0) == 0);
  CHECK(tray.logs.empty());
}

TEST_CASE("every item property reads through org.freedesktop.DBus.Properties", "[tray][dbus]") {
  FakeTrayHost host(use_private_session_bus());
  RecordingTray tray;
  tray.item.update(sitting(32min));
  REQUIRE(pump_until([&] { return tray.item.registered(); }));
  const std::string item = host.registrations.at(0).service;

  Reply all = host.call(item, StatusItem::kItemPath, "org.freedesktop.DBus.Properties", "GetAll",
                        g_variant_new("(s)", kItemInterface));
  REQUIRE(all);
  Reply props(g_variant_get_child_value(all.get(), 0));
  auto text = [&](const char* key) {
    Reply v(g_variant_lookup_value(props.get(), key, G_VARIANT_TYPE_STRING));
    return string_of(v);
  };
  CHECK(text("Category") == "ApplicationStatus");
  CHECK(text("Id") == "sitstretch");
  CHECK(text("Title") == "sitstretch");
  CHECK(text("Status") == "Active");
  CHECK(text("IconName") == "sitstretch-sitting");
  CHECK(text("AttentionIconName") == "sitstretch-pending");
  CHECK(text("IconThemePath") == "/usr/share/sitstretch/icons");
  CHECK(text("XAyatanaLabel") == "32m");
  Reply menu(g_variant_lookup_value(props.get(), "Menu", G_VARIANT_TYPE_OBJECT_PATH));
  CHECK(string_of(menu) == StatusItem::kMenuPath);
  Reply is_menu(g_variant_lookup_value(props.get(), "ItemIsMenu", G_VARIANT_TYPE_BOOLEAN));
  REQUIRE(is_menu);
  CHECK_FALSE(g_variant_get_boolean(is_menu.get()));

  Reply tooltip = host.get_property(item, StatusItem::kItemPath, kItemInterface, "ToolTip");
  REQUIRE(tooltip);
  REQUIRE(g_variant_is_of_type(tooltip.get(), G_VARIANT_TYPE("(sa(iiay)ss)")));
  const gchar *title = nullptr, *body = nullptr;
  g_variant_get(tooltip.get(), "(&s@a(iiay)&s&s)", nullptr, nullptr, &title, &body);
  CHECK(std::string(title) == "Sitting 32 min");
  CHECK(std::string(body) == "Next stretch in 13 min");
}

TEST_CASE("IconPixmap decodes to 22 and 44 px rings showing the sitting progress", "[tray][dbus]") {
  FakeTrayHost host(use_private_session_bus());
  RecordingTray tray;
  tray.item.update(sitting(30min));  // 30 of 45: eight twelfths
  REQUIRE(pump_until([&] { return tray.item.registered(); }));
  Reply pixmaps =
      host.get_property(tray.item.bus_name(), StatusItem::kItemPath, kItemInterface, "IconPixmap");
  REQUIRE(pixmaps);
  REQUIRE(g_variant_n_children(pixmaps.get()) == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    Reply entry(g_variant_get_child_value(pixmaps.get(), i));
    gint32 width = 0, height = 0;
    GVariant* bytes = nullptr;
    g_variant_get(entry.get(), "(ii@ay)", &width, &height, &bytes);
    Reply keep(bytes);
    CHECK(width == (i == 0 ? 22 : 44));
    CHECK(height == width);
    gsize n = 0;
    const auto* data = static_cast<const std::uint8_t*>(g_variant_get_fixed_array(bytes, &n, 1));
    REQUIRE(n == static_cast<gsize>(width * height * 4));
    const std::vector<std::uint8_t> argb(data, data + n);
    CHECK(sitstretch::tray::filled_fraction(argb, width) == Approx(8.0 / 12).margin(0.04));
  }
}

TEST_CASE("update signals only what changed, and nothing for an unchanged view", "[tray][dbus]") {
  FakeTrayHost host(use_private_session_bus());
  RecordingTray tray;
  tray.item.update(sitting(32min));
  REQUIRE(pump_until([&] { return tray.item.registered(); }));
  const std::string item = tray.item.bus_name();
  host.round_trip(item);
  host.signal_counts.clear();

  tray.item.update(sitting(32min));  // the same view
  auto later = sitting(32min);
  later.sitting += 20s;  // below the display's resolution
  tray.item.update(later);
  host.round_trip(item);
  CHECK(host.signal_counts.empty());

  tray.item.update(sitting(33min));  // texts change, the ring (8/12 until 33:45) does not
  host.round_trip(item);
  CHECK(host.signal_counts["XAyatanaNewLabel"] == 1);
  CHECK(host.signal_counts["NewToolTip"] == 1);
  CHECK(host.signal_counts["NewIcon"] == 0);
  CHECK(host.signal_counts["NewStatus"] == 0);
  CHECK(host.signal_counts["ItemsPropertiesUpdated"] == 1);  // the status line

  auto pending = sitting(45min);
  pending.state = TrayState::prompt_pending;
  tray.item.update(pending);
  host.round_trip(item);
  CHECK(host.signal_counts["NewStatus"] == 1);
  CHECK(host.signal_counts["NewIcon"] == 1);
  Reply status =
      host.get_property(tray.item.bus_name(), StatusItem::kItemPath, kItemInterface, "Status");
  CHECK(string_of(status) == "NeedsAttention");
  Reply icon =
      host.get_property(tray.item.bus_name(), StatusItem::kItemPath, kItemInterface, "IconName");
  CHECK(string_of(icon) == "sitstretch-pending");
}

TEST_CASE("Activate (left click) calls back and the other clicks do nothing", "[tray][dbus]") {
  FakeTrayHost host(use_private_session_bus());
  RecordingTray tray;
  REQUIRE(pump_until([&] { return tray.item.registered(); }));
  const std::string item = tray.item.bus_name();
  CHECK(host.call(item, StatusItem::kItemPath, kItemInterface, "Activate",
                  g_variant_new("(ii)", 10, 10)));
  CHECK(tray.activations == 1);
  CHECK(host.call(item, StatusItem::kItemPath, kItemInterface, "SecondaryActivate",
                  g_variant_new("(ii)", 10, 10)));
  CHECK(host.call(item, StatusItem::kItemPath, kItemInterface, "ContextMenu",
                  g_variant_new("(ii)", 10, 10)));
  CHECK(host.call(item, StatusItem::kItemPath, kItemInterface, "Scroll",
                  g_variant_new("(is)", 1, "vertical")));
  CHECK(tray.activations == 1);
  CHECK(tray.actions.empty());
}
