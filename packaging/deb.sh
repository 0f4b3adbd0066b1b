#!/usr/bin/env bash
# Builds the Debian package: a Release build without tests in build/deb, then CPack.
#   packaging/deb.sh        -> build/deb/sitstretch_VERSION_ARCH.deb (its path is printed)
# Install it with `apt install ./build/deb/sitstretch_*.deb`; packaging/check-package.sh checks it.
set -euo pipefail
cd "$(dirname "$0")/.."

launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
# The flags of the CI build (packaging/dev.sh test), so that ccache serves most of this one.
cmake -S . -B build/deb -DCMAKE_BUILD_TYPE=Release -DSITSTRETCH_TESTS=OFF -DSITSTRETCH_WERROR=ON \
  -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
  -DCMAKE_INSTALL_PREFIX=/usr "${launcher[@]}" >/dev/null
cmake --build build/deb -j "$(nproc)"
rm -f build/deb/sitstretch_*.deb
(cd build/deb && cpack -G DEB >/dev/null)
ls build/deb/sitstretch_*.deb
