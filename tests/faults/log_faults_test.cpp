// The log refusing writes under a running sitstretchd: locked by another process, or on a full
// disk. Records wait in memory, in order, are written once the log takes them again, the user is
// told once, and nothing already logged is lost.
#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "fault_desktop.hpp"

using namespace std::chrono_literals;
using sitstretch::test::FaultDesktop;
using sitstretch::test::json_text;

namespace {

constexpr const char* kCannotStore = "cannot store a";
constexpr const char* kWrittenAgain = "the log can be written again; stored the 3 records";
constexpr const char* kTold = "sitstretch: the log cannot be written";

// Another process's write transaction on the log, held until destroyed: what a backup tool or a
// `sqlite3` shell left open does to the daemon.
class LogLock {
 public:
  explicit LogLock(const std::string& file) {
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK ||
        sqlite3_busy_timeout(db_, 5000) != SQLITE_OK ||
        sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
      throw std::runtime_error("cannot lock " + file + ": " + sqlite3_errmsg(db_));
    }
  }
  ~LogLock() {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db_);
  }
  LogLock(const LogLock&) = delete;
  LogLock& operator=(const LogLock&) = delete;

 private:
  sqlite3* db_ = nullptr;
};

// A small tmpfs over `dir`, so that its disk can be filled; lazily unmounted on destruction.
class SmallDisk {
 public:
  explicit SmallDisk(const std::string& dir) : dir_(dir) {
    std::filesystem::create_directories(dir);
    if (mount("sitstretch-test", dir.c_str(), "tmpfs", 0, "size=1m,mode=0700") != 0) {
      throw std::runtime_error("cannot mount a tmpfs on " + dir);
    }
  }
  ~SmallDisk() { umount2(dir_.c_str(), MNT_DETACH); }
  // Writes a file until the disk is full; removing it frees the space.
  void fill() const {
    std::FILE* f = std::fopen((dir_ + "/filler").c_str(), "w");
    if (!f) throw std::runtime_error("cannot fill " + dir_);
    std::vector<char> block(4096, 'x');
    while (std::fwrite(block.data(), 1, block.size(), f) == block.size() && std::fflush(f) == 0) {
    }
    std::fclose(f);
  }
  void free() const { std::filesystem::remove(dir_ + "/filler"); }

 private:
  std::string dir_;
};

std::vector<std::string> events(const FaultDesktop& d) {
  std::vector<std::string> out;
  for (const auto& r : d.records()) out.push_back(json_text(r, "event"));
  return out;
}

std::string integrity(const std::string& file) {
  sqlite3* db = nullptr;
  std::string verdict = "cannot open";
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* check = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &check, nullptr);
    if (check && sqlite3_step(check) == SQLITE_ROW) {
      verdict = reinterpret_cast<const char*>(sqlite3_column_text(check, 0));
    }
    sqlite3_finalize(check);
  }
  sqlite3_close(db);
  return verdict;
}

// While the log refuses writes: three commands' records wait, the daemon goes on answering, and
// it says so once on stderr and once by notification.
void refused_while_commands_go_on(FaultDesktop& d) {
  REQUIRE(d.cli({"resume"}).exit_code == 0);
  REQUIRE(d.cli({"done"}).exit_code == 0);
  REQUIRE(d.cli({"side", "left"}).exit_code == 0);
  CHECK(d.cli({"status"}).exit_code == 0);
  CHECK(d.said(kCannotStore) == 1);
  CHECK(d.wait_for([&] { return d.messages(kTold) == 1; }, 5s, false));
  CHECK(events(d) == std::vector<std::string>{"paused"});
}

void written_afterwards(FaultDesktop& d) {
  const std::vector<std::string> all{"paused", "resumed", "accepted", "side"};
  REQUIRE(d.wait_for([&] { return events(d) == all; }, 10s, false));
  CHECK(d.said(kWrittenAgain) == 1);
  CHECK(d.said(kCannotStore) == 1);
  CHECK(d.messages(kTold) == 1);
  // Written again, the next record goes straight in.
  REQUIRE(d.cli({"pause"}).exit_code == 0);
  CHECK(d.count("paused") == 2);
  REQUIRE(d.daemon().kill(SIGTERM));
  const int status = d.daemon().wait(5000);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(d.said("are lost") == 0);
  CHECK(integrity(d.log_file()) == "ok");
}

}  // namespace

TEST_CASE("The log locked by another process - records wait in memory and none is lost",
          "[faults]") {
  FaultDesktop d("[sitting]\ninterval = \"1h\"\n");
  d.start_notification_server();
  d.start_daemon();
  REQUIRE(d.cli({"pause"}).exit_code == 0);
  {
    LogLock lock(d.log_file());
    refused_while_commands_go_on(d);
    // However long the lock lasts, the daemon only retries, every 2 s, and writes nothing past
    // it. Nothing happening leaves no trace to wait for, so a bound stays here: two retries.
    d.wait_for([] { return false; }, 5s, false);
    CHECK(events(d) == std::vector<std::string>{"paused"});
  }
  written_afterwards(d);
}

TEST_CASE("A full disk under the log - records wait in memory and none is lost", "[faults]") {
  if (geteuid() != 0) {
    WARN("skipped: mounting a small tmpfs needs root");
    SUCCEED();
    return;
  }
  FaultDesktop d("[sitting]\ninterval = \"1h\"\n");
  SmallDisk disk(d.state_dir());
  d.start_notification_server();
  d.start_daemon();
  REQUIRE(d.cli({"pause"}).exit_code == 0);
  disk.fill();
  refused_while_commands_go_on(d);
  disk.free();
  written_afterwards(d);
}
