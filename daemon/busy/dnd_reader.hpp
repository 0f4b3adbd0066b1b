#pragma once

#include <gio/gio.h>

#include <functional>
#include <memory>
#include <string>

#include "session/log_sink.hpp"

namespace sitstretch::busy {

// The notification server in use, as GetServerInformation names it.
struct NotificationServer {
  std::string owner;    // its unique bus name, e.g. ":1.42"
  std::string name;     // e.g. "dunst", "Plasma", "gnome-shell", "mako", "Xfce Notify Daemon"
  std::string version;  // its first word only: dunst says "1.9.0 (2022-06-27)"

  // "dunst 1.9.0", or the name alone when no version was given.
  std::string title() const { return version.empty() ? name : name + " " + version; }
};

// What a reader is made with. `report` says whether the server's do-not-disturb is on; it may
// repeat a value (the DndSource passes on changes only). It is called on the loop thread from the
// reader's own GLib callbacks or its constructor (readers are made only in the DndSource's own
// GLib callbacks), never from inside recheck().
struct DndReaderContext {
  GDBusConnection* bus;  // the session bus, borrowed: it outlives every reader
  NotificationServer server;
  std::function<void(bool dnd)> report;
  session::LogSink log;
};

// One notification server's do-not-disturb state, one implementation per server (dnd_*.cpp).
// Runs on the thread-default GMainContext of the constructing thread (the daemon's GLib bridge).
class DndReader {
 public:
  virtual ~DndReader() = default;
  // What is followed and how, without the "dnd: " prefix, e.g. "dunst 1.9.0 (paused,
  // org.dunstproject.cmd0 PropertiesChanged)".
  virtual std::string describe() const = 0;
  // For a server that signals no change: ask again (see BusySource::recheck).
  virtual void recheck() {}
  virtual bool needs_recheck() const { return false; }
};

// The reader for the server GetServerInformation named (dnd_readers.cpp): by name for the
// servers known here, else the KDE `Inhibited` property, which any server may offer.
std::unique_ptr<DndReader> make_dnd_reader(const DndReaderContext& context);

// One per server, each in its own file.
std::unique_ptr<DndReader> make_inhibited_reader(const DndReaderContext& context);
std::unique_ptr<DndReader> make_dunst_reader(const DndReaderContext& context);
std::unique_ptr<DndReader> make_gnome_reader(const DndReaderContext& context);
std::unique_ptr<DndReader> make_xfce_reader(const DndReaderContext& context);
std::unique_ptr<DndReader> make_mako_reader(const DndReaderContext& context);

}  // namespace sitstretch::busy
