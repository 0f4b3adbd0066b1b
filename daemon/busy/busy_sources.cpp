// The one list of busy sources: each reason's sources are added here, one line each, in the
// order they are tried.
#include "busy/busy_watch.hpp"

namespace sitstretch::busy {

std::vector<std::unique_ptr<BusySource>> make_busy_sources(const BusyContext& context,
                                                           core::BusyReasons reasons) {
  std::vector<std::unique_ptr<BusySource>> sources;
  (void)context;
  (void)reasons;
  return sources;
}

}  // namespace sitstretch::busy
