// The camera source against stand-in device files in a temporary directory, opened and closed
// by the test: inotify sees those opens exactly as it sees a camera app's on /dev/video0.
#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "busy/fullscreen_camera.hpp"
#include "busy_fixture.hpp"
#include "run_command.hpp"

using namespace sitstretch;
using busy::test::BusyFixture;
using namespace std::chrono_literals;

namespace {

// A stand-in device: created and closed, so that its creation is no open to count.
void make_device(const sitstretch::test::TempDir& dir, const std::string& name) {
  std::ofstream(dir.file(name)) << "";
}

// An open of a device, closed at the end of its scope.
class Open {
 public:
  explicit Open(const std::string& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
    REQUIRE(fd_ >= 0);
  }
  ~Open() { close(); }
  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

std::unique_ptr<busy::BusySource> camera(BusyFixture& f, const sitstretch::test::TempDir& dir) {
  busy::BusyContext context = f.context();
  context.camera_dir = dir.path();
  return busy::make_camera_busy(context);
}

}  // namespace

TEST_CASE("camera: busy while any video device is open, free when the last one closes",
          "[busy][camera]") {
  sitstretch::test::TempDir dir;
  make_device(dir, "video0");
  make_device(dir, "video1");
  make_device(dir, "media0");
  BusyFixture f;
  auto source = camera(f, dir);
  CHECK(source->reason() == core::BusyReason::camera);
  CHECK(source->describe().starts_with("camera: 2 video device(s) in "));
  f.run_for(100ms);              // the source's first look
  CHECK(f.run_for(200ms) == 0);  // nothing open: nothing reported, nothing wakes
  CHECK(f.reports().empty());

  {
    Open other(dir.file("media0"));  // not a video device
    Open first(dir.file("video0"));
    REQUIRE(f.run_until([&] { return f.busy(); }));
    Open second(dir.file("video1"));
    Open again(dir.file("video0"));
    first.close();
    second.close();
    CHECK(f.run_for(200ms) > 0);
    CHECK(f.busy());  // `again` still holds video0
  }
  REQUIRE(f.run_until([&] { return !f.busy(); }));
  CHECK(f.words() == std::vector<std::string>{"busy camera", "free camera"});
}

TEST_CASE("camera: a device that appears after start is followed too", "[busy][camera]") {
  sitstretch::test::TempDir dir;
  BusyFixture f;
  auto source = camera(f, dir);
  CHECK(source->describe().starts_with("camera: 0 video device(s) in "));
  make_device(dir, "video2");
  CHECK(f.run_for(200ms) > 0);
  CHECK(source->describe().starts_with("camera: 1 video device(s) in "));
  {
    Open open(dir.file("video2"));
    REQUIRE(f.run_until([&] { return f.busy(); }));
  }
  REQUIRE(f.run_until([&] { return !f.busy(); }));
  // Removed again: gone from the count.
  std::filesystem::remove(dir.file("video2"));
  CHECK(f.run_for(200ms) > 0);
  CHECK(source->describe().starts_with("camera: 0 video device(s) in "));
  CHECK(f.words() == std::vector<std::string>{"busy camera", "free camera"});
}

TEST_CASE("camera: an open made before the source started is found by the scan at start",
          "[busy][camera]") {
  sitstretch::test::TempDir dir;
  make_device(dir, "video0");
  BusyFixture f;
  std::unique_ptr<busy::BusySource> source;
  {
    Open before(dir.file("video0"));
    source = camera(f, dir);
    CHECK(f.reports().empty());  // never from inside the making
    REQUIRE(f.run_until([&] { return f.busy(); }));
  }
  REQUIRE(f.run_until([&] { return !f.busy(); }));
  CHECK(f.words() == std::vector<std::string>{"busy camera", "free camera"});
}

TEST_CASE("camera: a directory that cannot be watched says so", "[busy][camera]") {
  BusyFixture f;
  busy::BusyContext context = f.context();
  context.camera_dir = "/nonexistent/sitstretch-cameras";
  auto source = busy::make_camera_busy(context);
  CHECK(source->describe() ==
        "camera: none (cannot watch /nonexistent/sitstretch-cameras: No such file or directory)");
  CHECK(f.run_for(100ms) == 0);  // the source of none wakes nothing
  CHECK(f.reports().empty());
}
