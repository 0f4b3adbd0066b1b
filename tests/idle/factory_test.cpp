// The factory's choice (SPEC §6) with each source present or missing: a real mutter on the
// private session bus, a real Xvfb, and the Wayland sources of this build.

#include <catch2/catch.hpp>

#include "config/config.hpp"
#include "idle/idle_factory.hpp"
#include "idle_fixture.hpp"
#include "mutter_session.hpp"

namespace sitstretch::idle::test {
namespace {

using sitstretch::test::MutterSession;

struct Choose {
  boost::asio::io_context io;
  IdleSession session;
  IdleRequest request{"auto", 1h, true};

  IdleChoice operator()() {
    return choose_idle_source(
        io, [](const PresenceEvent&) {}, &boot_now, session, request);
  }
};

// Stops the shared mutter for one test case, and starts it again afterwards.
struct WithoutMutter {
  WithoutMutter() { MutterSession::shared().stop(); }
  ~WithoutMutter() { MutterSession::shared().start(); }
};

bool mentions(const std::vector<std::string>& lines, const std::string& start,
              const std::string& part) {
  for (const auto& line : lines) {
    if (line.starts_with(start) && line.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST_CASE("Choice: Mutter on the bus comes first, whatever else the session has", "[factory]") {
  MutterSession::shared();
  sitstretch::test::Xvfb x;
  Choose choose;
  choose.session = {"x11", "", x.display()};
  auto choice = choose();
  REQUIRE(choice.source);
  CHECK(choice.source->name() == "mutter");
  CHECK(choice.passed_over.empty());
  CHECK(choice.log_lines() == std::vector<std::string>{"idle source: mutter"});
}

TEST_CASE("Choice: without Mutter on X11, the Wayland sources are passed over for SYNC",
          "[factory]") {
  WithoutMutter no_mutter;
  sitstretch::test::Xvfb x;
  Choose choose;
  choose.session = {"x11", "", x.display()};
  auto choice = choose();
  REQUIRE(choice.source);
  CHECK(choice.source->name() == "x11-sync");
  REQUIRE(choice.passed_over.size() == 3);
  CHECK(choice.passed_over[0].starts_with(
      "mutter: org.gnome.Mutter.IdleMonitor is not on the session bus"));
  CHECK(choice.passed_over[1].starts_with("ext-idle-notify: "));
  CHECK(choice.passed_over[2].starts_with("kde-idle: "));
  const auto lines = choice.log_lines();
  CHECK(lines.back() == "idle source: x11-sync");
  CHECK(mentions(lines, "idle source passed over: mutter", "not on the session bus"));
}

TEST_CASE("Choice: a Wayland session with Xwayland's DISPLAY never picks an X11 source",
          "[factory]") {
  WithoutMutter no_mutter;
  sitstretch::test::Xvfb x;  // Xwayland's DISPLAY, as GNOME and KDE set it
  const IdleSession sessions[] = {{"wayland", "", x.display()}, {"", "wayland-7", x.display()}};
  for (const IdleSession& session : sessions) {
    Choose choose;
    choose.session = session;
    auto choice = choose();
    CHECK(choice.source == nullptr);
    CHECK(choice.error.empty());
    REQUIRE(choice.passed_over.size() == 5);
    CHECK(choice.passed_over[3].starts_with("x11-sync: a Wayland session ("));
    CHECK(choice.passed_over[4].starts_with("x11-screensaver: a Wayland session ("));
    CHECK(choice.log_lines().back() == "no idle source found");
  }
}

TEST_CASE("Choice: Mutter in a Wayland session is picked", "[factory]") {
  Choose choose;
  choose.session = {"wayland", MutterSession::shared().wayland_display(), ""};
  auto choice = choose();
  REQUIRE(choice.source);
  CHECK(choice.source->name() == "mutter");
}

TEST_CASE("Choice: no Mutter and no display at all leaves no source", "[factory]") {
  WithoutMutter no_mutter;
  Choose choose;
  choose.session = {"tty", "", ":4097"};  // a display nobody serves
  auto choice = choose();
  CHECK(choice.source == nullptr);
  REQUIRE(choice.passed_over.size() == 5);
  CHECK(choice.passed_over[3].starts_with("x11-sync: "));
  CHECK(choice.passed_over[3].find(":4097") != std::string::npos);
}

TEST_CASE("Choice: idle.source forces one source, passing over the ones before it", "[factory]") {
  MutterSession::shared();
  sitstretch::test::Xvfb x;
  Choose choose;
  choose.session = {"x11", "", x.display()};
  SECTION("x11-screensaver, though Mutter and SYNC are there") {
    choose.request.source = "x11-screensaver";
    auto choice = choose();
    REQUIRE(choice.source);
    CHECK(choice.source->name() == "x11-screensaver");
    CHECK(choice.passed_over.empty());
  }
  SECTION("x11-sync in a Wayland session, with a warning") {
    choose.session.session_type = "wayland";
    choose.request.source = "x11-sync";
    auto choice = choose();
    REQUIRE(choice.source);
    CHECK(choice.source->name() == "x11-sync");
    CHECK(mentions(choice.log_lines(), "idle source passed over: forced x11-sync",
                   "XDG_SESSION_TYPE=wayland"));
  }
}

TEST_CASE("Choice: a forced source that is missing is an error naming what is missing",
          "[factory]") {
  Choose choose;
  SECTION("mutter without GNOME") {
    WithoutMutter no_mutter;
    choose.request.source = "mutter";
    auto choice = choose();
    CHECK(choice.source == nullptr);
    CHECK(choice.error.starts_with(
        "idle source mutter is not available: org.gnome.Mutter.IdleMonitor is not on the "
        "session bus"));
    CHECK(choice.log_lines().back() == choice.error);
  }
  SECTION("x11-sync without an X server") {
    choose.session = {"x11", "", ":4097"};
    choose.request.source = "x11-sync";
    auto choice = choose();
    CHECK(choice.source == nullptr);
    CHECK(choice.error.starts_with("idle source x11-sync is not available: "));
    CHECK(choice.error.find(":4097") != std::string::npos);
  }
}

TEST_CASE("Choice: the config's idle.source words are the factory's names", "[factory]") {
  std::vector<std::string_view> words(config::kIdleSourceWords.begin() + 1,
                                      config::kIdleSourceWords.end());
  std::vector<std::string_view> names(idle_source_names().begin(), idle_source_names().end());
  CHECK(config::kIdleSourceWords.front() == "auto");
  CHECK(words == names);
  CHECK(is_idle_source_name("mutter"));
  CHECK_FALSE(is_idle_source_name("auto"));
}

}  // namespace
}  // namespace sitstretch::idle::test
