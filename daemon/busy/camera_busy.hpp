#pragma once

#include <boost/asio/posix/stream_descriptor.hpp>
#include <map>
#include <memory>
#include <string>

#include "busy/busy_source.hpp"

namespace sitstretch::busy {

// The `camera` reason: busy while any video device (DIR/video*) is open by some process. Follows
// inotify's IN_OPEN and IN_CLOSE_* on each device and IN_CREATE/IN_DELETE on the directory (a
// camera plugged in later), its fd in the Asio loop: the daemon wakes only when a device is
// opened, closed, added or removed. It never opens a device itself.
//
// inotify cannot tell of opens made before the watch began. Those are counted from one scan of
// /proc/*/fd at start (this user's processes: the ones a camera app of this session runs as),
// never again and never on a timer. The scan comes before the watches, so an open in between is
// missed rather than counted twice: a missed open ends busy early at worst, while a double count
// would hold prompts until busy.max_defer. A close never seen opened counts as nothing.
class CameraBusy final : public BusySource {
 public:
  // nullptr with *error set when inotify cannot watch `dir`.
  static std::unique_ptr<CameraBusy> open(const BusyContext& context, const std::string& dir,
                                          std::string* error);
  ~CameraBusy() override;
  CameraBusy(const CameraBusy&) = delete;
  CameraBusy& operator=(const CameraBusy&) = delete;

  core::BusyReason reason() const override { return core::BusyReason::camera; }
  std::string describe() const override;

 private:
  struct Device {
    std::string name;  // "video0"
    int opens = 0;
  };

  CameraBusy(const BusyContext& context, std::string dir, int fd);
  void watch_device(const std::string& name, int opens);
  void count_existing_opens();
  void wait();
  void read_events();
  void on_event(int wd, unsigned mask, const std::string& name);
  void report();
  int open_count() const;

  BusySink sink_;
  session::LogSink log_;
  std::string dir_;
  int fd_;
  int dir_wd_ = -1;
  std::map<int, Device> devices_;  // by watch descriptor
  boost::asio::posix::stream_descriptor descriptor_;
  std::shared_ptr<char> alive_ = std::make_shared<char>();
  bool reported_busy_ = false;
};

}  // namespace sitstretch::busy
