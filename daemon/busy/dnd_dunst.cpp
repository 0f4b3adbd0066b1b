// dunst: `paused` of org.dunstproject.cmd0. dunst 1.9 sends PropertiesChanged when the property
// is set over D-Bus (which is what `dunstctl set-paused` does); a pause by SIGUSR1 sends
// nothing, so a recheck (while a prompt is held) asks again.
#include "busy/dnd_property.hpp"

namespace sitstretch::busy {

std::unique_ptr<DndReader> make_dunst_reader(const DndReaderContext& context) {
  return std::make_unique<PropertyReader>(
      context,
      FollowedProperty{"/org/freedesktop/Notifications", "org.dunstproject.cmd0", "paused"});
}

}  // namespace sitstretch::busy
