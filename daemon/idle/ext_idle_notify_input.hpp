#pragma once

#include <cstdint>

struct ext_idle_notifier_v1;
struct ext_idle_notification_v1;
struct wl_seat;

namespace sitstretch::idle {

// ext_idle_notifier_v1.get_input_idle_notification (version 2: idleness from input alone,
// ignoring inhibitors). CMake builds this from the protocol file when it has the request;
// otherwise from ext_idle_notify_input_v1.cpp, where the bound version is capped at 1 so that
// it is never called.
ext_idle_notification_v1* get_input_idle_notification(ext_idle_notifier_v1* notifier,
                                                      std::uint32_t timeout_ms, wl_seat* seat);

}  // namespace sitstretch::idle
