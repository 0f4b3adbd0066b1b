#include "idle/kde_idle.hpp"

#include <wayland-client.h>

#include <cstdio>

#include "idle/wayland_connection.hpp"
#include "idle/wayland_idle.hpp"
#include "idle/wayland_idle_source.hpp"
#include "kde-idle-client-protocol.h"

namespace sitstretch::idle {

namespace {

// The idle manager, the seat and the live timeout object. On a connection that is gone the
// proxies are only freed: no request can be sent any more.
class KdeIdle final : public WaylandIdleProtocol {
 public:
  KdeIdle(WaylandConnection& connection, wl_seat* seat, org_kde_kwin_idle* idle)
      : connection_(connection), seat_(seat), idle_(idle) {}

  ~KdeIdle() override {
    drop_timeout();
    org_kde_kwin_idle_destroy(idle_);  // no destructor request in the protocol: proxy only
    wl_seat_destroy(seat_);            // version 1 seat: likewise
  }

  void watch(std::uint32_t timeout_ms, Events& events) override {
    drop_timeout();
    events_ = &events;
    timeout_ = org_kde_kwin_idle_get_idle_timeout(idle_, seat_, timeout_ms);
    org_kde_kwin_idle_timeout_add_listener(timeout_, &listener, this);
  }

 private:
  static void on_idle(void* self, org_kde_kwin_idle_timeout*) {
    static_cast<KdeIdle*>(self)->events_->idled();
  }
  static void on_resumed(void* self, org_kde_kwin_idle_timeout*) {
    static_cast<KdeIdle*>(self)->events_->resumed();
  }
  static constexpr org_kde_kwin_idle_timeout_listener listener = {on_idle, on_resumed};

  void drop_timeout() {
    if (!timeout_) return;
    if (connection_.ok()) {
      org_kde_kwin_idle_timeout_release(timeout_);
    } else {
      wl_proxy_destroy(reinterpret_cast<wl_proxy*>(timeout_));
    }
    timeout_ = nullptr;
  }

  WaylandConnection& connection_;
  wl_seat* seat_;
  org_kde_kwin_idle* idle_;
  org_kde_kwin_idle_timeout* timeout_ = nullptr;
  Events* events_ = nullptr;
};

}  // namespace

std::unique_ptr<IdleSource> open_kde_idle(boost::asio::io_context& io, PresenceSink sink,
                                          BootClock clock, core::Ms idle_after,
                                          bool inhibited_is_sitting,
                                          const std::string& display_name, std::string* error) {
  auto connection = WaylandConnection::open(io, display_name, error);
  if (!connection) return nullptr;
  const auto* idle = connection->find(org_kde_kwin_idle_interface.name);
  const auto* seat = connection->find(wl_seat_interface.name);
  if (!idle || !seat) {
    if (error) {
      *error = "Wayland compositor \"" + connection->name() + "\" offers no " +
               (idle ? "wl_seat" : "org_kde_kwin_idle");
    }
    return nullptr;
  }
  if (!inhibited_is_sitting) {
    std::fprintf(stderr,
                 "sitstretchd: idle.inhibited_is_sitting is false, but org_kde_kwin_idle has no "
                 "input-only idleness; an idle inhibitor keeps counting as sitting\n");
  }
  auto protocol = std::make_unique<KdeIdle>(
      *connection, static_cast<wl_seat*>(connection->bind(*seat, &wl_seat_interface, 1)),
      static_cast<org_kde_kwin_idle*>(connection->bind(*idle, &org_kde_kwin_idle_interface, 1)));
  return std::make_unique<WaylandIdleSource>("kde-idle", std::move(connection), std::move(protocol),
                                             std::move(sink), std::move(clock), idle_after);
}

std::unique_ptr<IdleSource> make_kde_idle(boost::asio::io_context& io, PresenceSink sink,
                                          BootClock clock, core::Ms idle_after,
                                          bool inhibited_is_sitting, std::string* error) {
  return open_kde_idle(io, std::move(sink), std::move(clock), idle_after, inhibited_is_sitting, {},
                       error);
}

}  // namespace sitstretch::idle
