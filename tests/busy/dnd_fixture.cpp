#include "dnd_fixture.hpp"

#include <sys/stat.h>

#include <cstdlib>
#include <stdexcept>

#include "test_bus.hpp"

namespace sitstretch::busy::test {

const std::string& use_test_session() {
  static const sitstretch::test::TempDir home;
  static const bool ready = [] {
    const std::string& dir = home.path();
    home.write("runtime/.keep", "");
    chmod((dir + "/runtime").c_str(), 0700);
    setenv("HOME", dir.c_str(), 1);
    setenv("XDG_CONFIG_HOME", (dir + "/config").c_str(), 1);
    setenv("XDG_DATA_HOME", (dir + "/data").c_str(), 1);
    setenv("XDG_CACHE_HOME", (dir + "/cache").c_str(), 1);
    setenv("XDG_RUNTIME_DIR", (dir + "/runtime").c_str(), 1);
    setenv("GSETTINGS_BACKEND", "keyfile", 1);
    unsetenv("WAYLAND_DISPLAY");
    sitstretch::test::use_private_session_bus();
    return true;
  }();
  (void)ready;
  return home.path();
}

sitstretch::test::CommandResult run(const std::vector<std::string>& argv) {
  use_test_session();
  return sitstretch::test::run_command(argv);
}

DndProbe::DndProbe() {
  use_test_session();
  source_ = std::make_unique<DndSource>(
      BusyContext{io_, [this](core::BusyReason, bool busy) { changes_.push_back(busy); },
                  [this](std::string_view line) { log_.emplace_back(line); }});
}

DndProbe::~DndProbe() = default;

bool DndProbe::wait_describe(const std::string& prefix) {
  return sitstretch::test::pump_until([&] { return describe().starts_with(prefix); },
                                      std::chrono::seconds(10));
}

bool DndProbe::wait_busy(bool busy) {
  return sitstretch::test::pump_until([&] { return this->busy() == busy; },
                                      std::chrono::seconds(5));
}

FakeServer::FakeServer(const std::string& name) {
  use_test_session();
  std::vector<std::string> argv{SITSTRETCH_FAKE_NOTIFY, dir_.write("calls.jsonl", "")};
  if (!name.empty()) argv.insert(argv.end(), {"--name", name});
  process_.emplace(argv);
  if (process_->read_line(10000) != "ready") {
    throw std::runtime_error("the fake notification server did not start");
  }
}

void FakeServer::set_inhibited(bool inhibited) const {
  const auto called = run({"gdbus", "call", "--session", "--dest", "org.freedesktop.Notifications",
                           "--object-path", "/org/sitstretch/Test", "--method",
                           "org.sitstretch.Test.SetInhibited", inhibited ? "true" : "false"});
  if (called.exit_code != 0) throw std::runtime_error("SetInhibited failed: " + called.err);
}

OnXvfb::OnXvfb(const std::vector<std::string>& argv)
    : process_((use_test_session(), argv), {"DISPLAY=" + x_.display(), "NO_AT_BRIDGE=1"}) {}

}  // namespace sitstretch::busy::test
