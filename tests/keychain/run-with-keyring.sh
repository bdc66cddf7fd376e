#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked GNOME Keyring (the real Secret Service) and a
# throwaway HOME, so keychain tests never touch the user's own keyring. See ../../../shared/notes-keychain.md.
set -u
home=$(mktemp -d)
HOME="$home" dbus-run-session -- sh -c '
  printf "switchyard-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 3
  exec "$@"' sh "$@"
code=$?
rm -rf "$home"
exit $code
