// The one list of busy sources: each reason's sources are added here, one line each, in the
// order they are tried.
#include "busy/busy_watch.hpp"
#include "busy/dnd_source.hpp"
#include "busy/fullscreen_camera.hpp"

namespace sitstretch::busy {

std::vector<std::unique_ptr<BusySource>> make_busy_sources(const BusyContext& context,
                                                           core::BusyReasons reasons) {
  std::vector<std::unique_ptr<BusySource>> sources;
  if (reasons.has(core::BusyReason::dnd)) sources.push_back(std::make_unique<DndSource>(context));
  if (reasons.has(core::BusyReason::fullscreen)) sources.push_back(make_fullscreen_busy(context));
  if (reasons.has(core::BusyReason::camera)) sources.push_back(make_camera_busy(context));
  return sources;
}

}  // namespace sitstretch::busy
