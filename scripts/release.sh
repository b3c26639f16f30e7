#!/usr/bin/env bash
# Builds the release artifacts into dist/ (replaced only when both builds succeed):
#   dist/konnyuszamla-VERSION-linux-amd64.tar.xz    `fyne package -os linux`: binary, .desktop file,
#                                                   icon and a Makefile (make install / make user-install)
#   dist/konnyuszamla-VERSION-windows-amd64.exe     `fyne package -os windows`, cross-compiled with cgo by
#                                                   MinGW-w64: one file, icon + version resource, -H windowsgui
#   dist/SHA256SUMS
# It only builds; scripts/release-check.sh checks what it built (make release runs both).
#
# Environment:
#   VERSION       the version (default: Details.Version in FyneApp.toml); it becomes the app's
#                 `version` (-X main.version), the fyne metadata version and the file names
#   RELEASE_REF   the git revision to build (default HEAD: the committed code, whatever is
#                 being edited in the checkout); "worktree" builds the working tree as it is
#                 (tracked and untracked, not ignored files), uncommitted changes included
#   FYNE_TOOL     a fyne binary to use instead of installing fyne.io/tools/cmd/fyne@$FYNE_TOOL_VERSION
#
# The build runs in a temporary copy of the source: the fyne tool writes files into the
# source folder while it builds (fyne_metadata_init.go, fyne.syso, the packaged app) and
# raises Build in FyneApp.toml, and other builds may be running in the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

FYNE_TOOL_VERSION=${FYNE_TOOL_VERSION:-v1.7.4}
if [ -n "${VERSION:-}" ] && ! [[ "$VERSION" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]]; then
  echo "release: VERSION '$VERSION' must be x, x.y or x.y.z (the fyne tool and the Windows version resource need it)" >&2
  exit 2
fi
arch=amd64
dist=$root/dist

work=$(mktemp -d "${TMPDIR:-/tmp}/konnyuszamla-release.XXXXXX")
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

step_start=0
step() { step_start=$(date +%s); echo "==> $*"; }
done_step() { echo "    done in $(($(date +%s) - step_start)) s"; }
total_start=$(date +%s)

# The release build sets its own flags; a GOFLAGS or CGO_* of the caller would leak in.
unset GOFLAGS CGO_CFLAGS CGO_LDFLAGS CGO_CPPFLAGS CC CXX GOOS GOARCH

step "System packages (scripts/release-deps.sh build)"
scripts/release-deps.sh build
done_step

step "fyne tool"
if [ -n "${FYNE_TOOL:-}" ]; then
  fyne=$FYNE_TOOL
else
  GOBIN=$work/bin go install "fyne.io/tools/cmd/fyne@$FYNE_TOOL_VERSION"
  fyne=$work/bin/fyne
fi
"$fyne" version | sed 's/^/    /'
done_step

RELEASE_REF=${RELEASE_REF:-HEAD}
step "Source snapshot ($RELEASE_REF)"
src=$work/src/konnyuszamla
mkdir -p "$src"
if [ "$RELEASE_REF" = worktree ]; then
  git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
    tar --null -T - -cf - | tar -xf - -C "$src"
  echo "    working tree of commit $(git rev-parse HEAD)$([ -z "$(git status --porcelain)" ] || echo ', with uncommitted changes')"
else
  rev=$(git rev-parse --verify "$RELEASE_REF^{commit}")
  git archive "$rev" | tar -x -C "$src"
  echo "    commit $rev ($(git log -1 --format=%cs "$rev"))"
  [ -z "$(git status --porcelain)" ] || echo "    note: the checkout has uncommitted changes; they are not in this build (RELEASE_REF=worktree builds them)"
fi
done_step

VERSION=${VERSION:-$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' "$src/FyneApp.toml" | head -1)}
[[ "$VERSION" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || { echo "release: no x.y.z Version in FyneApp.toml ('$VERSION')" >&2; exit 2; }
# Both packages get the same build number: the fyne tool raises Build in (the copy of)
# FyneApp.toml after each package, so it is passed explicitly.
BUILD=$(sed -n 's/^[[:space:]]*Build[[:space:]]*=[[:space:]]*\([0-9][0-9]*\).*/\1/p' "$src/FyneApp.toml" | head -1)
BUILD=${BUILD:-1}
linux_pkg=konnyuszamla-$VERSION-linux-$arch.tar.xz
windows_exe=konnyuszamla-$VERSION-windows-$arch.exe
echo "    version $VERSION, build $BUILD"

# -X main.version: `konnyuszamla version` prints the release version. The fyne tool
# takes -ldflags out of GOFLAGS and adds its own (-s -w; -H=windowsgui for Windows).
# NAV_DEV_CONTACT: the developer contact registered with NAV for this program
# (nav.DevContact); a build without it keeps NAV reports queued, unsent.
ldflags="-ldflags=-X=main.version=$VERSION"
if [ -n "${NAV_DEV_CONTACT:-}" ]; then
  ldflags="$ldflags -X=konnyuszamla/nav.DevContact=$NAV_DEV_CONTACT"
else
  echo "    note: NAV_DEV_CONTACT is not set; this build will not send NAV reports" >&2
fi

out=$work/dist
mkdir -p "$out"

step "Linux: fyne package -os linux --release (cgo; the first build compiles go-gl and SQLite, minutes)"
(
  cd "$src"
  GOFLAGS=$ldflags CGO_ENABLED=1 GOOS=linux GOARCH=$arch \
    "$fyne" package -os linux --release --app-version "$VERSION" --app-build "$BUILD"
)
tarballs=("$src"/*.tar.xz)
[ ${#tarballs[@]} -eq 1 ] && [ -f "${tarballs[0]}" ] || { echo "release: fyne package made no .tar.xz" >&2; exit 1; }
mv "${tarballs[0]}" "$out/$linux_pkg"
done_step

step "Windows: fyne package -os windows --release (cgo with x86_64-w64-mingw32-gcc, minutes the first time)"
rm -f "$src"/*.exe
(
  cd "$src"
  GOFLAGS=$ldflags CGO_ENABLED=1 GOOS=windows GOARCH=$arch CC=x86_64-w64-mingw32-gcc \
    "$fyne" package -os windows --release --app-version "$VERSION" --app-build "$BUILD"
)
exes=("$src"/*.exe)
[ ${#exes[@]} -eq 1 ] && [ -f "${exes[0]}" ] || { echo "release: fyne package made no .exe" >&2; exit 1; }
mv "${exes[0]}" "$out/$windows_exe"
done_step

(cd "$out" && sha256sum "$linux_pkg" "$windows_exe" >SHA256SUMS)
# dist/ holds one release: the old files (and dist/check/) go.
rm -rf "$dist"
mkdir -p "$dist"
mv "$out/$linux_pkg" "$out/$windows_exe" "$out/SHA256SUMS" "$dist/"

echo "==> Built in $(($(date +%s) - total_start)) s:"
(cd "$dist" && ls -l "$linux_pkg" "$windows_exe" SHA256SUMS && cat SHA256SUMS)
