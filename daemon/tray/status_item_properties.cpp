// StatusItem's properties and change signals (the look); registration is in status_item.cpp.
#include "tray/ring_pixmap.hpp"
#include "tray/status_item.hpp"

#include <utility>

namespace sitstretch::tray {

namespace {

constexpr const char* kInterface = "org.kde.StatusNotifierItem";
constexpr const char* kLabelGuide = "999m";  // the widest label, so the panel keeps its width

void add_pixmap(GVariantBuilder& b, int size, const std::vector<std::uint8_t>& argb) {
  GVariant* bytes = g_variant_new_fixed_array(G_VARIANT_TYPE_BYTE, argb.data(), argb.size(), 1);
  g_variant_builder_add(&b, "(ii@ay)", size, size, bytes);
}

GVariant* no_pixmaps() {
  return g_variant_new_array(G_VARIANT_TYPE("(iiay)"), nullptr, 0);
}

}  // namespace

void StatusItem::update(const TrayView& view) {
  TrayLook next = look_of(view);
  if (next == look_) return;
  const TrayLook before = std::exchange(look_, std::move(next));
  if (before.ring_step != look_.ring_step || before.ring_rgb != look_.ring_rgb) {
    const double fraction = static_cast<double>(look_.ring_step) / kRingSteps;
    pixmap_small_ = ring_pixmap(kPixmapSmall, fraction, look_.ring_rgb);
    pixmap_large_ = ring_pixmap(kPixmapLarge, fraction, look_.ring_rgb);
  }
  if (before.icon_name != look_.icon_name || before.ring_step != look_.ring_step ||
      before.ring_rgb != look_.ring_rgb)
    emit("NewIcon", nullptr);
  if (before.tooltip_title != look_.tooltip_title || before.tooltip_text != look_.tooltip_text)
    emit("NewToolTip", nullptr);
  if (before.status != look_.status) emit("NewStatus", g_variant_new("(s)", look_.status.c_str()));
  if (before.label != look_.label)
    emit("XAyatanaNewLabel", g_variant_new("(ss)", look_.label.c_str(), kLabelGuide));
  if (before.menu != look_.menu) menu_.set_entries(look_.menu);
}

void StatusItem::emit(const char* signal, GVariant* parameters) {
  if (item_registration_ == 0) {  // not exported yet: hosts read the properties when they come
    if (parameters != nullptr) g_variant_unref(g_variant_ref_sink(parameters));
    return;
  }
  g_dbus_connection_emit_signal(bus_, nullptr, kItemPath, kInterface, signal, parameters, nullptr);
}

GVariant* StatusItem::icon_pixmap() const {
  GVariantBuilder b;
  g_variant_builder_init(&b, G_VARIANT_TYPE("a(iiay)"));
  add_pixmap(b, kPixmapSmall, pixmap_small_);
  add_pixmap(b, kPixmapLarge, pixmap_large_);
  return g_variant_builder_end(&b);
}

GVariant* StatusItem::property(std::string_view name) const {
  if (name == "Category") return g_variant_new_string("ApplicationStatus");
  if (name == "Id") return g_variant_new_string("sitstretch");
  if (name == "Title") return g_variant_new_string("sitstretch");
  if (name == "Status") return g_variant_new_string(look_.status.c_str());
  if (name == "WindowId") return g_variant_new_int32(0);
  if (name == "IconThemePath") return g_variant_new_string(icon_theme_path_.c_str());
  if (name == "Menu") return g_variant_new_object_path(kMenuPath);
  if (name == "ItemIsMenu") return g_variant_new_boolean(FALSE);
  if (name == "IconName") return g_variant_new_string(look_.icon_name.c_str());
  if (name == "IconPixmap") return icon_pixmap();
  if (name == "OverlayIconName" || name == "AttentionMovieName") return g_variant_new_string("");
  if (name == "OverlayIconPixmap" || name == "AttentionIconPixmap") return no_pixmaps();
  if (name == "AttentionIconName") return g_variant_new_string("sitstretch-pending");
  if (name == "ToolTip") {
    return g_variant_new("(s@a(iiay)ss)", look_.icon_name.c_str(), no_pixmaps(),
                         look_.tooltip_title.c_str(), look_.tooltip_text.c_str());
  }
  if (name == "XAyatanaLabel") return g_variant_new_string(look_.label.c_str());
  if (name == "XAyatanaLabelGuide") return g_variant_new_string(kLabelGuide);
  if (name == "XAyatanaOrderingIndex") return g_variant_new_uint32(0);
  return nullptr;
}

}  // namespace sitstretch::tray
