#!/usr/bin/env bash
# GUI smoke test: starts the real binary under Xvfb with a fresh data folder,
# waits for its window, takes a screenshot, checks it is not blank, quits
# with Ctrl+Q and expects a clean exit. This proves the real Fyne/OpenGL stack
# starts, which the headless test driver cannot.
# usage: scripts/gui-smoke.sh BINARY [SCREENSHOT.png]
set -euo pipefail
bin=$(realpath "$1")
shot=${2:-$(mktemp --suffix=.png)}
work=$(mktemp -d)
cleanup() {
  [ -n "${app:-}" ] && { kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; }
  kill "${xvfb:-}" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" LANG=en_US.UTF-8
mkdir -p "$HOME"
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
export DISPLAY=$display
for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

"$bin" --data "$work/data" >"$work/app.out" 2>"$work/app.err" &
app=$!
if ! wid=$(timeout 60 xdotool search --sync --onlyvisible --name '^KönnyűSzámla$' | head -1) || [ -z "$wid" ]; then
  echo "FAIL: the window did not appear"; cat "$work/app.err"; exit 1
fi
# Wait until the first frame is drawn: the screenshot has more than a few colours.
colours=0
for _ in $(seq 100); do
  import -window root "$shot" 2>/dev/null
  colours=$(convert "$shot" -format %k info:)
  [ "$colours" -gt 20 ] && break
  sleep 0.1
done
if [ "$colours" -le 20 ]; then
  echo "FAIL: the window stayed blank ($colours colours)"; cat "$work/app.err"; exit 1
fi
[ -f "$work/data/konnyuszamla.db" ] || { echo "FAIL: no database in the data folder"; exit 1; }

xdotool windowactivate --sync "$wid" 2>/dev/null || xdotool windowfocus --sync "$wid"
# The window is gone before the key release is sent, which xdotool reports.
xdotool key --window "$wid" ctrl+q 2>/dev/null || true
status=0
for _ in $(seq 100); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app" 2>/dev/null; then
  echo "FAIL: Ctrl+Q did not quit the app"; exit 1
fi
wait "$app" || status=$?
app=
if [ "$status" -ne 0 ] || grep -q 'panic' "$work/app.err"; then
  echo "FAIL: the app exited with status $status"; cat "$work/app.err"; exit 1
fi
# The headless commands print nothing but their own output, even under the
# C locale many servers use (Fyne would log a locale parse error otherwise).
LANG=C.UTF-8 "$bin" --data "$work/cli" version >"$work/cli.out" 2>"$work/cli.err"
if [ -s "$work/cli.err" ]; then
  echo "FAIL: 'version' wrote to stderr under LANG=C.UTF-8:"; cat "$work/cli.err"; exit 1
fi
echo "GUI smoke test passed: window shown ($colours colours, screenshot $shot), clean exit"
