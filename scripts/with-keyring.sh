#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked
# gnome-keyring Secret Service, for tests that use the real OS keyring.
# usage: scripts/with-keyring.sh COMMAND [ARGS...]
# The wait for org.freedesktop.secrets matters: without it a fast first
# client makes D-Bus start a second daemon that can outlive the session.
set -eu
XDG_DATA_HOME="$(mktemp -d)"
XDG_RUNTIME_DIR="$(mktemp -d)"
chmod 700 "$XDG_RUNTIME_DIR"
export XDG_DATA_HOME XDG_RUNTIME_DIR
exec dbus-run-session -- sh -c '
  printf %s "${KEYRING_PASSWORD:-ci-pass}" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  i=0
  until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
          org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; do
    i=$((i+1)); [ $i -ge 200 ] && { echo "the Secret Service did not start" >&2; exit 1; }; sleep 0.05
  done
  exec "$@"
' sh "$@"
