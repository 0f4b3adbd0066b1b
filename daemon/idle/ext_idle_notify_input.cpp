// Built when the ext-idle-notify-v1 protocol file has version 2's input-only request.
#include "idle/ext_idle_notify_input.hpp"

#include "ext-idle-notify-v1-client-protocol.h"

namespace sitstretch::idle {

ext_idle_notification_v1* get_input_idle_notification(ext_idle_notifier_v1* notifier,
                                                      std::uint32_t timeout_ms, wl_seat* seat) {
  return ext_idle_notifier_v1_get_input_idle_notification(notifier, timeout_ms, seat);
}

}  // namespace sitstretch::idle
