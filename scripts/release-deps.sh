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

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing system packages: ${missing[*]}"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Run as root or install sudo: the packages above are needed." >&2; exit 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
