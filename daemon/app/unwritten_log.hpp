#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstddef>
#include <functional>
#include <string>

#include "store/store.hpp"

namespace sitstretch::app {

// When the log cannot be written (a full disk, a read-only file system, another process holding
// the log's lock), the Store keeps the records in memory; this tries again every few seconds
// until they are in, and tells the user once per daemon run, by notification, that it happened.
// Loop thread only.
class UnwrittenLog {
 public:
  using Tell = std::function<void(const std::string& summary, const std::string& body)>;
  UnwrittenLog(boost::asio::io_context& io, store::Store& store, Tell tell);

  // After the daemon wrote: if anything is kept in memory, retries until it is written.
  void check();
  // At exit: one last try; returns how many records stay unwritten (and are lost).
  std::size_t last_try();

 private:
  void retry();

  boost::asio::steady_timer timer_;
  store::Store& store_;
  Tell tell_;
  bool retrying_ = false;
  bool told_ = false;
};

}  // namespace sitstretch::app
