// mako 1.7: do-not-disturb is a mode, conventionally named `do-not-disturb` (`makoctl mode -a
// do-not-disturb`, with a `[mode=do-not-disturb] invisible=1` section in mako's config). mako 1.7
// offers the modes only through the ListModes method of fr.emersion.Mako and signals no change,
// so the modes are asked once when mako appears and again on each recheck, which the daemon
// makes only while a prompt is held or about to fall due.
#include <memory>

#include "busy/dnd_reader.hpp"

namespace sitstretch::busy {
namespace {

constexpr const char* kMode = "do-not-disturb";

class MakoReader : public DndReader {
 public:
  explicit MakoReader(const DndReaderContext& context)
      : context_(context), cancellable_(g_cancellable_new()) {
    ask();
  }

  ~MakoReader() override {
    g_cancellable_cancel(cancellable_);
    g_object_unref(cancellable_);
  }

  MakoReader(const MakoReader&) = delete;
  MakoReader& operator=(const MakoReader&) = delete;

  std::string describe() const override {
    if (!offered_) {
      return "none (notification server " + context_.server.title() +
             " offers no do-not-disturb state: no fr.emersion.Mako ListModes)";
    }
    return context_.server.title() +
           " (do-not-disturb mode, fr.emersion.Mako ListModes asked while a prompt is held: "
           "mako signals no mode change)";
  }

  void recheck() override { ask(); }
  bool needs_recheck() const override { return offered_; }

 private:
  void ask() {
    g_dbus_connection_call(context_.bus, context_.server.owner.c_str(), "/fr/emersion/Mako",
                           "fr.emersion.Mako", "ListModes", nullptr, G_VARIANT_TYPE("(as)"),
                           G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, cancellable_, &MakoReader::on_reply,
                           this);
  }

  // Loop thread; `self` is only touched when the call was not cancelled.
  static void on_reply(GObject* source, GAsyncResult* result, gpointer self) {
    g_autoptr(GError) error = nullptr;
    g_autoptr(GVariant) reply =
        g_dbus_connection_call_finish(G_DBUS_CONNECTION(source), result, &error);
    if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) return;
    auto* reader = static_cast<MakoReader*>(self);
    if (reply == nullptr) {
      // An older mako, without modes; a failed recheck of a newer one changes nothing.
      if (reader->asked_) return;
      reader->offered_ = false;
      reader->context_.log("dnd: " + reader->describe());
      return;
    }
    reader->asked_ = true;
    g_autofree const gchar** modes = nullptr;
    g_variant_get(reply, "(^a&s)", &modes);
    reader->context_.report(g_strv_contains(modes, kMode));
  }

  DndReaderContext context_;
  GCancellable* cancellable_;
  bool offered_ = true;  // until ListModes fails
  bool asked_ = false;   // a ListModes reply came
};

}  // namespace

std::unique_ptr<DndReader> make_mako_reader(const DndReaderContext& context) {
  return std::make_unique<MakoReader>(context);
}

}  // namespace sitstretch::busy
