#!/usr/bin/env bash
# Installs the Debian packages KönnyűSzámla needs, only when some are missing.
#   scripts/deps.sh run    build and run the GUI (C compiler, OpenGL/X11 headers)
#   scripts/deps.sh test   also Xvfb, xdotool, ImageMagick, D-Bus + gnome-keyring, poppler, xmllint
# Uses apt-get directly as root, through sudo otherwise.
set -euo pipefail

run_pkgs=(gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
  libxinerama-dev libxi-dev libxxf86vm-dev)
test_pkgs=(xvfb xauth xdotool imagemagick x11-utils dbus dbus-bin gnome-keyring poppler-utils libxml2-utils)

pkgs=("${run_pkgs[@]}")
[ "${1:-run}" = test ] && pkgs+=("${test_pkgs[@]}")

"$(dirname "$0")/apt-install.sh" "${pkgs[@]}"

# Go: go.mod asks for Go 1.26; any Go from 1.21 on fetches that toolchain
# itself through the module proxy (GOTOOLCHAIN=auto). Debian 12's own
# golang package is 1.19, too old for that.
if ! command -v go >/dev/null; then
  echo "Go is not installed. Install Go 1.26 (https://go.dev/doc/install) so that 'go' is on PATH, then run this again." >&2
  exit 1
fi
minor=$(go env GOVERSION | sed -E 's/^go1\.([0-9]+).*/\1/')
if [ "${minor:-0}" -lt 21 ]; then
  echo "Go $(go env GOVERSION) is too old; install Go 1.26 (https://go.dev/doc/install)." >&2
  exit 1
fi
go mod download
