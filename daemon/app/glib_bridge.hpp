#pragma once

// GlibBridge: runs a GLib main context from a Boost.Asio io_context, on one thread.
//
// Why one thread: every GLib/GDBus/libnotify object the daemon owns delivers its callbacks on
// the main context that was current when it was made. If that context is dispatched on the
// same thread as the Asio loop, adapter callbacks and the core never race and need no locks;
// values cross between the GLib side and the Asio side as plain copies. A second thread
// running a GMainLoop would buy nothing but locking.
//
// How: the bridge owns the context (g_main_context_acquire) for its whole life and drives
// GLib's own iteration steps by hand, with no periodic tick:
//   prepare -> query (fds + timeout) -> wait in Asio -> check -> dispatch -> prepare ...
// Each fd GLib wants polled is wrapped in a posix::stream_descriptor (cached by fd, released,
// never closed: GLib owns them) and waited on with async_wait; GLib's timeout, when it has one,
// arms a single steady_timer. The first wait or timer to complete cancels the others; a
// zero-timeout poll() then tells GLib exactly which revents are set before check. A timeout of
// 0 (a source is already ready) dispatches at once through asio::post, so other Asio handlers
// still get their turn.
//
// Limitation (GLib design): a source attached from the owning thread does not wake the context,
// because GLib assumes its owner is not blocked in poll. Sources attached from inside GLib
// callbacks are fine (the bridge re-prepares after every dispatch), and so are sources attached
// from other threads (GDBus replies and signals arrive that way). Code running in an *Asio*
// handler that attaches a GLib source (g_idle_add, g_timeout_add, an async GIO call that
// completes on the calling thread) must call wake() afterwards, or g_main_context_wakeup().
//
// Threading: construct, use and destroy on the thread that runs the io_context.

#include <glib.h>
#include <sys/types.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

namespace sitstretch::app {

class GlibBridge {
 public:
  // Drives `context` (nullptr: g_main_context_default()) from `io`. A non-default context is
  // also pushed as the thread-default context until the bridge is destroyed. If another thread
  // already owns the context, logs once and stays inactive.
  explicit GlibBridge(boost::asio::io_context& io, GMainContext* context = nullptr);
  // Cancels every wait, releases (never closes) GLib's fds and releases the context.
  ~GlibBridge();
  GlibBridge(const GlibBridge&) = delete;
  GlibBridge& operator=(const GlibBridge&) = delete;

  // Makes GLib re-evaluate its sources soon; call after attaching a GLib source from an Asio
  // handler (see the limitation above). Safe from any thread.
  void wake();

  bool active() const { return acquired_; }
  // Number of prepare/check/dispatch cycles so far: a diagnostic, and the tests' proof that
  // the bridge does not spin while GLib is quiet.
  std::uint64_t iterations() const { return iterations_; }

 private:
  struct Watched {
    std::unique_ptr<boost::asio::posix::stream_descriptor> descriptor;
    dev_t device = 0;
    ino_t inode = 0;
  };

  void prepare_and_wait();
  void arm_waits(int timeout_ms);
  void on_wake(std::uint64_t generation);
  bool poll_now();
  void cancel_waits();
  void prune_descriptors();
  boost::asio::posix::stream_descriptor* descriptor_for(int fd);

  boost::asio::io_context& io_;
  GMainContext* context_;
  bool acquired_ = false;
  bool pushed_ = false;
  gint max_priority_ = 0;
  std::vector<GPollFD> fds_;
  std::map<int, Watched> descriptors_;
  boost::asio::steady_timer timer_;
  // Completions carry the generation they were armed in; stale ones (already cancelled or
  // superseded) are ignored.
  std::uint64_t generation_ = 0;
  bool waiting_ = false;
  std::uint64_t iterations_ = 0;
  // Handlers hold a weak_ptr to this, so completions that arrive after destruction do nothing.
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

}  // namespace sitstretch::app
