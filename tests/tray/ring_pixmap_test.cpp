#include <catch2/catch.hpp>

#include "tray/ring_pixmap.hpp"

using sitstretch::tray::filled_fraction;
using sitstretch::tray::ring_pixmap;

TEST_CASE("the ring pixmap has size x size ARGB32 pixels at 22 and 44 px", "[tray][ring]") {
  for (int size : {22, 44}) {
    const auto argb = ring_pixmap(size, 0.5);
    CHECK(argb.size() == static_cast<std::size_t>(size * size * 4));
  }
  CHECK(ring_pixmap(0, 0.5).empty());
}

TEST_CASE("the ring's filled fraction matches the sitting progress", "[tray][ring]") {
  for (int size : {22, 44}) {
    for (double progress : {0.0, 0.25, 0.5, 0.9, 1.0}) {
      INFO("size " << size << ", progress " << progress);
      CHECK(filled_fraction(ring_pixmap(size, progress), size) == Approx(progress).margin(0.04));
    }
  }
  CHECK(filled_fraction(ring_pixmap(22, 1.7), 22) == Approx(1.0).margin(0.01));  // clamped
  CHECK(filled_fraction(ring_pixmap(22, -3), 22) == Approx(0.0).margin(0.01));
}

TEST_CASE("the ring fills clockwise from 12 o'clock in network byte order", "[tray][ring]") {
  constexpr int size = 44;
  const auto argb = ring_pixmap(size, 0.25, 0x2e86c1);  // the top-right quarter
  auto pixel = [&](int x, int y) { return &argb[(y * size + x) * 4]; };
  const std::uint8_t* right_of_top = pixel(26, 4);  // just clockwise of 12 o'clock
  const std::uint8_t* left_of_top = pixel(17, 4);   // just anticlockwise: unfilled track
  CHECK(right_of_top[0] == 0xff);                   // A first
  CHECK(right_of_top[1] == 0x2e);                   // then R, G, B
  CHECK(right_of_top[2] == 0x86);
  CHECK(right_of_top[3] == 0xc1);
  CHECK(left_of_top[0] > 0);
  CHECK(left_of_top[0] < 0xc0);
  CHECK(pixel(size / 2, size / 2)[0] == 0);  // the middle stays transparent
  CHECK(pixel(0, 0)[0] == 0);
}
