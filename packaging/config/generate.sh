#!/bin/sh
# Generates, from config/default.toml, the two installed files that document every key, so that
# neither can drift from the defaults the programs embed:
#   generate.sh system-file DEFAULT_TOML OUT   /etc/xdg/sitstretch/config.toml, every key commented
#   generate.sh man-page DEFAULT_TOML VERSION OUT   sitstretch.toml(5)
# awk rather than CMake's string handling: a TOML list is a CMake list's worst case.
set -eu
mode=$1
default_toml=$2

# The keys of default.toml begin after its header comment, at the first [table].
system_file() {
  cat <<'EOF'
# sitstretch: defaults for every user of this machine (see sitstretch.toml(5)).
#
# Every key below is commented out, so this file changes nothing until you edit it. Uncomment a
# key (under its [table]) to set the default for all users; a user's own file
# (~/.config/sitstretch/config.toml) still overrides it, unless the key is locked. Check it with
# `sitstretch config check` (with no FILE it checks every file a user reads, this one included).
#
# To keep a value whatever the users' files say, list its key in `locked`; it must come before
# the first [table]. A user who sets a locked key gets a warning naming both files, and the
# value here (or the built-in default) is used.
# locked = ["sitting.interval", "prompt.max_snoozes"]

EOF
  awk '
    /^\[/ { body = 1 }
    !body { next }
    /^[ \t]*(#|$)/ || /^\[/ { print; next }
    { print "# " $0 }
  ' "$default_toml"
}

man_page() {
  version=$1
  cat <<EOF
.TH SITSTRETCH.TOML 5 "2026-12" "sitstretch $version" "File Formats"
.SH NAME
sitstretch.toml \- configuration of sitstretchd and sitstretch
.SH SYNOPSIS
.I \$XDG_CONFIG_HOME/sitstretch/config.toml
(usually
.IR ~/.config/sitstretch/config.toml )
.br
.I \$XDG_CONFIG_DIRS/*/sitstretch/config.toml
(usually
.IR /etc/xdg/sitstretch/config.toml )
.SH DESCRIPTION
The configuration is a TOML file. The user's file is laid over the system files, which are laid
over the built-in defaults listed below: a key a file leaves out keeps the value of the layer
beneath. Of the directories of
.BR \$XDG_CONFIG_DIRS ,
the first listed wins.
.B sitstretchd \-\-config
.I FILE
and
.B sitstretch replay \-\-config
.I FILE
read
.I FILE
alone over the defaults instead.
.PP
Durations are quoted strings of whole numbers with the units h, m and s, largest unit first:
\(dq90s\(dq, \(dq45m\(dq, \(dq1h30m\(dq. A bare number is an error. Unknown keys, wrong types and
values out of range are errors naming the file, line and column and the allowed range; the
daemon then keeps running with the last good configuration.
.B sitstretch config check
validates the files without a daemon, and
.B sitstretch config default
prints the defaults as a file to start from.
.PP
The daemon re-reads the files when one of them changes, on
.BR SIGHUP ,
and on
.BR "sitstretch reload" .
.SH KEYS
Each key is shown with its default value.
EOF
  awk '
    function roff(s) {
      gsub(/\\/, "\\e", s)
      gsub(/-/, "\\-", s)
      if (s ~ /^[.\047]/) s = "\\&" s
      return s
    }
    function depth(s,   t) { t = s; return gsub(/\[/, "", t) - gsub(/\]/, "", s) }
    /^\[/ {
      body = 1
      table = $0
      gsub(/[\[\] \t]/, "", table)
      printf ".SS [%s]\n", table
      text = ""
      next
    }
    !body { next }
    /^[ \t]*#/ {
      line = $0
      sub(/^[ \t]*# ?/, "", line)
      text = text roff(line) "\n"
      next
    }
    /^[ \t]*$/ { next }
    {
      entry = $0
      open = depth(entry)
      while (open > 0 && (getline more) > 0) { entry = entry " " more; open += depth(more) }
      key = entry
      sub(/[ \t]*=.*/, "", key)
      value = entry
      sub(/^[^=]*=[ \t]*/, "", value)
      printf ".TP\n\\fB%s.%s\\fR = %s\n%s", table, key, roff(value), text
      text = ""
    }
  ' "$default_toml"
  cat <<'EOF'
.SH ADMINISTRATORS
A system file sets the defaults of every user. It may also hold, before its first table, a
list of keys that users cannot change:
.PP
.RS
.nf
locked = ["sitting.interval", "prompt.max_snoozes"]
.fi
.RE
.PP
A locked key keeps the value of the system files (or its built-in default) whatever the user's
file says. The user's setting is still checked, then ignored with a warning that names the
user's file and line and the system file and line that locked it;
.B sitstretch config check
prints it and exits 0, and the daemon logs it once. A key named in
.B locked
must exist.
.B locked
in a user's own file, or in a file given with
.BR \-\-config ,
is an error.
.PP
The package installs
.I /etc/xdg/sitstretch/config.toml
with every key commented out, so that it changes nothing until edited.
.SH FILES
.TP
.I ~/.config/sitstretch/config.toml
the user's file;
.B sitstretch config path
prints where it is.
.TP
.I /etc/xdg/sitstretch/config.toml
the defaults for every user, and the locked keys.
.TP
.I /usr/share/sitstretch/default.toml
the built-in defaults, as
.B sitstretch config default
prints them.
.SH SEE ALSO
.BR sitstretch (1),
.BR sitstretchd (1)
EOF
}

case "$mode" in
  system-file) system_file >"$3" ;;
  man-page) man_page "$3" >"$4" ;;
  *) echo "usage: generate.sh system-file|man-page DEFAULT_TOML [VERSION] OUT" >&2; exit 2 ;;
esac
