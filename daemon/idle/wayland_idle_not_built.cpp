// Built instead of the Wayland sources when CMake left them out: the factory then says so.
#include "idle/wayland_idle.hpp"

namespace sitstretch::idle {
namespace {

std::unique_ptr<IdleSource> not_built(std::string* error) {
  if (error) *error = "not in this build (wayland-client or the protocol files were missing)";
  return nullptr;
}

}  // namespace

std::unique_ptr<IdleSource> make_ext_idle_notify(boost::asio::io_context&, PresenceSink, BootClock,
                                                 core::Ms, bool, std::string* error) {
  return not_built(error);
}

std::unique_ptr<IdleSource> make_kde_idle(boost::asio::io_context&, PresenceSink, BootClock,
                                          core::Ms, bool, std::string* error) {
  return not_built(error);
}

}  // namespace sitstretch::idle
