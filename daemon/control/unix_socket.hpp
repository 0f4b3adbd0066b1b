#pragma once

#include <sys/socket.h>
#include <sys/un.h>

#include <filesystem>
#include <optional>

// Internal helpers shared by the control server and client: AF_UNIX addresses by path.
namespace sitstretch::control::detail {

// The address for path, or nullopt when the path does not fit in sun_path (108 bytes with NUL).
std::optional<sockaddr_un> unix_address(const std::filesystem::path& path);

// A new AF_UNIX stream socket (close-on-exec, plus SOCK_NONBLOCK when asked) connected to path.
// Returns the fd, or -1 with errno set (ENAMETOOLONG when the path does not fit).
int connect_unix(const std::filesystem::path& path, bool nonblocking);

}  // namespace sitstretch::control::detail
