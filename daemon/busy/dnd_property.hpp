#pragma once

#include <string>

#include "busy/dnd_reader.hpp"

namespace sitstretch::busy {

// A boolean D-Bus property of the notification server that says do-not-disturb, followed with
// PropertiesChanged: KDE Plasma's `Inhibited` and dunst's `paused`.
struct FollowedProperty {
  const char* path;
  const char* interface;
  const char* property;
};

// Subscribes to PropertiesChanged from the server's unique name first, then asks the property
// once with Properties.Get; a reply older than the latest signal is dropped. A server without
// the property (Get fails) has no do-not-disturb state: describe() says so and nothing is held.
class PropertyReader : public DndReader {
 public:
  PropertyReader(const DndReaderContext& context, FollowedProperty property);
  ~PropertyReader() override;
  PropertyReader(const PropertyReader&) = delete;
  PropertyReader& operator=(const PropertyReader&) = delete;

  std::string describe() const override;
  // Asks again: for changes the server makes without a signal (dunst's SIGUSR1 pause).
  void recheck() override { ask(); }

 private:
  struct Query {
    PropertyReader* reader;  // only touched when the call was not cancelled
    unsigned signals_at_ask;
  };

  void ask();
  static void on_changed(GDBusConnection* bus, const gchar* sender, const gchar* path,
                         const gchar* interface, const gchar* member, GVariant* parameters,
                         gpointer self);
  static void on_reply(GObject* source, GAsyncResult* result, gpointer query);

  enum class Offered { unknown, yes, no };

  DndReaderContext context_;
  FollowedProperty property_;
  GCancellable* cancellable_;
  guint subscription_ = 0;
  unsigned signals_ = 0;  // PropertiesChanged seen that named the property
  Offered offered_ = Offered::unknown;
};

}  // namespace sitstretch::busy
