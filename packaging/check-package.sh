#!/usr/bin/env bash
# Checks the Debian package that packaging/deb.sh built: lintian, the desktop entries, the
# AppStream metainfo, the man pages; then installs it, runs it, checks the systemd user unit,
# purges it and makes sure nothing it installed is left behind. Needs root or sudo (it installs
# the package on this machine). Exit status 0 only when every check passes.
#   packaging/check-package.sh [build/deb/sitstretch_VERSION_ARCH.deb]
set -euo pipefail
cd "$(dirname "$0")/.."

deb=${1:-$(ls build/deb/sitstretch_*.deb | head -n 1)}
deb=$(realpath "$deb")
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failures=0
say() { printf 'check-package: %s\n' "$*" >&2; }
fail() { say "FAIL: $*"; failures=$((failures + 1)); }
ok() { say "ok: $*"; }

# Runs a check: its output is shown only when it fails.
check() {
  local what=$1
  shift
  if "$@" >"$work/out" 2>&1; then ok "$what"; else fail "$what"; cat "$work/out" >&2; fi
}

# lintian: no errors (warnings and notes are shown, but pass).
lintian_clean() {
  lintian --fail-on error --tag-display-limit 0 "$deb" 2>&1 | grep -v 'running with root' >&2 || true
  lintian --fail-on error --tag-display-limit 0 "$deb" >/dev/null 2>&1
}
check "lintian reports no errors" lintian_clean

root=$work/root
dpkg-deb -x "$deb" "$root"
check "desktop-file-validate" desktop-file-validate "$root"/usr/share/applications/sitstretch.desktop \
  "$root"/etc/xdg/autostart/sitstretchd.desktop
check "appstreamcli validate" appstreamcli validate --no-net "$root"/usr/share/metainfo/*.metainfo.xml

# Every man page renders without a warning from man or groff.
man_quiet() {
  local warnings
  warnings=$(MANWIDTH=80 man --warnings -l "$1" 2>&1 >/dev/null)
  [ -z "$warnings" ] || { printf '%s\n' "$warnings"; return 1; }
}
for page in "$root"/usr/share/man/man*/*; do check "man -l ${page#"$root"}" man_quiet "$page"; done

# Generated from default.toml: the man page documents every key, the system file sets none.
documents_every_key() {
  local text table key missing=0
  text=$(MANWIDTH=200 man -l "$root/usr/share/man/man5/sitstretch.toml.5.gz" 2>/dev/null)
  while IFS= read -r line; do
    case $line in
      \[*\]) table=${line//[\[\] ]/} ;;
      [a-z]*=*)
        key=${line%%=*}
        key=${key// /}
        grep -qF "$table.$key =" <<<"$text" || { echo "sitstretch.toml(5) lacks $table.$key"; missing=1; }
        ;;
    esac
  done <"$root/usr/share/sitstretch/default.toml"
  return $missing
}
check "sitstretch.toml(5) documents every key of default.toml" documents_every_key
sets_nothing() { ! grep -vE '^[[:space:]]*(#|$|\[)' "$root/etc/xdg/sitstretch/config.toml"; }
check "/etc/xdg/sitstretch/config.toml has every key commented out" sets_nothing
check "bash completion parses" bash -n "$root/usr/share/bash-completion/completions/sitstretch"
# zsh and fish are not build dependencies; their completions are checked where they are installed.
if command -v zsh >/dev/null; then
  check "zsh completion parses" zsh -n "$root/usr/share/zsh/vendor-completions/_sitstretch"
fi
if command -v fish >/dev/null; then
  check "fish completion parses" fish -n "$root/usr/share/fish/vendor_completions.d/sitstretch.fish"
fi

# Install, run, purge.
say "installing $deb"
if ! DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "$deb" >"$work/out" 2>&1; then
  cat "$work/out" >&2
  fail "apt-get install"
  exit 1
fi
dpkg -L sitstretch | sort >"$work/files"

home=$work/home
mkdir -p "$home"
cli() { env -i PATH=/usr/bin:/bin HOME="$home" "$@"; }
version_is() { [ "$(cli "$1" --version)" = "$1 $(dpkg-deb -f "$deb" Version)" ]; }
check "sitstretch --version" version_is sitstretch
check "sitstretchd --version" version_is sitstretchd
config_ok() {
  [ "$(cli sitstretch config check)" = "/etc/xdg/sitstretch/config.toml: ok" ]
}
check "sitstretch config check (the installed system file)" config_ok
runtime=$work/runtime
mkdir -m 700 "$runtime"
check "systemd-analyze verify --user" env XDG_RUNTIME_DIR="$runtime" \
  systemd-analyze verify --user --man=no /usr/lib/systemd/user/sitstretchd.service
check "man sitstretch.toml finds the installed page" man -w sitstretch.toml

say "purging sitstretch"
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get purge -y -qq sitstretch >/dev/null 2>&1 ||
  fail "apt-get purge"
# Nothing the package installed may remain: no file, and no directory that is now empty and
# belongs to no other package.
nothing_left() {
  local path left=0
  while IFS= read -r path; do
    [ -e "$path" ] || continue
    if [ ! -d "$path" ]; then
      echo "left behind: $path"
      left=1
    elif [ -z "$(ls -A "$path")" ] && ! dpkg -S "$path" >/dev/null 2>&1; then
      echo "empty directory left behind: $path"
      left=1
    fi
  done <"$work/files"
  return $left
}
check "apt-get purge leaves nothing behind ($(wc -l <"$work/files") paths)" nothing_left

if [ "$failures" -gt 0 ]; then
  say "$failures check(s) failed"
  exit 1
fi
say "every check passed"
