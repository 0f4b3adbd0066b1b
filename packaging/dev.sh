#!/usr/bin/env bash
# sitstretch developer script. On a fresh Debian 12 machine it installs what it needs with apt.
#
#   packaging/dev.sh run     build, then start sitstretchd in this desktop session
#   packaging/dev.sh test    build with -Werror and run every test; again under ASan/UBSan; run
#                            the fuzz targets a fixed number of runs (packaging/fuzz.sh ci); then
#                            build the .deb (deb.sh) and check, install and purge it
#                            (check-package.sh)
#   packaging/dev.sh build   build only (build/release)
#   packaging/dev.sh bench   print the benchmark figures (packaging/bench/*.sh, build/bench)
set -euo pipefail
cd "$(dirname "$0")/.."

# Build and test dependencies, all from Debian's archive.
DEPS=(
  build-essential cmake pkg-config clang-format
  libboost-dev libtomlplusplus-dev catch2 libsqlite3-dev nlohmann-json3-dev
  libglib2.0-dev libglib2.0-bin
  libxcb1-dev libxcb-sync-dev libxcb-screensaver0-dev libx11-dev libxext-dev libxss-dev
  libwayland-dev wayland-protocols plasma-wayland-protocols
  xvfb xdotool openbox wmctrl dbus dbus-x11
  dunst mako-notifier xfce4-notifyd xfconf gsettings-desktop-schemas
  mutter sway kwin-wayland
  chromium
  lintian desktop-file-utils appstream systemd man-db dpkg-dev file
  clang libclang-rt-14-dev
)

# Each message says how many seconds the script has run, so a slow step shows in CI's log.
say() { printf 'dev.sh: [%ds] %s\n' "$SECONDS" "$*" >&2; }

install_deps() {
  local missing=()
  for p in "${DEPS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# build DIR [cmake options...]: RelWithDebInfo unless the options say otherwise.
build() {
  local dir=$1
  shift
  cmake -S . -B "build/$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "build/$dir" -j "$(nproc)"
}

# The end-to-end tests mostly wait for the daemon's timers, so twice as many run as there are
# cores.
run_tests() {
  local dir=$1
  say "run the tests of build/$dir"
  (cd "build/$dir" && ctest --output-on-failure -j "$(($(nproc) * 2))" --timeout 300)
}

cmd_test() {
  install_deps
  # Optimised as users run it, without debug information (a quarter of the compile time); the
  # sanitizer build below keeps line tables for its reports.
  say "build with -Werror"
  build ci -DSITSTRETCH_WERROR=ON -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG"
  run_tests ci
  say "build with AddressSanitizer and UndefinedBehaviorSanitizer"
  build asan -DSITSTRETCH_WERROR=ON -DSITSTRETCH_SANITIZE=ON
  ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 run_tests asan
  say "all tests passed in both builds"
  say "fuzz every parser of outside input a fixed number of runs (clang, build/fuzz)"
  packaging/fuzz.sh ci
  # The flags of build/ci, so ccache makes this build quick; the checks install the package on
  # this machine and purge it again.
  say "build the Debian package and check it (lintian, validators, man pages, install, purge)"
  packaging/deb.sh >/dev/null
  packaging/check-package.sh
  say "the package passed every check"
}

cmd_run() {
  install_deps
  build release -DSITSTRETCH_TESTS=OFF
  local bin=build/release/daemon
  if [ -x "$bin/app/sitstretchd" ]; then
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      say "no desktop session here (neither DISPLAY nor WAYLAND_DISPLAY is set); run this from a terminal in your desktop"
      exit 1
    fi
    say "starting sitstretchd; try build/release/daemon/cli/sitstretch status in another terminal"
    exec "$bin/app/sitstretchd" "$@"
  fi
  say "the daemon is not built; replaying the example workday instead:"
  exec "$bin/cli/sitstretch" replay packaging/examples/workday.trace
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  test) cmd_test ;;
  build) install_deps; build release -DSITSTRETCH_TESTS=OFF ;;
  bench)
    install_deps
    build bench
    for b in packaging/bench/*.sh; do SITSTRETCH_BUILD=build/bench bash "$b"; done
    ;;
  *) say "usage: packaging/dev.sh run|test|build|bench"; exit 2 ;;
esac
