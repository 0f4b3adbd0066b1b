// The one list of busy sources: each reason's sources are added here, one line each, in the
// order they are tried.
#include "busy/busy_watch.hpp"
#include "busy/dnd_source.hpp"
#include "busy/fullscreen_camera.hpp"

namespace sitstretch::busy {

std::vector<std::unique_ptr<BusySource>> make_busy_sources(const BusyContext& context,
                                                           core::BusyReasons reasons) {
  std::vector<std::unique_ptr<BusySource>> sources;
#include "busy/dnd_source.hpp"
#include "busy/fullscreen_camera.hpp"
  return sources;
}

}  // namespace sitstretch::busy
