// The idle and busy probes: the daemon's own factories, run here and closed again.
#include <gio/gio.h>

#include <boost/asio/io_context.hpp>

#include "busy/busy_watch.hpp"
#include "doctor/probes.hpp"
#include "idle/idle_factory.hpp"
#include "session/clocks.hpp"

namespace sitstretch::doctor {
namespace {

// How long started busy sources may take to learn their state (a D-Bus round trip or two)
// before they are described.
constexpr guint kBusySettleMs = 300;

// Runs what the sources started, on this thread's GLib context and on io, until the settle time
// is over. The sources follow events; there is nothing to wait on that says they are done.
void settle(boost::asio::io_context& io) {
  bool over = false;
  g_timeout_add(
      kBusySettleMs,
      [](gpointer flag) {
        *static_cast<bool*>(flag) = true;
        return G_SOURCE_REMOVE;
      },
      &over);
  while (!over) {
    g_main_context_iteration(nullptr, TRUE);
    io.poll();
  }
}

}  // namespace

IdleFacts probe_idle(const config::Config& config) {
  IdleFacts facts;
  facts.requested = config.idle.source;
  boost::asio::io_context io;
  const idle::IdleRequest request{config.idle.source, config.model.break_after,
                                  config.idle.inhibited_is_sitting};
  const idle::IdleChoice choice = idle::choose_idle_source(
      io, [](const idle::PresenceEvent&) {}, session::boottime_now,
      idle::IdleSession::from_process(""), request);
  if (choice.source) facts.chosen = choice.source->name();
  facts.passed_over = choice.passed_over;
  facts.error = choice.error;
  return facts;
}

BusyFacts probe_busy(const config::Config& config) {
  BusyFacts facts;
  for (core::BusyReason reason : core::kBusyReasons) {
    if (config.model.busy_when.has(reason)) facts.when.emplace_back(core::to_string(reason));
  }
  boost::asio::io_context io;
  // The sources' log lines are the daemon's; doctor reports what describe() says instead.
  busy::BusyWatch watch(
      busy::BusyContext{io, [](core::BusyReason, bool) {}, [](std::string_view) {}},
      config.model.busy_when);
  if (!watch.describe().empty()) settle(io);
  facts.sources = watch.describe();
  return facts;
}

}  // namespace sitstretch::doctor
