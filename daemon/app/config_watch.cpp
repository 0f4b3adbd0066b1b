#include "app/config_watch.hpp"

#include <sys/inotify.h>
#include <unistd.h>

#include <array>
#include <cstdio>

namespace sitstretch::app {
namespace {

constexpr auto kSettle = std::chrono::milliseconds(150);
constexpr std::uint32_t kMask =
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB;

}  // namespace

ConfigWatch::ConfigWatch(boost::asio::io_context& io, std::vector<std::filesystem::path> files,
                         std::function<void()> on_change)
    : fd_(io), settle_(io), files_(std::move(files)), on_change_(std::move(on_change)) {
  const int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) {
    std::fprintf(stderr, "sitstretchd: cannot watch the configuration (inotify); SIGHUP reloads\n");
    return;
  }
  fd_.assign(fd);
  watch_directories();
  read_events();
}

ConfigWatch::~ConfigWatch() {
  boost::system::error_code ignored;
  settle_.cancel();
  fd_.cancel(ignored);
}

// Watches each file's directory, or the nearest existing ancestor so that the directory's
// creation is seen. Called again after every change, as directories come and go.
void ConfigWatch::watch_directories() {
  for (const auto& file : files_) {
    std::filesystem::path dir = file.parent_path();
    std::error_code ec;
    while (!dir.empty() && !std::filesystem::is_directory(dir, ec) && dir != dir.root_path()) {
      dir = dir.parent_path();
    }
    if (dir.empty()) continue;
    const int wd = inotify_add_watch(fd_.native_handle(), dir.c_str(), kMask);
    if (wd >= 0) watched_[wd] = dir;
  }
}

void ConfigWatch::read_events() {
  fd_.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                 [this](const boost::system::error_code& ec) {
                   if (ec) return;
                   alignas(inotify_event) std::array<char, 4096> buffer;
                   bool relevant = false;
                   ssize_t n;
                   while ((n = read(fd_.native_handle(), buffer.data(), buffer.size())) > 0) {
                     for (char* p = buffer.data(); p < buffer.data() + n;) {
                       auto* event = reinterpret_cast<inotify_event*>(p);
                       const auto dir = watched_.find(event->wd);
                       if (dir != watched_.end() && event->len > 0) {
                         const auto path = dir->second / event->name;
                         for (const auto& file : files_) {
                           // The file itself, or a directory on the way to it.
                           const auto rel = file.lexically_relative(path);
                           if (!rel.empty() && *rel.begin() != "..") relevant = true;
                         }
                       }
                       p += sizeof(inotify_event) + event->len;
                     }
                   }
                   if (relevant) changed();
                   read_events();
                 });
}

void ConfigWatch::changed() {
  settle_.expires_after(kSettle);
  settle_.async_wait([this](const boost::system::error_code& ec) {
    if (ec) return;
    watch_directories();
    on_change_();
  });
}

}  // namespace sitstretch::app
