#include "app/glib_bridge.hpp"

#include <sys/stat.h>

#include <boost/asio/post.hpp>
#include <chrono>
#include <cstdio>
#include <set>

namespace sitstretch::app {

namespace asio = boost::asio;
using asio::posix::stream_descriptor;

GlibBridge::GlibBridge(asio::io_context& io, GMainContext* context)
    : io_(io),
      context_(g_main_context_ref(context ? context : g_main_context_default())),
      timer_(io) {
  acquired_ = g_main_context_acquire(context_);
  if (!acquired_) {
    std::fprintf(stderr,
                 "sitstretchd: GLib main context is owned by another thread; "
                 "GLib events will not be handled\n");
    return;
  }
  if (context_ != g_main_context_default()) {
    g_main_context_push_thread_default(context_);
    pushed_ = true;
  }
  // Start from a posted handler so that nothing is dispatched before io.run().
  asio::post(io_, [weak = std::weak_ptr<int>(alive_), this] {
    if (!weak.expired()) prepare_and_wait();
  });
}

GlibBridge::~GlibBridge() {
  alive_.reset();
  ++generation_;
  cancel_waits();
  for (auto& [fd, watched] : descriptors_) watched.descriptor->release();
  descriptors_.clear();
  if (pushed_) g_main_context_pop_thread_default(context_);
  if (acquired_) g_main_context_release(context_);
  g_main_context_unref(context_);
}

void GlibBridge::wake() {
  g_main_context_wakeup(context_);
}

// Runs on the loop thread, between two dispatches: asks GLib what to wait for, then waits.
void GlibBridge::prepare_and_wait() {
  ++generation_;
  ++iterations_;
  g_main_context_prepare(context_, &max_priority_);

  gint timeout_ms = -1;
  if (fds_.empty()) fds_.resize(4);
  while (true) {
    const gint wanted = g_main_context_query(context_, max_priority_, &timeout_ms, fds_.data(),
                                             static_cast<gint>(fds_.size()));
    if (static_cast<std::size_t>(wanted) <= fds_.size()) {
      fds_.resize(static_cast<std::size_t>(wanted));
      break;
    }
    fds_.resize(static_cast<std::size_t>(wanted));
  }
  prune_descriptors();

  waiting_ = true;
  // Something may already be ready: a zero timeout, or an fd that stayed readable (Asio's epoll
  // reactor is edge-triggered, so level readiness is checked here, not left to the wait).
  if (timeout_ms == 0 || poll_now()) {
    asio::post(io_, [weak = std::weak_ptr<int>(alive_), this, generation = generation_] {
      if (!weak.expired()) on_wake(generation);
    });
    return;
  }
  arm_waits(timeout_ms);
}

void GlibBridge::arm_waits(int timeout_ms) {
  const std::uint64_t generation = generation_;
  auto handler = [weak = std::weak_ptr<int>(alive_), this,
                  generation](const boost::system::error_code& error) {
    if (error == asio::error::operation_aborted || weak.expired()) return;
    on_wake(generation);
  };
  for (const GPollFD& pfd : fds_) {
    stream_descriptor* descriptor = descriptor_for(pfd.fd);
    if (!descriptor) continue;
    // epoll reports HUP and ERR to read waits as well.
    if (pfd.events & (G_IO_IN | G_IO_HUP | G_IO_ERR))
      descriptor->async_wait(stream_descriptor::wait_read, handler);
    if (pfd.events & G_IO_OUT) descriptor->async_wait(stream_descriptor::wait_write, handler);
    if (pfd.events & G_IO_PRI) descriptor->async_wait(stream_descriptor::wait_error, handler);
  }
  if (timeout_ms > 0) {
    timer_.expires_after(std::chrono::milliseconds(timeout_ms));
    timer_.async_wait(handler);
  }
}

// Runs on the loop thread when a wait, the timer or a posted "ready now" completes.
void GlibBridge::on_wake(std::uint64_t generation) {
  if (generation != generation_ || !waiting_) return;
  waiting_ = false;
  cancel_waits();
  poll_now();  // fills revents for every fd, not only the one whose wait completed
  if (g_main_context_check(context_, max_priority_, fds_.data(), static_cast<gint>(fds_.size())))
    g_main_context_dispatch(context_);
  prepare_and_wait();
}

// Non-blocking poll of GLib's fds; fills revents. Returns true if any fd is ready.
bool GlibBridge::poll_now() {
  if (fds_.empty()) return false;
  return g_poll(fds_.data(), static_cast<guint>(fds_.size()), 0) > 0;
}

void GlibBridge::cancel_waits() {
  boost::system::error_code ignored;
  for (auto& [fd, watched] : descriptors_) watched.descriptor->cancel(ignored);
  timer_.cancel();
}

// Forgets descriptors for fds GLib no longer polls, so that a later fd with the same number is
// registered with the reactor afresh.
void GlibBridge::prune_descriptors() {
  std::set<int> wanted;
  for (const GPollFD& pfd : fds_) wanted.insert(pfd.fd);
  for (auto it = descriptors_.begin(); it != descriptors_.end();) {
    if (wanted.count(it->first)) {
      ++it;
      continue;
    }
    boost::system::error_code ignored;
    it->second.descriptor->cancel(ignored);
    it->second.descriptor->release();
    it = descriptors_.erase(it);
  }
}

// The cached descriptor for fd, re-created if the fd now names a different file (closed and
// reused between two cycles). eventfds share one anonymous inode, so reuse of one eventfd
// number by another within a single dispatch is not detected; GLib's own wakeup fd lives as
// long as the context.
stream_descriptor* GlibBridge::descriptor_for(int fd) {
  struct stat st {};
  if (fstat(fd, &st) != 0) return nullptr;  // closed under us; check() will sort it out
  auto it = descriptors_.find(fd);
  if (it != descriptors_.end()) {
    if (it->second.device == st.st_dev && it->second.inode == st.st_ino)
      return it->second.descriptor.get();
    boost::system::error_code ignored;
    it->second.descriptor->cancel(ignored);
    it->second.descriptor->release();
    descriptors_.erase(it);
  }
  Watched watched{std::make_unique<stream_descriptor>(io_), st.st_dev, st.st_ino};
  boost::system::error_code error;
  watched.descriptor->assign(fd, error);
  if (error) {
    // Regular files cannot be registered with epoll; they are always ready, which poll_now()
    // already reports, so there is nothing to wait for.
    std::fprintf(stderr, "sitstretchd: cannot watch GLib fd %d: %s\n", fd, error.message().c_str());
    return nullptr;
  }
  return descriptors_.emplace(fd, std::move(watched)).first->second.descriptor.get();
}

}  // namespace sitstretch::app
