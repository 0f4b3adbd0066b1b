#include <unistd.h>

#include <fstream>
#include <map>

#include "control/runtime_dir.hpp"
#include "control_test_support.hpp"

using namespace sitstretch::control;
using namespace sitstretch::control::test;

namespace {

auto environment(std::map<std::string, std::string> values) {
  return [values = std::move(values)](const char* name) -> const char* {
    const auto found = values.find(name);
    return found == values.end() ? nullptr : found->second.c_str();
  };
}

}  // namespace

TEST_CASE("runtime files live in $XDG_RUNTIME_DIR/sitstretch", "[runtime_dir]") {
  const RuntimeDir dir = runtime_dir(environment({{"XDG_RUNTIME_DIR", "/run/user/1000"}}));
  CHECK(dir.path == "/run/user/1000/sitstretch");
  CHECK(dir.note.empty());
  CHECK(control_socket_path(dir.path) == "/run/user/1000/sitstretch/control.sock");
  CHECK(pid_file_path(dir.path) == "/run/user/1000/sitstretch/sitstretchd.pid");
}

TEST_CASE("without a usable XDG_RUNTIME_DIR a per-user /tmp directory is used", "[runtime_dir]") {
  const std::string fallback = "/tmp/sitstretch-" + std::to_string(::geteuid());
  RuntimeDir dir = runtime_dir(environment({}));
  CHECK(dir.path == fallback);
  CHECK(dir.note == "XDG_RUNTIME_DIR is unset; using " + fallback);

  dir = runtime_dir(environment({{"XDG_RUNTIME_DIR", ""}}));
  CHECK(dir.path == fallback);

  dir = runtime_dir(environment({{"XDG_RUNTIME_DIR", "run/user"}}));
  CHECK(dir.path == fallback);
  CHECK(dir.note == "XDG_RUNTIME_DIR is not absolute ('run/user'); using " + fallback);
}

TEST_CASE("the runtime directory is made private, and foreign ones are refused", "[runtime_dir]") {
  TempRuntimeDir base;
  CHECK_FALSE(ensure_private_dir(base.runtime()).has_value());
  CHECK(permissions(base.runtime()) == 0700);

  std::filesystem::permissions(base.runtime(), std::filesystem::perms(0777));
  CHECK_FALSE(ensure_private_dir(base.runtime()).has_value());
  CHECK(permissions(base.runtime()) == 0700);

  const auto link = base.base() / "link";
  std::filesystem::create_directory_symlink(base.runtime(), link);
  CHECK(ensure_private_dir(link) == link.string() + " exists and is not a directory");

  const auto file = base.base() / "file";
  std::ofstream(file) << "x";
  CHECK(ensure_private_dir(file) == file.string() + " exists and is not a directory");

  CHECK_THAT(ensure_private_dir(base.base() / "missing" / "sitstretch").value(),
             Catch::StartsWith("cannot create ") && Catch::EndsWith("No such file or directory"));
}
