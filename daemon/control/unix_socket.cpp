#include "control/unix_socket.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace sitstretch::control::detail {

std::optional<sockaddr_un> unix_address(const std::filesystem::path& path) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const std::string& name = path.native();
  if (name.empty() || name.size() >= sizeof address.sun_path) return std::nullopt;
  std::memcpy(address.sun_path, name.c_str(), name.size() + 1);
  return address;
}

int connect_unix(const std::filesystem::path& path, bool nonblocking) {
  const std::optional<sockaddr_un> address = unix_address(path);
  if (!address) {
    errno = ENAMETOOLONG;
    return -1;
  }
  const int fd =
      ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | (nonblocking ? SOCK_NONBLOCK : 0), 0);
  if (fd < 0) return -1;
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&*address), sizeof *address) != 0) {
    const int saved = errno;
    ::close(fd);
    errno = saved;
    return -1;
  }
  return fd;
}

}  // namespace sitstretch::control::detail
