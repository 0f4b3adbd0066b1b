#include <catch2/catch.hpp>

#include <map>

#include "tray_fixture.hpp"

using namespace std::chrono_literals;
using sitstretch::test::FakeTrayHost;
using sitstretch::test::kMenuInterface;
using sitstretch::test::pump_until;
using sitstretch::test::RecordingTray;
using sitstretch::test::Reply;
using sitstretch::test::use_private_session_bus;
using sitstretch::tray::StatusItem;
using sitstretch::tray::TrayAction;
using sitstretch::tray::TrayState;
using sitstretch::tray::TrayView;

namespace {

struct Row {
  int id;
  std::string label;  // "-" for a separator
  bool enabled;
};

// The menu as a host sees it: GetLayout(0, -1, []) flattened into rows.
std::vector<Row> layout_of(FakeTrayHost& host, const std::string& item) {
  Reply reply = host.call(item, StatusItem::kMenuPath, kMenuInterface, "GetLayout",
                          g_variant_new("(ii@as)", 0, -1, g_variant_new_strv(nullptr, 0)));
  REQUIRE(reply);
  GVariant* children = nullptr;
  gint32 root = -1;
  g_variant_get(reply.get(), "(u(i@a{sv}@av))", nullptr, &root, nullptr, &children);
  Reply keep(children);
  CHECK(root == 0);
  std::vector<Row> rows;
  for (std::size_t i = 0; i < g_variant_n_children(children); ++i) {
    Reply boxed(g_variant_get_child_value(children, i));
    Reply child(g_variant_get_variant(boxed.get()));
    gint32 id = 0;
    GVariant* props = nullptr;
    g_variant_get(child.get(), "(i@a{sv}@av)", &id, &props, nullptr);
    Reply keep_props(props);
    const gchar *type = nullptr, *label = nullptr;
    gboolean enabled = TRUE;
    g_variant_lookup(props, "type", "&s", &type);
    g_variant_lookup(props, "label", "&s", &label);
    g_variant_lookup(props, "enabled", "b", &enabled);
    rows.push_back({id,
                    g_strcmp0(type, "separator") == 0 ? "-"
                    : label                           ? label
                                                      : "?",
                    enabled != FALSE});
  }
  return rows;
}

int id_of(const std::vector<Row>& rows, const std::string& label) {
  for (const Row& r : rows)
    if (r.label == label) return r.id;
  return -1;
}

bool click(FakeTrayHost& host, const std::string& item, int id) {
  return static_cast<bool>(
      host.call(item, StatusItem::kMenuPath, kMenuInterface, "Event",
                g_variant_new("(isvu)", id, "clicked", g_variant_new_int32(0), 0u)));
}

TrayView pending_with_snoozes() {
  TrayView v;
  v.state = TrayState::prompt_pending;
  v.away = false;
  v.sitting = 45min;
  v.progress = 1;
  v.can_snooze = true;
  v.snooze_label = "Snooze 10 min";
  return v;
}

}  // namespace

TEST_CASE("GetLayout lists every entry with its label and enabled flag", "[tray][menu]") {
  FakeTrayHost host(use_private_session_bus());
  RecordingTray tray;
  TrayView v;
  v.away = false;
  v.sitting = 32min;
  v.next_prompt_in = 13min;
  tray.item.update(v);
  REQUIRE(pump_until([&] { return tray.item.registered(); }));
  const auto rows = layout_of(host, tray.item.bus_name());
  std::vector<std::string> labels;
  for (const Row& r : rows) labels.push_back(r.label);
  CHECK(labels == std::vector<std::string>{"Sitting 32 min · next in 13 min", "-", "Stretch now",
                                           "Snooze", "-", "Pause for 30 minutes",
                                           "Pause for 1 hour", "Pause until tomorrow", "Resume",
                                           "-", "Today's stats", "Edit settings", "-", "Quit"});
  REQUIRE(rows.size() == 14);
  CHECK_FALSE(rows[0].enabled);  // the status line
  CHECK(rows[2].enabled);        // Stretch now
  CHECK_FALSE(rows[3].enabled);  // Snooze: no prompt pending
  CHECK_FALSE(rows[8].enabled);  // Resume: not paused
  CHECK(rows[13].enabled);       // Quit

  Reply version =
      host.get_property(tray.item.bus_name(), StatusItem::kMenuPath, kMenuInterface, "Version");
  REQUIRE(version);
  CHECK(g_variant_get_uint32(version.get()) == 3);
  Reply label = host.call(tray.item.bus_name(), StatusItem::kMenuPath, kMenuInterface,
                          "GetProperty", g_variant_new("(is)", rows[2].id, "label"));
  REQUIRE(label);
  Reply value(g_variant_get_child_value(label.get(), 0));
  Reply inner(g_variant_get_variant(value.get()));
  CHECK(std::string(g_variant_get_string(inner.get(), nullptr)) == "Stretch now");
}

