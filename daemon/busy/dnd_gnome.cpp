// GNOME Shell: "Do Not Disturb" is the `show-banners` key of org.gnome.desktop.notifications set
// to false, followed with GSettings' `changed` signal (dconf tells every reader of a key when it
// is written). Only when the schema is installed: GSettings aborts the process on a missing one.
#include <memory>

#include "busy/dnd_reader.hpp"

namespace sitstretch::busy {
namespace {

constexpr const char* kSchema = "org.gnome.desktop.notifications";
constexpr const char* kKey = "show-banners";

class GnomeReader : public DndReader {
 public:
  explicit GnomeReader(const DndReaderContext& context) : context_(context) {
    GSettingsSchemaSource* schemas = g_settings_schema_source_get_default();
    GSettingsSchema* schema =
        schemas != nullptr ? g_settings_schema_source_lookup(schemas, kSchema, TRUE) : nullptr;
    if (schema == nullptr || !g_settings_schema_has_key(schema, kKey)) {
      if (schema != nullptr) g_settings_schema_unref(schema);
      context_.log("dnd: " + describe());
      return;
    }
    settings_ = g_settings_new_full(schema, nullptr, nullptr);
    g_settings_schema_unref(schema);
    changed_ = g_signal_connect(settings_, "changed::show-banners",
                                G_CALLBACK(&GnomeReader::on_changed), this);
    // Reading the key also makes GSettings signal its changes (it may not for unread keys).
    report();
  }

  ~GnomeReader() override {
    if (settings_ == nullptr) return;
    g_signal_handler_disconnect(settings_, changed_);
    g_object_unref(settings_);
  }

  GnomeReader(const GnomeReader&) = delete;
  GnomeReader& operator=(const GnomeReader&) = delete;

  std::string describe() const override {
    if (settings_ == nullptr) {
      return "none (" + context_.server.title() + ": the GSettings schema " + kSchema +
             " is not installed)";
    }
    return context_.server.title() + " (" + kKey + ", " + kSchema + " GSettings changed)";
  }

 private:
  void report() { context_.report(!g_settings_get_boolean(settings_, kKey)); }

  // Loop thread: GSettings signals on the context current when it was made.
  static void on_changed(GSettings*, const gchar*, gpointer self) {
    static_cast<GnomeReader*>(self)->report();
  }

  DndReaderContext context_;
  GSettings* settings_ = nullptr;
  gulong changed_ = 0;
};

}  // namespace

std::unique_ptr<DndReader> make_gnome_reader(const DndReaderContext& context) {
  return std::make_unique<GnomeReader>(context);
}

}  // namespace sitstretch::busy
