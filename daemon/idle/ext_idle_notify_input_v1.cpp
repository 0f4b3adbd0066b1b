// Built when the ext-idle-notify-v1 protocol file is version 1 (Debian 12's wayland-protocols
// 1.31): the generated interface then says version 1, the source binds no higher, and input-only
// idleness is never asked for.
#include "idle/ext_idle_notify_input.hpp"

namespace sitstretch::idle {

ext_idle_notification_v1* get_input_idle_notification(ext_idle_notifier_v1*, std::uint32_t,
                                                      wl_seat*) {
  return nullptr;
}

}  // namespace sitstretch::idle
