#!/usr/bin/env bash
# Screenshots of the tray icon and its menu in a real StatusNotifierItem host: xfce4-panel's
# status tray, under Xvfb. Needs: apt-get install xfce4-panel imagemagick (not part of the tests).
# Usage (from the project root): doc/screenshots/take-tray-screenshots.sh [BUILD_DIR]
build=${1:-build/release}
work=$(mktemp -d); export HOME=$work XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state XDG_RUNTIME_DIR=$work/run DBUS_SYSTEM_BUS_ADDRESS=unix:path=$work/none
mkdir -m 700 $work/run
mkdir -p $work/config/xfce4/xfconf/xfce-perchannel-xml
# A panel with only the status tray, 40 px high, across the top.
cat > $work/config/xfce4/xfconf/xfce-perchannel-xml/xfce4-panel.xml <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<channel name="xfce4-panel" version="1.0">
  <property name="configver" type="int" value="2"/>
  <property name="panels" type="array">
    <value type="int" value="1"/>
    <property name="panel-1" type="empty">
      <property name="position" type="string" value="p=6;x=0;y=0"/>
      <property name="length" type="uint" value="100"/>
      <property name="position-locked" type="bool" value="true"/>
      <property name="size" type="uint" value="40"/>
      <property name="plugin-ids" type="array">
        <value type="int" value="1"/>
      </property>
    </property>
  </property>
  <property name="plugins" type="empty">
    <property name="plugin-1" type="string" value="systray">
      <property name="square-icons" type="bool" value="true"/>
    </property>
  </property>
</channel>
X
exec 3< <(exec Xvfb -displayfd 1 -nolisten tcp -screen 0 800x600x24 2>/dev/null); XP=$!; read -r d <&3; export DISPLAY=:$d
eval $(dbus-launch --sh-syntax)
$build/tests/notify/fake_notification_server $work/n.jsonl > /dev/null & FP=$!
xfce4-panel --disable-wm-check > $work/panel.log 2>&1 & PP=$!
sleep 4
printf '[sitting]\ninterval = "2m"\n' > $work/c.toml
$build/daemon/app/sitstretchd --config $work/c.toml 2>$work/d.log & DP=$!
for i in $(seq 1 8); do xdotool mousemove 400 300; sleep 0.5; done
import -window root doc/screenshots/tray-xfce4-panel.png
# Open the menu: click the icon's area (right edge of the panel).
xdotool mousemove 20 20 click 3; sleep 1.5
import -window root doc/screenshots/tray-menu-xfce4-panel.png

kill $DP $PP $FP $XP $DBUS_SESSION_BUS_PID
