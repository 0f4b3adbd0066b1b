#pragma once

// The live tray icon: a progress ring drawn by the daemon, for StatusNotifierItem's IconPixmap.

#include <cstdint>
#include <vector>

namespace sitstretch::tray {

// size x size ARGB32 pixels in network byte order (A, R, G, B per pixel, rows top to bottom),
// not premultiplied: a faint track circle with an arc in `rgb` filled clockwise from 12 o'clock
// to `fraction` (clamped to 0..1). Edges are antialiased by 4x4 supersampling.
std::vector<std::uint8_t> ring_pixmap(int size, double fraction, std::uint32_t rgb = 0x2e86c1);

// Measures a ring drawn by ring_pixmap: the share of the ring's middle circle, walked clockwise
// from 12 o'clock, that is drawn opaque (filled). For tests.
double filled_fraction(const std::vector<std::uint8_t>& argb, int size);

}  // namespace sitstretch::tray
