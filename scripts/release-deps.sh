#!/usr/bin/env bash
# Installs the Debian packages the release build and its check need, only
# when some are missing (like scripts/deps.sh, which it calls first).
#   scripts/release-deps.sh build   + the MinGW-w64 cross compiler, xz
#   scripts/release-deps.sh check   + Wine, Xvfb, xdotool, ImageMagick, desktop-file-utils
# Uses apt-get directly as root, through sudo otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh run

build_pkgs=(gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 xz-utils tar make git)
# wine64 runs the 64-bit program; the "wine" package adds the /usr/bin/wine launcher.
check_pkgs=(wine64 wine xvfb xauth xdotool imagemagick x11-utils desktop-file-utils)

pkgs=("${build_pkgs[@]}")
[ "${1:-build}" = check ] && pkgs+=("${check_pkgs[@]}")

scripts/apt-install.sh "${pkgs[@]}"
