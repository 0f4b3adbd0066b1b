#pragma once

// The dnd source against real notification servers on the test executable's private session
// bus: a probe that records what the source reports, and the servers, each started by the test
// that uses it and stopped when it goes out of scope.

#include <boost/asio/io_context.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "busy/dnd_source.hpp"
#include "child_process.hpp"
#include "run_command.hpp"

namespace sitstretch::busy::test {

// Points HOME, the XDG directories and GSettings (keyfile backend) at a private directory, then
// starts the private session bus, so that every server and service the bus starts (xfconfd)
// keeps its settings there. Once per test executable; returns the private directory.
const std::string& use_test_session();
// Runs a program (dunstctl, xfconf-query, gsettings, makoctl) in that session.
sitstretch::test::CommandResult run(const std::vector<std::string>& argv);

// A DndSource as the daemon makes it, with every change it reports recorded in order.
class DndProbe {
 public:
  DndProbe();
  ~DndProbe();
  std::string describe() const { return source_->describe(); }
  // The changes reported so far: true for busy, false for free.
  const std::vector<bool>& changes() const { return changes_; }
  bool busy() const { return !changes_.empty() && changes_.back(); }
  const std::vector<std::string>& log() const { return log_; }
  DndSource& source() { return *source_; }
  // Pumps GLib until describe() starts with `prefix`, or a few seconds have passed.
  bool wait_describe(const std::string& prefix);
  // Pumps GLib until busy() == busy, or a few seconds have passed.
  bool wait_busy(bool busy);

 private:
  boost::asio::io_context io_;
  std::vector<bool> changes_;
  std::vector<std::string> log_;
  std::unique_ptr<DndSource> source_;
};

// The tests' own notification server (tests/notify), optionally under another server's name.
class FakeServer {
 public:
  explicit FakeServer(const std::string& name = "");
  void set_inhibited(bool inhibited) const;

 private:
  sitstretch::test::TempDir dir_;
  std::optional<sitstretch::test::ChildProcess> process_;
};

// A program that needs an X display (dunst, xfce4-notifyd), on a private Xvfb of its own.
class OnXvfb {
 public:
  explicit OnXvfb(const std::vector<std::string>& argv);
  sitstretch::test::ChildProcess& process() { return process_; }

 private:
  sitstretch::test::Xvfb x_;
  sitstretch::test::ChildProcess process_;
};

}  // namespace sitstretch::busy::test
