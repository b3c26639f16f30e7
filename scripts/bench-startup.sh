#!/usr/bin/env bash
# Cold start to first frame, measured from outside as a user sees it: the
# time from starting the binary until its window shows drawn content (more
# than 20 colours in a screenshot of the window). Runs under Xvfb, RUNS times
# each with an empty data folder (the baseline) and with 100 000 customers.
# The polling loop takes a screenshot about every 30-60 ms, which bounds the
# resolution. usage: scripts/bench-startup.sh [RUNS]
set -euo pipefail
runs=${1:-7}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'kill "${xvfb:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$root"
go build -o "$work/konnyuszamla" .
go run ./scripts/gencustomers -n 100000 > "$work/vevok.csv"
mkdir -p "$work/empty" "$work/big"
"$work/konnyuszamla" --data "$work/big" customers import "$work/vevok.csv" >/dev/null

export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" LANG=en_US.UTF-8
mkdir -p "$HOME"
display=:$((200 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$display
for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

first_frame_ms() { # data folder → milliseconds to the first drawn frame
  local start end wid colours
  start=$(date +%s%N)
  "$work/konnyuszamla" --data "$1" >/dev/null 2>&1 &
  local app=$!
  local deadline=$(( $(date +%s) + 30 ))
  while :; do
    if [ "$(date +%s)" -gt "$deadline" ]; then
      echo "the window did not show drawn content within 30 s" >&2
      kill $app 2>/dev/null; wait $app 2>/dev/null; return 1
    fi
    wid=$(xdotool search --onlyvisible --name '^KönnyűSzámla$' 2>/dev/null | head -1 || true)
    if [ -n "$wid" ]; then
      colours=$(import -window "$wid" png:- 2>/dev/null | convert png:- -format %k info: 2>/dev/null || echo 0)
      [ "${colours:-0}" -gt 20 ] && break
    fi
    sleep 0.02
  done
  end=$(date +%s%N)
  xdotool key --window "$wid" ctrl+q 2>/dev/null || true
  for _ in $(seq 50); do kill -0 $app 2>/dev/null || break; sleep 0.1; done
  kill $app 2>/dev/null || true
  wait $app 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

first_frame_ms "$work/empty" >/dev/null # warm the OS file cache and the font cache
for name in empty big; do
  times=()
  for _ in $(seq "$runs"); do times+=("$(first_frame_ms "$work/$name")"); done
  printf '%-6s runs=%s median=%s ms  all: %s\n' "$name" "$runs" "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}"
done
