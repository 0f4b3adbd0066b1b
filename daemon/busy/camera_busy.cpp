#include "busy/camera_busy.hpp"

#include <sys/inotify.h>
#include <unistd.h>

#include <array>
#include <boost/asio/post.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace sitstretch::busy {
namespace {

namespace fs = std::filesystem;

constexpr unsigned kDirMask = IN_CREATE | IN_DELETE | IN_ONLYDIR;
constexpr unsigned kDeviceMask = IN_OPEN | IN_CLOSE_WRITE | IN_CLOSE_NOWRITE;

bool is_video_device(const std::string& name) {
  return name.starts_with("video");
}

// Every open of DIR/video* by the processes whose fd lists we may read, by device name.
std::map<std::string, int> opens_in_proc(const std::string& dir) {
  std::map<std::string, int> opens;
  std::error_code ec;
  const std::string prefix = dir + "/video";
  for (const auto& process : fs::directory_iterator("/proc", ec)) {
    // Only the numbered entries: "self" and "thread-self" would count our own opens twice.
    const std::string pid = process.path().filename().string();
    if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
    std::error_code fd_ec;
    for (const auto& fd : fs::directory_iterator(process.path() / "fd", fd_ec)) {
      std::error_code link_ec;
      const std::string target = fs::read_symlink(fd.path(), link_ec).string();
      if (!link_ec && target.starts_with(prefix)) ++opens[fs::path(target).filename().string()];
    }
  }
  return opens;
}

}  // namespace

std::string default_camera_dir() {
  const char* dir = std::getenv("SITSTRETCH_CAMERA_DIR");
  return dir != nullptr && *dir != '\0' ? dir : "/dev";
}

std::unique_ptr<CameraBusy> CameraBusy::open(const BusyContext& context, const std::string& dir,
                                             std::string* error) {
  std::error_code ec;
  const fs::path canonical = fs::canonical(dir, ec);
  const int fd = ec ? -1 : inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) {
    if (error) *error = "cannot watch " + dir + ": " + (ec ? ec.message() : std::strerror(errno));
    return nullptr;
  }
  std::unique_ptr<CameraBusy> self(new CameraBusy(context, canonical.string(), fd));
  self->dir_wd_ = inotify_add_watch(fd, self->dir_.c_str(), kDirMask);
  if (self->dir_wd_ < 0) {
    if (error) *error = "cannot watch " + self->dir_ + ": " + std::strerror(errno);
    return nullptr;
  }
  self->count_existing_opens();
  self->wait();
  // The sink is called from a handler of our own, never from inside open().
  boost::asio::post(context.io, [self = self.get(), alive = std::weak_ptr<char>(self->alive_)] {
    if (!alive.expired()) self->report();
  });
  return self;
}

CameraBusy::CameraBusy(const BusyContext& context, std::string dir, int fd)
    : sink_(context.sink),
      log_(context.log),
      dir_(std::move(dir)),
      fd_(fd),
      descriptor_(context.io, fd) {}

// The descriptor owns the inotify fd and closes it, which removes every watch.
CameraBusy::~CameraBusy() = default;

std::string CameraBusy::describe() const {
  return "camera: " + std::to_string(devices_.size()) + " video device(s) in " + dir_ +
         ", opens and closes followed with inotify (opens made before the daemon started are "
         "known from one /proc scan at start, of this user's processes only)";
}

// The scan comes first: see the class comment.
void CameraBusy::count_existing_opens() {
  const auto found_at_start = opens_in_proc(dir_);
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    const std::string name = entry.path().filename().string();
    if (!is_video_device(name)) continue;
    auto found = found_at_start.find(name);
    watch_device(name, found == found_at_start.end() ? 0 : found->second);
  }
}

void CameraBusy::watch_device(const std::string& name, int opens) {
  const int wd = inotify_add_watch(fd_, (dir_ + "/" + name).c_str(), kDeviceMask);
  if (wd < 0) {
    log_("camera: cannot watch " + dir_ + "/" + name + ": " + std::strerror(errno));
    return;
  }
  devices_[wd] = Device{name, opens};
}

void CameraBusy::wait() {
  descriptor_.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                         [this, alive = std::weak_ptr<char>(alive_)](boost::system::error_code ec) {
                           if (alive.expired() || ec) return;
                           read_events();
                           report();
                           wait();
                         });
}

void CameraBusy::read_events() {
  alignas(inotify_event) std::array<char, 4096> buffer;
  for (;;) {
    const ssize_t n = ::read(fd_, buffer.data(), buffer.size());
    if (n <= 0) return;  // EAGAIN: all read
    for (ssize_t at = 0; at < n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer.data() + at);
      on_event(event->wd, event->mask, event->len > 0 ? std::string(event->name) : std::string());
      at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
    }
  }
}

void CameraBusy::on_event(int wd, unsigned mask, const std::string& name) {
  if (mask & IN_Q_OVERFLOW) {
    // Events were lost, so the counts may be wrong: count again from what /proc shows now.
    log_("camera: inotify queue overflowed; counting open cameras again from /proc");
    const auto opens = opens_in_proc(dir_);
    for (auto& [device_wd, device] : devices_) {
      auto found = opens.find(device.name);
      device.opens = found == opens.end() ? 0 : found->second;
    }
    return;
  }
  if (wd == dir_wd_) {
    if ((mask & IN_CREATE) && is_video_device(name)) watch_device(name, 0);
    return;
  }
  auto device = devices_.find(wd);
  if (device == devices_.end()) return;
  if (mask & IN_IGNORED) {
    devices_.erase(device);  // the device was removed
  } else if (mask & IN_OPEN) {
    ++device->second.opens;
  } else if ((mask & (IN_CLOSE_WRITE | IN_CLOSE_NOWRITE)) && device->second.opens > 0) {
    --device->second.opens;
  }
}

int CameraBusy::open_count() const {
  int opens = 0;
  for (const auto& [wd, device] : devices_) opens += device.opens;
  return opens;
}

void CameraBusy::report() {
  const bool busy = open_count() > 0;
  if (busy == reported_busy_) return;
  reported_busy_ = busy;
  sink_(core::BusyReason::camera, busy);
}

}  // namespace sitstretch::busy