TEST_CASE("clicking menu entries calls back with the matching action", "[tray][menu]") {
  FakeTrayHost host(use_private_session_bus());
  RecordingTray tray;
  REQUIRE(pump_until([&] { return tray.item.registered(); }));
  const std::string item = tray.item.bus_name();
  const auto rows = layout_of(host, item);

  CHECK(click(host, item, id_of(rows, "Stretch now")));
  CHECK(click(host, item, id_of(rows, "Snooze")));  // disabled: nothing
  CHECK(click(host, item, id_of(rows, "Resume")));  // disabled: nothing
  CHECK(click(host, item, id_of(rows, "Pause for 30 minutes")));
  CHECK(click(host, item, id_of(rows, "Pause for 1 hour")));
  CHECK(click(host, item, id_of(rows, "Pause until tomorrow")));
  CHECK(click(host, item, id_of(rows, "Today's stats")));
  CHECK(click(host, item, id_of(rows, "Edit settings")));
  CHECK_FALSE(click(host, item, 999));  // no such item: an error
  CHECK(tray.actions ==
        std::vector<TrayAction>{TrayAction::stretch_now, TrayAction::pause_30m,
                                TrayAction::pause_1h, TrayAction::pause_until_tomorrow,
                                TrayAction::todays_stats, TrayAction::edit_settings});

  tray.actions.clear();
  tray.item.update(pending_with_snoozes());
  CHECK(click(host, item, id_of(rows, "Snooze")));
  auto paused = pending_with_snoozes();
  paused.state = TrayState::paused;
  paused.can_snooze = false;
  paused.paused = true;
  tray.item.update(paused);
  CHECK(click(host, item, id_of(rows, "Snooze")));  // disabled again
  CHECK(click(host, item, id_of(rows, "Resume")));
  // Hosts may batch clicks with EventGroup; "hovered" does nothing.
  Reply group = host.call(item, StatusItem::kMenuPath, kMenuInterface, "EventGroup",
                          g_variant_new_parsed("([(%i, 'hovered', <0>, uint32 0), "
                                               "(%i, 'clicked', <0>, uint32 0)],)",
                                               id_of(rows, "Quit"), id_of(rows, "Quit")));
  CHECK(group);
  CHECK(tray.actions ==
        std::vector<TrayAction>{TrayAction::snooze, TrayAction::resume, TrayAction::quit});
}

TEST_CASE("Snooze and Resume enable and disable live with ItemsPropertiesUpdated", "[tray][menu]") {
  FakeTrayHost host(use_private_session_bus());
  RecordingTray tray;
  REQUIRE(pump_until([&] { return tray.item.registered(); }));
  const std::string item = tray.item.bus_name();
  tray.item.update(pending_with_snoozes());
  REQUIRE(pump_until([&] { return !host.menu_updates.empty(); }));

  std::map<int, bool> enabled;  // from the signal
  std::map<int, std::string> labels;
  GVariantIter* updated = nullptr;
  g_variant_get(host.menu_updates.back().get(), "(a(ia{sv})a(ias))", &updated, nullptr);
  gint32 id = 0;
  GVariant* props = nullptr;
  while (g_variant_iter_next(updated, "(i@a{sv})", &id, &props)) {
    gboolean on = FALSE;
    const gchar* label = nullptr;
    if (g_variant_lookup(props, "enabled", "b", &on)) enabled[id] = on;
    if (g_variant_lookup(props, "label", "&s", &label)) labels[id] = label;
    g_variant_unref(props);
  }
  g_variant_iter_free(updated);
  const auto rows = layout_of(host, item);
  const int snooze = id_of(rows, "Snooze 10 min");
  REQUIRE(snooze > 0);
  CHECK(enabled.at(snooze));
  CHECK(labels.at(snooze) == "Snooze 10 min");
  CHECK(rows[3].enabled);
  CHECK_FALSE(rows[8].enabled);

  auto paused = pending_with_snoozes();
  paused.state = TrayState::paused;
  paused.can_snooze = false;
  paused.paused = true;
  tray.item.update(paused);
  REQUIRE(pump_until([&] { return host.menu_updates.size() == 2; }));
  const auto after = layout_of(host, item);
  CHECK_FALSE(after[3].enabled);
  CHECK(after[8].enabled);
  CHECK(after[0].label == "Sitting 45 min · paused");
}
