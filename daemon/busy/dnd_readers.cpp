// Which notification server is which: GetServerInformation's name picks the reader.
#include <array>
#include <string_view>

#include "busy/dnd_reader.hpp"

namespace sitstretch::busy {
namespace {

struct KnownServer {
  std::string_view name;  // as GetServerInformation says it
  std::unique_ptr<DndReader> (*make)(const DndReaderContext&);
};

constexpr std::array<KnownServer, 5> kKnownServers{{
    {"Plasma", &make_inhibited_reader},
    {"dunst", &make_dunst_reader},
    {"gnome-shell", &make_gnome_reader},
    {"Xfce Notify Daemon", &make_xfce_reader},
    {"mako", &make_mako_reader},
}};

}  // namespace

std::unique_ptr<DndReader> make_dnd_reader(const DndReaderContext& context) {
  for (const KnownServer& known : kKnownServers) {
    if (known.name == context.server.name) return known.make(context);
  }
  // Any other server may offer KDE's property; the reader says so when it does not.
  return make_inhibited_reader(context);
}

}  // namespace sitstretch::busy
