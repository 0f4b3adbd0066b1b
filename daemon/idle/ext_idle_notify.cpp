#include "idle/ext_idle_notify.hpp"

#include <wayland-client.h>

#include <algorithm>
#include <cstdio>

#include "ext-idle-notify-v1-client-protocol.h"
#include "idle/ext_idle_notify_input.hpp"
#include "idle/wayland_connection.hpp"
#include "idle/wayland_idle.hpp"
#include "idle/wayland_idle_source.hpp"

namespace sitstretch::idle {

namespace {

// The notifier, the seat and the live notification object. On a connection that is gone the
// proxies are only freed: no request can be sent any more.
class ExtIdleNotify final : public WaylandIdleProtocol {
 public:
  ExtIdleNotify(WaylandConnection& connection, wl_seat* seat, ext_idle_notifier_v1* notifier,
                bool input_only)
      : connection_(connection), seat_(seat), notifier_(notifier), input_only_(input_only) {}

  ~ExtIdleNotify() override {
    drop_notification();
    if (connection_.ok()) {
      ext_idle_notifier_v1_destroy(notifier_);
    } else {
      wl_proxy_destroy(reinterpret_cast<wl_proxy*>(notifier_));
    }
    wl_seat_destroy(seat_);  // version 1 seat: no release request, the proxy is only freed
  }

  void watch(std::uint32_t timeout_ms, Events& events) override {
    drop_notification();
    events_ = &events;
    if (input_only_) notification_ = get_input_idle_notification(notifier_, timeout_ms, seat_);
    if (!notification_) {
      notification_ = ext_idle_notifier_v1_get_idle_notification(notifier_, timeout_ms, seat_);
    }
    ext_idle_notification_v1_add_listener(notification_, &listener, this);
  }

 private:
  static void on_idled(void* self, ext_idle_notification_v1*) {
    static_cast<ExtIdleNotify*>(self)->events_->idled();
  }
  static void on_resumed(void* self, ext_idle_notification_v1*) {
    static_cast<ExtIdleNotify*>(self)->events_->resumed();
  }
  static constexpr ext_idle_notification_v1_listener listener = {on_idled, on_resumed};

  void drop_notification() {
    if (!notification_) return;
    if (connection_.ok()) {
      ext_idle_notification_v1_destroy(notification_);
    } else {
      wl_proxy_destroy(reinterpret_cast<wl_proxy*>(notification_));
    }
    notification_ = nullptr;
  }

  WaylandConnection& connection_;
  wl_seat* seat_;
  ext_idle_notifier_v1* notifier_;
  bool input_only_;
  ext_idle_notification_v1* notification_ = nullptr;
  Events* events_ = nullptr;
};

// Input-only idleness needs version 2 from both the compositor and this build's protocol file.
bool wants_input_only(bool inhibited_is_sitting, std::uint32_t version,
                      const std::string& compositor) {
  if (inhibited_is_sitting) return false;
  if (version >= 2) return true;
  std::fprintf(stderr,
               "sitstretchd: idle.inhibited_is_sitting is false, but ext-idle-notify version 2 "
               "is not available (compositor \"%s\" or this build has version 1); an idle "
               "inhibitor keeps counting as sitting\n",
               compositor.c_str());
  return false;
}

}  // namespace

std::unique_ptr<IdleSource> open_ext_idle_notify(boost::asio::io_context& io, PresenceSink sink,
                                                 BootClock clock, core::Ms idle_after,
                                                 bool inhibited_is_sitting,
                                                 const std::string& display_name,
                                                 std::string* error) {
  auto connection = WaylandConnection::open(io, display_name, error);
  if (!connection) return nullptr;
  const auto* notifier = connection->find(ext_idle_notifier_v1_interface.name);
  const auto* seat = connection->find(wl_seat_interface.name);
  if (!notifier || !seat) {
    if (error) {
      *error = "Wayland compositor \"" + connection->name() + "\" offers no " +
               (notifier ? "wl_seat" : "ext_idle_notifier_v1");
    }
    return nullptr;
  }
  const auto version =
      std::min<std::uint32_t>(notifier->version, ext_idle_notifier_v1_interface.version);
  auto protocol = std::make_unique<ExtIdleNotify>(
      *connection, static_cast<wl_seat*>(connection->bind(*seat, &wl_seat_interface, 1)),
      static_cast<ext_idle_notifier_v1*>(
          connection->bind(*notifier, &ext_idle_notifier_v1_interface, version)),
      wants_input_only(inhibited_is_sitting, version, connection->name()));
  return std::make_unique<WaylandIdleSource>("ext-idle-notify", std::move(connection),
                                             std::move(protocol), std::move(sink), std::move(clock),
                                             idle_after);
}

std::unique_ptr<IdleSource> make_ext_idle_notify(boost::asio::io_context& io, PresenceSink sink,
                                                 BootClock clock, core::Ms idle_after,
                                                 bool inhibited_is_sitting, std::string* error) {
  return open_ext_idle_notify(io, std::move(sink), std::move(clock), idle_after,
                              inhibited_is_sitting, {}, error);
}

}  // namespace sitstretch::idle
