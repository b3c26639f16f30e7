#!/usr/bin/env bash
# Checks the release artifacts that scripts/release.sh put into dist/, by installing and
# starting them the way a user would, in temporary folders only:
#   1. SHA256SUMS matches the files.
#   2. Linux: unpacks the .tar.xz, runs its own `make install PREFIX=<temp>` and
#      `make user-install HOME=<temp>`, validates the .desktop file, runs the installed
#      binary's `version` on a fresh data folder, starts its GUI under Xvfb (window,
#      screenshot, Ctrl+Q, clean exit), then `make uninstall`.
#   3. Windows: checks the PE header (x86-64, GUI subsystem) and the resources (icon,
#      version, manifest), then under Wine (temporary WINEPREFIX, wineboot without
#      dialogs, Xvfb): `version` with the default data folder (%APPDATA%\KonnyuSzamla),
#      a MiniCRM API key stored and found again through go-keyring's wincred backend
#      (Wine's own Cred* functions), and the GUI (window, screenshot, Ctrl+Q, clean exit).
# Screenshots and logs go to dist/check/ (evidence, not release files).
# usage: scripts/release-check.sh
#   VERSION            the version to check (default: the one dist/ holds)
#   RELEASE_CHECK_GUI  0 skips both GUI starts
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

gui=${RELEASE_CHECK_GUI:-1}
dist=$root/dist
# The version of the artifacts in dist/ (scripts/release.sh leaves one), unless VERSION is given.
if [ -z "${VERSION:-}" ]; then
  found=("$dist"/konnyuszamla-*-linux-amd64.tar.xz)
  [ ${#found[@]} -eq 1 ] && [ -f "${found[0]}" ] ||
    { echo "release-check: no single dist/konnyuszamla-*-linux-amd64.tar.xz; run 'make release' (or 'make release-build') first" >&2; exit 1; }
  VERSION=$(basename "${found[0]}" -linux-amd64.tar.xz)
  VERSION=${VERSION#konnyuszamla-}
fi
linux_pkg=konnyuszamla-$VERSION-linux-amd64.tar.xz
windows_exe=konnyuszamla-$VERSION-windows-amd64.exe
out=$dist/check

for f in "$linux_pkg" "$windows_exe" SHA256SUMS; do
  [ -f "$dist/$f" ] || { echo "release-check: dist/$f is missing; run 'make release' (or 'make release-build') first" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/konnyuszamla-release-check.XXXXXX")
cleanup() {
  [ -n "${gui_pid:-}" ] && kill "$gui_pid" 2>/dev/null
  [ -n "${WINEPREFIX:-}" ] && [ -d "$WINEPREFIX" ] && { wineserver -k 2>/dev/null || true; }
  [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
step_start=0
step() { step_start=$(date +%s); echo "==> $*"; }
done_step() { echo "    ok ($(($(date +%s) - step_start)) s)"; }
total_start=$(date +%s)

step "System packages (scripts/release-deps.sh check)"
scripts/release-deps.sh check >/dev/null
done_step

rm -rf "$out"
mkdir -p "$out"
# The app and Fyne write to the user's folders; keep them in the temporary folder.
export HOME=$work/home XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache XDG_DATA_HOME=$work/share
mkdir -p "$HOME"

step "SHA256SUMS"
(cd "$dist" && sha256sum --check --strict SHA256SUMS) | sed 's/^/    /'
done_step

# One X server for both GUIs and for Wine, which wants a display even for wineboot.
display=:$((200 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
export DISPLAY=$display
for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
xdpyinfo >/dev/null 2>&1 || { cat "$work/xvfb.log"; fail "Xvfb did not start on $display"; }

# gui_check SHOT LOG COMMAND...: starts the GUI, waits for its window and a drawn frame,
# lets it settle, takes a screenshot, quits with Ctrl+Q and expects a clean exit.
gui_check() {
  local shot=$1 log=$2 wid colours=0 status=0
  shift 2
  "$@" >"$log" 2>&1 &
  gui_pid=$!
  if ! wid=$(timeout 120 xdotool search --sync --onlyvisible --name '^KönnyűSzámla$' | head -1) || [ -z "$wid" ]; then
    cat "$log"
    fail "the window did not appear"
  fi
  for _ in $(seq 200); do
    import -window root "$shot" 2>/dev/null
    colours=$(convert "$shot" -format %k info:)
    [ "$colours" -gt 20 ] && break
    sleep 0.2
  done
  [ "$colours" -gt 20 ] || { cat "$log"; fail "the window stayed blank ($colours colours)"; }
  sleep 3 # the first frame may be only part of the window
  import -window root "$shot"
  colours=$(convert "$shot" -format %k info:)
  xdotool windowactivate --sync "$wid" 2>/dev/null || xdotool windowfocus --sync "$wid" 2>/dev/null || true
  # The window is gone before the key release is sent, which xdotool reports.
  xdotool key --window "$wid" ctrl+q 2>/dev/null || true
  for _ in $(seq 150); do kill -0 "$gui_pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$gui_pid" 2>/dev/null && { cat "$log"; fail "Ctrl+Q did not quit the program"; }
  wait "$gui_pid" || status=$?
  gui_pid=
  [ "$status" -eq 0 ] || { cat "$log"; fail "the program exited with status $status"; }
  if grep -q 'panic' "$log"; then cat "$log"; fail "panic in the program's output"; fi
  echo "    window shown ($colours colours), screenshot $shot; Ctrl+Q quit it cleanly"
}

# expect_version FILE DATADIR: the output of `version` names this release, the folder and a schema.
expect_version() {
  local file=$1 dir=$2
  sed 's/^/    | /' "$file"
  [ "$(sed -n 1p "$file")" = "KönnyűSzámla $VERSION" ] || fail "line 1 is not 'KönnyűSzámla $VERSION'"
  [ "$(sed -n 2p "$file")" = "adatmappa: $dir" ] || fail "line 2 is not 'adatmappa: $dir'"
  grep -Eq '^sémaverzió: [0-9]+$' "$file" || fail "no 'sémaverzió: N' line"
}

step "Linux: unpack $linux_pkg and install it with its own Makefile into temporary prefixes"
tar -tJf "$dist/$linux_pkg" >"$work/linux-files.txt"
mkdir -p "$work/unpacked"
tar -xJf "$dist/$linux_pkg" -C "$work/unpacked"
pkgdir=$work/unpacked/konnyuszamla
[ -f "$pkgdir/Makefile" ] || fail "the package has no konnyuszamla/Makefile: $(cat "$work/linux-files.txt")"
# The fyne tool names the .desktop file and the icon after the app ID (FyneApp.toml).
APP_ID=$(sed -n 's|^konnyuszamla/usr/\(local/\)\{0,1\}share/applications/\(.*\)\.desktop$|\2|p' "$work/linux-files.txt")
[ -n "$APP_ID" ] || fail "the package has no share/applications/*.desktop: $(cat "$work/linux-files.txt")"
prefix=$work/prefix
make -s -C "$pkgdir" install PREFIX="$prefix"
bin=$prefix/bin/konnyuszamla
desktop=$prefix/share/applications/$APP_ID.desktop
icon=$prefix/share/pixmaps/$APP_ID.png
for f in "$bin" "$desktop" "$icon"; do [ -f "$f" ] || fail "make install did not install $f"; done
[ -x "$bin" ] || fail "$bin is not executable"
file -b "$bin" | grep -q 'ELF 64-bit LSB .*x86-64' || fail "not an x86-64 ELF: $(file -b "$bin")"
file -b "$icon" | grep -q 'PNG image' || fail "the icon is not a PNG"
desktop-file-validate "$desktop" || fail "desktop-file-validate rejects $desktop"
grep -q '^Exec=konnyuszamla' "$desktop" || fail "the .desktop file does not start konnyuszamla"
make -s -C "$pkgdir" user-install HOME="$work/userhome"
[ -x "$work/userhome/.local/bin/konnyuszamla" ] || fail "make user-install did not install ~/.local/bin/konnyuszamla"
grep -q "^Exec=$work/userhome/.local/bin/konnyuszamla" "$work/userhome/.local/share/applications/$APP_ID.desktop" ||
  fail "make user-install did not point the .desktop file at ~/.local/bin"
sed 's/^/    | /' "$desktop"
echo "    installed: $(cd "$prefix" && find . -type f | sort | tr '\n' ' ')"
done_step

step "Linux: installed binary's 'version' on a fresh data folder"
status=0
LANG=C.UTF-8 "$bin" --data "$work/linux-data" version >"$work/linux-version.txt" 2>"$work/linux-version.err" || status=$?
[ "$status" -eq 0 ] || { cat "$work/linux-version.err"; fail "'konnyuszamla version' exited with $status"; }
[ -s "$work/linux-version.err" ] && { cat "$work/linux-version.err"; fail "'version' wrote to stderr"; }
expect_version "$work/linux-version.txt" "$work/linux-data"
[ -f "$work/linux-data/konnyuszamla.db" ] || fail "no database in the data folder"
cp "$work/linux-version.txt" "$out/linux-version.txt"
done_step

if [ "$gui" = 1 ]; then
  step "Linux: GUI of the installed binary under Xvfb, default data folder (\$XDG_DATA_HOME/konnyuszamla)"
  gui_check "$out/linux-gui.png" "$out/linux-gui.log" env LANG=en_US.UTF-8 "$bin"
  [ -f "$XDG_DATA_HOME/konnyuszamla/konnyuszamla.db" ] || fail "no database in \$XDG_DATA_HOME/konnyuszamla"
  done_step
fi

step "Linux: make uninstall"
make -s -C "$pkgdir" uninstall PREFIX="$prefix"
left=$(find "$prefix" -type f)
[ -z "$left" ] || fail "make uninstall left: $left"
done_step

step "Windows: PE header and resources of $windows_exe"
exe=$dist/$windows_exe
file -b "$exe" | tee "$work/pe.txt" | sed 's/^/    /'
grep -q 'PE32+ executable (GUI) x86-64' "$work/pe.txt" || fail "not a 64-bit Windows GUI program"
x86_64-w64-mingw32-objdump -p "$exe" >"$work/pe-headers.txt"
grep -Eq '^Subsystem[[:space:]]+00000002' "$work/pe-headers.txt" || fail "subsystem is not 2 (Windows GUI, -H windowsgui)"
# The version resource is UTF-16LE; the fyne tool writes VERSION.BUILD (FyneApp.toml's Build).
strings -el "$exe" >"$work/pe-strings.txt"
grep -A1 -x ProductVersion "$work/pe-strings.txt" | tail -1 | grep -Eq "^$VERSION(\.0)*\.[0-9]+$" ||
  fail "no ProductVersion $VERSION.* in the version resource"
grep -q -x FileDescription "$work/pe-strings.txt" || fail "no FileDescription in the version resource"
echo "    version resource: ProductVersion $(grep -A1 -x ProductVersion "$work/pe-strings.txt" | tail -1)"
# Resource types in .rsrc: 3 = icon, 14 = icon group, 16 = version, 24 = manifest.
types=$(sed -n '/The .rsrc Resource Directory section/,$p' "$work/pe-headers.txt" |
  grep -E '^[0-9a-f]{3}   Entry: ID: ' | awk '{print $4}' | tr -d , | tr '\n' ' ')
for t in 0x000003 0x00000e 0x000010 0x000018; do
  [[ " $types" == *" $t "* ]] || fail "resource type $t missing (found: $types)"
done
echo "    resource types: $types(icon, icon group, version, manifest)"
strings "$exe" | grep -q "<assemblyIdentity version=\"$VERSION" || fail "no application manifest with version $VERSION"
done_step

step "Windows: temporary Wine prefix (wineboot, no dialogs)"
# No Mono/Gecko installer dialogs; no debug noise.
export WINEPREFIX=$work/wine WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
wineboot --init >"$work/wineboot.log" 2>&1 || { cat "$work/wineboot.log"; fail "wineboot failed"; }
wineserver -w
sys32=$WINEPREFIX/drive_c/windows/system32
[ -d "$sys32" ] || fail "wineboot made no C:\\windows\\system32"
# Go 1.22+ programs need ProcessPrng from bcryptprimitives.dll (Windows 10 and later have
# it). Debian 12's Wine 8.0 does not, and the Go runtime stops at start with
# "fatal error: bcryptprimitives.dll not found". Give this prefix only a stand-in that
# fills the buffer from RtlGenRandom, Wine's own random source; the program is not changed.
if ! [ -f "$sys32/bcryptprimitives.dll" ] && ! [ -f "$(dirname "$(command -v wine)")/../lib/x86_64-linux-gnu/wine/x86_64-windows/bcryptprimitives.dll" ]; then
  cat >"$work/bcryptprimitives.c" <<'EOF'
#include <windows.h>
#define SystemFunction036 NTAPI SystemFunction036
#include <ntsecapi.h>
#undef SystemFunction036
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  while (len > 0) {
    ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
    if (!RtlGenRandom(data, n)) return FALSE;
    data += n;
    len -= n;
  }
  return TRUE;
}
EOF
  x86_64-w64-mingw32-gcc -shared -O2 -s -o "$sys32/bcryptprimitives.dll" "$work/bcryptprimitives.c" -ladvapi32
  echo "    Wine $(wine --version 2>/dev/null) has no bcryptprimitives.dll: installed a ProcessPrng stand-in in the temporary prefix"
fi
mkdir -p "$WINEPREFIX/drive_c/KonnyuSzamla"
cp "$exe" "$WINEPREFIX/drive_c/KonnyuSzamla/konnyuszamla.exe"
winexe='C:\KonnyuSzamla\konnyuszamla.exe'
done_step

# wincmd OUT ERR COMMAND...: runs a command line in Wine's cmd.exe. A -H windowsgui program
# has no console: its output is caught by cmd's own redirection into files, as on Windows.
# cmd /c waits for GUI programs and returns their exit status.
wincmd() {
  local o=$1 e=$2
  shift 2
  rm -f "$WINEPREFIX/drive_c/out.txt" "$WINEPREFIX/drive_c/err.txt"
  local status=0
  wine cmd /c "$* > C:\\out.txt 2> C:\\err.txt" </dev/null >>"$work/wine-console.log" 2>&1 || status=$?
  cp "$WINEPREFIX/drive_c/out.txt" "$o" 2>/dev/null || : >"$o"
  cp "$WINEPREFIX/drive_c/err.txt" "$e" 2>/dev/null || : >"$e"
  return $status
}

step "Windows (Wine): 'version' with the default data folder under %APPDATA%"
wincmd "$work/win-version.txt" "$work/win-version.err" "$winexe version" ||
  { cat "$work/win-version.txt" "$work/win-version.err"; fail "'konnyuszamla.exe version' exited with an error under Wine"; }
[ -s "$work/win-version.err" ] && { cat "$work/win-version.err"; fail "'version' wrote to stderr"; }
wine_user=$(basename "$(find "$WINEPREFIX/drive_c/users" -mindepth 1 -maxdepth 1 -type d ! -name Public | head -1)")
expect_version "$work/win-version.txt" "C:\\users\\$wine_user\\AppData\\Roaming\\KonnyuSzamla"
[ -f "$WINEPREFIX/drive_c/users/$wine_user/AppData/Roaming/KonnyuSzamla/konnyuszamla.db" ] ||
  fail "no database in %APPDATA%\\KonnyuSzamla"
cp "$work/win-version.txt" "$out/windows-wine-version.txt"
done_step

step "Windows (Wine): MiniCRM API key into the keyring (go-keyring wincred -> Wine's Cred* functions)"
printf 'release-check-not-a-real-key\n' >"$WINEPREFIX/drive_c/key.txt"
wincmd "$work/win-set.txt" "$work/win-set.err" "$winexe minicrm set --system-id 12345 --api-key-stdin < C:\\key.txt" ||
  { cat "$work/win-set.txt" "$work/win-set.err"; fail "'minicrm set --api-key-stdin' failed under Wine"; }
rm -f "$WINEPREFIX/drive_c/key.txt"
wincmd "$work/win-show.txt" "$work/win-show.err" "$winexe minicrm show --json" ||
  { cat "$work/win-show.txt" "$work/win-show.err"; fail "'minicrm show' failed under Wine"; }
sed 's/^/    | /' "$work/win-show.txt"
grep -Eq '"(apiKeyStored|hasApiKey|keyStored)"[[:space:]]*:[[:space:]]*true' "$work/win-show.txt" ||
  fail "'minicrm show --json' does not report the stored key"
grep -q 'release-check-not-a-real-key' "$work/win-show.txt" "$work/win-show.err" && fail "the key was printed"
grep -qr 'release-check-not-a-real-key' "$WINEPREFIX/drive_c/users/$wine_user/AppData/Roaming/KonnyuSzamla" &&
  fail "the key is in the data folder"
# go-keyring names a Windows credential "service:account"; Wine keeps its credentials
# in the registry (HKCU\Software\Wine\Credential Manager), written out when wineserver stops.
wineserver -w
grep -aq 'konnyuszamla:minicrm:12345' "$WINEPREFIX/user.reg" ||
  fail "no credential 'konnyuszamla:minicrm:12345' in Wine's credential store"
echo "    credential 'konnyuszamla:minicrm:12345' is in Wine's credential store (HKCU\Software\Wine\Credential Manager)"
done_step

if [ "$gui" = 1 ]; then
  step "Windows (Wine): GUI under Xvfb (Wine's OpenGL on Mesa llvmpipe), default data folder"
  gui_check "$out/windows-wine-gui.png" "$out/windows-wine-gui.log" wine "$winexe"
  wineserver -w
  done_step
fi

echo "==> Release check passed in $(($(date +%s) - total_start)) s ($out)"
