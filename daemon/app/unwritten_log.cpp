#include "app/unwritten_log.hpp"

#include <chrono>
#include <utility>

namespace sitstretch::app {
namespace {

// Often enough that records reach the log soon after it can take them; each try costs one short
// lock attempt.
constexpr auto kRetryEvery = std::chrono::seconds(2);

}  // namespace

UnwrittenLog::UnwrittenLog(boost::asio::io_context& io, store::Store& store, Tell tell)
    : timer_(io), store_(store), tell_(std::move(tell)) {}

void UnwrittenLog::check() {
  if (store_.unwritten() == 0 || retrying_) return;
  if (!told_ && tell_) {
    told_ = true;
    tell_("sitstretch: the log cannot be written",
          "Records are kept in memory and written when it can be: " + store_.file().string());
  }
  retrying_ = true;
  timer_.expires_after(kRetryEvery);
  timer_.async_wait([this](const boost::system::error_code& ec) {
    if (!ec) retry();
  });
}

void UnwrittenLog::retry() {
  retrying_ = false;
  store_.write_unwritten();
  check();
}

std::size_t UnwrittenLog::last_try() {
  timer_.cancel();
  retrying_ = false;
  store_.write_unwritten();
  return store_.unwritten();
}

}  // namespace sitstretch::app
