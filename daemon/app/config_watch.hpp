#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace sitstretch::app {

// Watches configuration files with inotify and calls on_change once per save. Editors save by
// writing in place, or by writing a new file and renaming it over the old one; either way a
// save is a burst of events, so the call comes after the burst has been quiet for a moment.
// It watches the files' directories, so files that do not exist yet (or are deleted and made
// anew) are noticed too; a missing directory is watched for from its parent. Loop thread only.
class ConfigWatch {
 public:
  ConfigWatch(boost::asio::io_context& io, std::vector<std::filesystem::path> files,
              std::function<void()> on_change);
  ~ConfigWatch();
  ConfigWatch(const ConfigWatch&) = delete;
  ConfigWatch& operator=(const ConfigWatch&) = delete;

  bool active() const { return fd_.is_open(); }

 private:
  void watch_directories();
  void read_events();
  void changed();

  boost::asio::posix::stream_descriptor fd_;
  boost::asio::steady_timer settle_;
  std::vector<std::filesystem::path> files_;
  std::function<void()> on_change_;
  std::map<int, std::filesystem::path> watched_;  // watch descriptor → directory
};

}  // namespace sitstretch::app
