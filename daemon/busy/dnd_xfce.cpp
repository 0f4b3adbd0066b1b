// xfce4-notifyd 0.7: "Do not disturb" is the boolean `/do-not-disturb` of the xfconf channel
// `xfce4-notifyd`. xfconfd, which owns org.xfce.Xfconf, sends PropertyChanged (and
// PropertyRemoved on a reset) to every client; the property is asked once with GetProperty.
#include <memory>

#include "busy/dnd_reader.hpp"

namespace sitstretch::busy {
namespace {

constexpr const char* kXfconf = "org.xfce.Xfconf";
constexpr const char* kPath = "/org/xfce/Xfconf";
constexpr const char* kChannel = "xfce4-notifyd";
constexpr const char* kProperty = "/do-not-disturb";

class XfceReader : public DndReader {
 public:
  explicit XfceReader(const DndReaderContext& context)
      : context_(context), cancellable_(g_cancellable_new()) {
    // Every member of the interface, for this channel: PropertyChanged and PropertyRemoved.
    subscription_ = g_dbus_connection_signal_subscribe(context_.bus, kXfconf, kXfconf, nullptr,
                                                       kPath, kChannel, G_DBUS_SIGNAL_FLAGS_NONE,
                                                       &XfceReader::on_signal, this, nullptr);
    auto* query = new Query{this, signals_};
    // xfconfd may be started for this: xfce4-notifyd reads its own settings through it anyway.
    g_dbus_connection_call(context_.bus, kXfconf, kPath, kXfconf, "GetProperty",
                           g_variant_new("(ss)", kChannel, kProperty), G_VARIANT_TYPE("(v)"),
                           G_DBUS_CALL_FLAGS_NONE, -1, cancellable_, &XfceReader::on_reply, query);
  }

  ~XfceReader() override {
    g_cancellable_cancel(cancellable_);
    g_dbus_connection_signal_unsubscribe(context_.bus, subscription_);
    g_object_unref(cancellable_);
  }

  XfceReader(const XfceReader&) = delete;
  XfceReader& operator=(const XfceReader&) = delete;

  std::string describe() const override {
    return context_.server.title() + " (" + kProperty + ", xfconf channel " + kChannel + ", " +
           kXfconf + " PropertyChanged)";
  }

 private:
  struct Query {
    XfceReader* reader;  // only touched when the call was not cancelled
    unsigned signals_at_ask;
  };

  // Loop thread. PropertyChanged (ssv) or PropertyRemoved (ss), already filtered by channel.
  static void on_signal(GDBusConnection*, const gchar*, const gchar*, const gchar*,
                        const gchar* member, GVariant* parameters, gpointer self) {
    auto* reader = static_cast<XfceReader*>(self);
    const gchar* property = nullptr;
    g_variant_get_child(parameters, 1, "&s", &property);
    if (g_strcmp0(property, kProperty) != 0) return;
    ++reader->signals_;
    if (g_strcmp0(member, "PropertyRemoved") == 0) {
      reader->context_.report(false);
    } else if (g_strcmp0(member, "PropertyChanged") == 0 &&
               g_variant_is_of_type(parameters, G_VARIANT_TYPE("(ssv)"))) {
      g_autoptr(GVariant) value = nullptr;
      g_variant_get_child(parameters, 2, "v", &value);
      reader->report(value);
    }
  }

  // A property never set is not found: do-not-disturb was never turned on.
  static void on_reply(GObject* source, GAsyncResult* result, gpointer data) {
    const std::unique_ptr<Query> query(static_cast<Query*>(data));
    g_autoptr(GError) error = nullptr;
    g_autoptr(GVariant) reply =
        g_dbus_connection_call_finish(G_DBUS_CONNECTION(source), result, &error);
    if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) return;
    XfceReader& reader = *query->reader;
    if (reader.signals_ != query->signals_at_ask) return;
    if (reply == nullptr) {
      reader.context_.report(false);
      return;
    }
    g_autoptr(GVariant) value = nullptr;
    g_variant_get(reply, "(v)", &value);
    reader.report(value);
  }

  void report(GVariant* value) {
    if (g_variant_is_of_type(value, G_VARIANT_TYPE_BOOLEAN)) {
      context_.report(g_variant_get_boolean(value));
    }
  }

  DndReaderContext context_;
  GCancellable* cancellable_;
  guint subscription_ = 0;
  unsigned signals_ = 0;
};

}  // namespace

std::unique_ptr<DndReader> make_xfce_reader(const DndReaderContext& context) {
  return std::make_unique<XfceReader>(context);
}

}  // namespace sitstretch::busy
