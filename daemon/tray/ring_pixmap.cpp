#include "tray/ring_pixmap.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace sitstretch::tray {

namespace {

constexpr int kSamples = 4;           // per axis, per pixel
constexpr double kTrackAlpha = 0.35;  // the unfilled part of the ring
constexpr std::uint32_t kTrackRgb = 0x808080;
constexpr int kOpaque = 0xc0;  // filled_fraction: at least this alpha counts as filled

struct Ring {
  double center;
  double outer;
  double inner;
};

Ring ring_for(int size) {
  const double outer = size / 2.0 - std::max(1.0, size / 22.0);
  return {size / 2.0, outer, outer - std::max(3.0, size * 0.18)};
}

// Clockwise from 12 o'clock, as a share of a full turn in [0, 1).
double turn_of(double dx, double dy) {
  double a = std::atan2(dx, -dy) / (2 * std::numbers::pi);
  return a < 0 ? a + 1 : a;
}

std::uint8_t channel(std::uint32_t rgb, int shift) {
  return (rgb >> shift) & 0xff;
}

}  // namespace

std::vector<std::uint8_t> ring_pixmap(int size, double fraction, std::uint32_t rgb) {
  if (size <= 0) return {};
  fraction = std::clamp(std::isfinite(fraction) ? fraction : 0.0, 0.0, 1.0);
  const Ring ring = ring_for(size);
  std::vector<std::uint8_t> out(static_cast<std::size_t>(size) * size * 4, 0);
  for (int y = 0; y < size; ++y) {
    for (int x = 0; x < size; ++x) {
      double fill = 0, track = 0;
      for (int sy = 0; sy < kSamples; ++sy) {
        for (int sx = 0; sx < kSamples; ++sx) {
          const double dx = x + (sx + 0.5) / kSamples - ring.center;
          const double dy = y + (sy + 0.5) / kSamples - ring.center;
          const double r = std::hypot(dx, dy);
          if (r < ring.inner || r > ring.outer) continue;
          (turn_of(dx, dy) < fraction ? fill : track) += 1.0 / (kSamples * kSamples);
        }
      }
      const double alpha = fill + track * kTrackAlpha;
      if (alpha <= 0) continue;
      std::uint8_t* p = &out[(static_cast<std::size_t>(y) * size + x) * 4];
      p[0] = static_cast<std::uint8_t>(std::lround(alpha * 255));
      for (int c = 0; c < 3; ++c) {
        const int shift = 16 - 8 * c;
        const double v =
            (fill * channel(rgb, shift) + track * kTrackAlpha * channel(kTrackRgb, shift)) / alpha;
        p[1 + c] = static_cast<std::uint8_t>(std::lround(v));
      }
    }
  }
  return out;
}

double filled_fraction(const std::vector<std::uint8_t>& argb, int size) {
  if (size <= 0 || argb.size() != static_cast<std::size_t>(size) * size * 4) return 0;
  const Ring ring = ring_for(size);
  const double middle = (ring.inner + ring.outer) / 2;
  constexpr int kSteps = 720;
  int filled = 0;
  for (int i = 0; i < kSteps; ++i) {
    const double turn = (i + 0.5) / kSteps * 2 * std::numbers::pi;
    const int x = static_cast<int>(std::floor(ring.center + middle * std::sin(turn)));
    const int y = static_cast<int>(std::floor(ring.center - middle * std::cos(turn)));
    if (x < 0 || y < 0 || x >= size || y >= size) continue;
    if (argb[(static_cast<std::size_t>(y) * size + x) * 4] >= kOpaque) ++filled;
  }
  return static_cast<double>(filled) / kSteps;
}

}  // namespace sitstretch::tray
