#!/usr/bin/env bash
# The packages' smoke test (`./dev package` runs it after building them, so CI does too):
#   .deb       its Depends name the libraries Switchyard links and loads, apt can resolve them, it holds the
#              binary, the desktop entry, the metainfo and the icons, and its binary serves /health, unpacked
#              and (given unshare -m) installed with dpkg -i into a throwaway copy of this machine's root
#   .AppImage  its binary serves /health from a minimal environment (`env -i`), through FUSE and without it,
#              loads no Qt library from the host, and still runs with the host's Qt hidden (`unshare -m`)
#   smoke-test.sh DEB APPIMAGE
set -euo pipefail

fail() { echo "smoke-test: FAIL: $*" >&2; exit 1; }
ok() { echo "smoke-test: ok: $*"; }

# ---- helpers ----

# Runs a command in a minimal environment: no DISPLAY, no Qt or XDG variables, nothing from the caller's shell
# (extra VAR=VALUE arguments first). exec, so that a background call's $! is the command's own pid.
run_minimal() { exec env -i "HOME=$HOME_DIR" PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"; }

# serve NAME [ENV=VALUE...] -- COMMAND...: starts COMMAND as Switchyard with a test config on a free port, checks
# that GET /health answers 200 with a status, optionally runs $after_start with the pid, then stops it with
# SIGTERM and checks it exits cleanly. Extra --headless is up to the caller.
serve() {
  local name=$1; shift
  local vars=()
  while [ "$1" != "--" ]; do vars+=("$1"); shift; done
  shift
  local log=$WORK/$name.log data=$WORK/data-$name
  run_minimal "${vars[@]}" "$@" --config "$WORK/config.yaml" --listen 127.0.0.1:0 --data-dir "$data" \
    >"$log" 2>&1 &
  local pid=$! port=
  for _ in $(seq 1 300); do
    port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/v1.*|\1|p' "$log" | head -1)
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; fail "$name: exited before listening"; }
    sleep 0.1
  done
  [ -n "$port" ] || { cat "$log" >&2; kill "$pid"; fail "$name: not listening after 30 s"; }
  local body status
  body=$(curl -s --max-time 10 -w '\n%{http_code}' "http://127.0.0.1:$port/health")
  status=${body##*$'\n'}; body=${body%$'\n'*}
  [ "$status" = 200 ] || { kill "$pid"; fail "$name: GET /health answered $status"; }
  grep -q '"status"' <<<"$body" || { kill "$pid"; fail "$name: /health has no status: $body"; }
  [ -z "${after_start:-}" ] || "$after_start" "$pid" "$name"
  kill -TERM "$pid"
  local code=0
  wait "$pid" || code=$?
  [ "$code" = 0 ] || { cat "$log" >&2; fail "$name: exit code $code after SIGTERM"; }
  ok "$name: GET /health -> 200 $(tr -d '\n' <<<"$body" | cut -c1-60)..."
}

# The process that runs the Switchyard binary: pid itself (FUSE: the runtime execs it) or its child (extract and run).
app_pid() {
  local pid=$1
  for p in "$pid" $(pgrep -P "$pid" || true); do
    [[ "$(readlink "/proc/$p/exe" 2>/dev/null)" == */usr/bin/switchyard ]] && { echo "$p"; return; }
  done
}

# after_start hook: every Qt library and plugin, QtKeychain, yaml-cpp, ICU and libsecret the running app has mapped
# comes from inside the image.
check_maps_from_image() {
  local pid; pid=$(app_pid "$1")
  [ -n "$pid" ] || fail "$2: cannot find the switchyard process"
  local appdir; appdir=$(tr '\0' '\n' <"/proc/$pid/environ" | sed -n 's/^APPDIR=//p')
  [ -n "$appdir" ] || fail "$2: APPDIR is not set in the app's environment"
  local foreign
  foreign=$(awk '{print $6}' "/proc/$pid/maps" | grep -E '/lib(Qt6|qt6keychain|yaml-cpp|icu|secret-1)|/plugins/' \
              | grep -v "^$appdir/" | sort -u || true)
  [ -z "$foreign" ] || fail "$2: loaded from the host: $foreign"
  ok "$2: every Qt library and plugin, QtKeychain, yaml-cpp, ICU and libsecret mapped comes from $appdir"
  check_desktop_module "$1" "$2"
}

# after_start hook (and part of the one above): a window run has loaded the desktop module, a headless run no GUI
# library at all (the module is how a headless gateway stays small: docs/benchmarks.md).
check_desktop_module() {
  local pid; pid=$(app_pid "$1")
  [ -n "$pid" ] || fail "$2: cannot find the switchyard process"
  local maps; maps=$(awk '{print $6}' "/proc/$pid/maps")
  if grep -q -- "--headless" <(tr '\0' '\n' <"/proc/$pid/cmdline"); then
    ! grep -qE 'libQt6(Widgets|Gui)|switchyard-desktop' <<<"$maps" || fail "$2: a headless run mapped GUI libraries"
    ok "$2: headless, no GUI library mapped"
  else
    grep -q '/lib/switchyard/switchyard-desktop.so$' <<<"$maps" || fail "$2: the desktop module is not loaded"
    ok "$2: the desktop module is loaded from $(grep 'switchyard-desktop.so$' <<<"$maps" | head -1)"
  fi
}

# QtKeychain through the bundled libsecret to a real Secret Service (GNOME Keyring in a private D-Bus session,
# as the keychain tests run it): stores a key and deletes it again.
keychain_roundtrip() {
  local name=$1 runner=$REPO/tests/keychain/run-with-keyring.sh
  if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
    echo "smoke-test: skipped: $name (no dbus-run-session or gnome-keyring-daemon here)"
    return
  fi
  # shellcheck disable=SC2016 # expanded by the inner shell, inside the private session
  "$runner" sh -c 'set -e
    run() { env -i HOME="$HOME" PATH=/usr/bin:/bin DBUS_SESSION_BUS_ADDRESS="$DBUS_SESSION_BUS_ADDRESS" \
              TMPDIR="$1" APPIMAGE_EXTRACT_AND_RUN=1 "$2" secret "$3" provider:smoke:api_key; }
    printf sk-smoke-keychain | run "$1" "$2" set
    run "$1" "$2" delete' sh "$WORK/tmp" "$APPIMAGE" >"$WORK/$name.log" 2>&1 \
    || { cat "$WORK/$name.log" >&2; fail "$name: the AppImage cannot use the keychain"; }
  ok "$name: $(grep 'in the keychain' "$WORK/$name.log" | tr '\n' ';' | sed 's/;$//; s/;/; /')"
}

# ---- the .deb ----

check_deb() {
  local info contents
  info=$(dpkg-deb -I "$DEB")
  local depends; depends=$(sed -n 's/^ Depends: //p' <<<"$info")
  # One package name a line, versions dropped; each expected name must start a line (libyaml-cpp: any soversion).
  local names; names=$'\n'$(sed 's/ ([^)]*)//g; s/, /\n/g' <<<"$depends")
  for package in libc6 libstdc++6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6httpserver6 \
                 libqt6websockets6 libqt6sql6 libqt6sql6-sqlite libqt6charts6 libqt6keychain1 libyaml-cpp \
                 libsecret-1-0 libssl3; do
    [[ $names == *$'\n'$package* ]] || fail ".deb Depends lacks $package: $depends"
  done
  ok ".deb Depends: $depends"

  contents=$(dpkg-deb -c "$DEB" | awk '{print $NF}')
  for file in ./usr/bin/switchyard ./usr/lib/switchyard/switchyard-desktop.so \
              ./usr/share/applications/switchyard.desktop ./usr/share/metainfo/io.switchyard.app.metainfo.xml; do
    grep -qxF "$file" <<<"$contents" || fail ".deb lacks $file"
  done
  for size in 16 22 24 32 48 64 128 256 512; do
    grep -qxF "./usr/share/icons/hicolor/${size}x${size}/apps/switchyard.png" <<<"$contents" \
      || fail ".deb lacks the ${size}px icon"
  done
  ok ".deb holds the binary, the desktop module, desktop entry, metainfo and 9 icon sizes"

  # Every dependency exists in the configured Debian archive (a misspelt name would make the .deb uninstallable).
  if [ -n "$(ls /var/lib/apt/lists/ 2>/dev/null | grep -v -e lock -e partial)" ]; then
    apt-get install -s -qq "$DEB" >"$WORK/apt-simulate.log" 2>&1 \
      || { cat "$WORK/apt-simulate.log" >&2; fail "apt cannot install the .deb"; }
    ok "apt-get install --simulate resolves every dependency"
  else
    echo "smoke-test: skipped: apt has no package lists here to resolve the .deb's dependencies against"
  fi

  DEB_ROOT=$WORK/deb-root
  dpkg-deb -x "$DEB" "$DEB_ROOT"
  if command -v desktop-file-validate >/dev/null && command -v appstreamcli >/dev/null; then
    # Hints (such as two main categories, which is intended) are not errors.
    desktop-file-validate "$DEB_ROOT/usr/share/applications/switchyard.desktop" | grep -v ': hint: ' \
      && fail "desktop-file-validate complains" || ok "desktop-file-validate: no errors"
    appstreamcli validate --no-net --pedantic "$DEB_ROOT/usr/share/metainfo/io.switchyard.app.metainfo.xml" \
      >"$WORK/appstream.log" 2>&1 || { cat "$WORK/appstream.log" >&2; fail "appstreamcli validate"; }
    ok "appstreamcli validate: $(tail -1 "$WORK/appstream.log")"
  else
    echo "smoke-test: skipped: validating the desktop entry and metainfo (desktop-file-utils, appstream)"
  fi
  after_start=check_desktop_module serve deb-unpacked -- "$DEB_ROOT/usr/bin/switchyard" --headless
  after_start=check_desktop_module serve deb-unpacked-desktop QT_QPA_PLATFORM=offscreen -- "$DEB_ROOT/usr/bin/switchyard"
}

# ---- the AppImage ----

check_appimage() {
  [ "$(od -An -c -j8 -N3 "$APPIMAGE" | tr -d ' ')" = 'AI002' ] || fail "AppImage lacks the type-2 magic at byte 8"
  local offset; offset=$("$APPIMAGE" --appimage-offset)
  unsquashfs -o "$offset" -l "$APPIMAGE" >"$WORK/listing" 2>&1 || fail "unsquashfs cannot read the image at $offset"
  for file in AppRun switchyard.desktop switchyard.png usr/bin/switchyard usr/bin/qt.conf \
              usr/lib/switchyard/switchyard-desktop.so \
              usr/plugins/platforms/libqxcb.so usr/plugins/sqldrivers/libqsqlite.so \
              usr/plugins/tls/libqopensslbackend.so usr/lib/libQt6Core.so.6 usr/lib/libqt6keychain.so.1 \
              usr/lib/libssl.so.3 usr/lib/libsecret-1.so.0; do
    grep -qxF "squashfs-root/$file" "$WORK/listing" || fail "AppImage lacks $file"
  done
  ok "AppImage: type-2 magic, squashfs at $offset, with AppRun, plugins, Qt, QtKeychain, OpenSSL, libsecret"

  mkdir -p "$WORK/tmp"
  if [ -r /dev/fuse ] && [ -w /dev/fuse ]; then
    after_start=check_maps_from_image serve appimage-fuse TMPDIR="$WORK/tmp" -- "$APPIMAGE" --headless
    for _ in $(seq 1 50); do [ -z "$(ls -A "$WORK/tmp")" ] && break; sleep 0.1; done # the helper unmounts
    [ -z "$(ls -A "$WORK/tmp")" ] || fail "the FUSE mount point was left behind: $(ls -A "$WORK/tmp")"
    ok "appimage-fuse: unmounted and removed its mount point"
  else
    echo "smoke-test: skipped: the FUSE run (/dev/fuse is not usable here); the extract-and-run checks follow"
  fi
  after_start=check_maps_from_image serve appimage-extracted TMPDIR="$WORK/tmp" APPIMAGE_EXTRACT_AND_RUN=1 \
    -- "$APPIMAGE" --headless
  [ -z "$(ls -A "$WORK/tmp")" ] || fail "extract-and-run left $(ls -A "$WORK/tmp") behind"
  ok "appimage-extracted: removed its extracted copy"
  # The desktop app (window, tray, charts) on the offscreen platform: Gui, Widgets, Charts and a platform
  # plugin from the bundle.
  after_start=check_maps_from_image serve appimage-desktop TMPDIR="$WORK/tmp" APPIMAGE_EXTRACT_AND_RUN=1 \
    QT_QPA_PLATFORM=offscreen -- "$APPIMAGE"
  keychain_roundtrip appimage-keychain
}

# ---- in a private mount namespace (unshare -m) ----

# A real `dpkg -i` into a throwaway copy of this machine's root (an overlay whose writes land in a tmpfs), so
# the package's triggers run and nothing touches the machine itself; then the installed switchyard serves.
installed_deb_checks() {
  local overlay=$WORK/overlay root=$WORK/overlay/root
  mkdir -p "$overlay"
  mount -t tmpfs none "$overlay"
  mkdir -p "$overlay/upper" "$overlay/work" "$root"
  if ! mount -t overlay overlay -o "lowerdir=/,upperdir=$overlay/upper,workdir=$overlay/work" "$root"; then
    echo "smoke-test: skipped: dpkg -i into a throwaway root (this kernel cannot lay an overlay over /)"
    return
  fi
  mount --bind /proc "$root/proc"
  mount --bind /dev "$root/dev"
  mkdir -p "$root$WORK"
  mount --bind "$WORK" "$root$WORK" # the config, data folders and logs, at the same paths inside
  cp "$DEB" "$WORK/switchyard.deb"
  chroot "$root" dpkg -i "$WORK/switchyard.deb" >"$WORK/dpkg-i.log" 2>&1 \
    || { cat "$WORK/dpkg-i.log" >&2; fail "dpkg -i into a throwaway root"; }
  [ -x "$root/usr/bin/switchyard" ] && [ -f "$root/usr/share/applications/switchyard.desktop" ] \
    || fail "dpkg -i did not install the binary and the desktop entry"
  ok "dpkg -i into a throwaway root; $(grep -c '^Processing triggers' "$WORK/dpkg-i.log") triggers ran" \
     "(desktop database, icon cache)"
  serve deb-installed -- /usr/sbin/chroot "$root" /usr/bin/switchyard --headless
}

# With the host's Qt hidden:

# Runs inside `unshare -m`: empty files over the host's Qt, QtKeychain, yaml-cpp and libsecret libraries, an empty
# folder over its Qt plugins. Mounts made here vanish with the namespace.
hidden_qt_checks() {
  local libdir; libdir=$(dirname "$(ldd "$DEB_ROOT/usr/bin/switchyard" | awk '$1 == "libQt6Core.so.6" {print $3}')")
  : >"$WORK/empty"
  for lib in "$libdir"/libQt6*.so.* "$libdir"/libqt6keychain.so.* "$libdir"/libyaml-cpp.so.* \
             "$libdir"/libsecret-1.so.*; do
    [ -L "$lib" ] || mount --bind "$WORK/empty" "$lib"
  done
  [ -d "$libdir/qt6" ] && mount -t tmpfs none "$libdir/qt6"
  if (run_minimal "$DEB_ROOT/usr/bin/switchyard" --help) >"$WORK/hidden-deb.log" 2>&1; then
    fail "the host-linked binary still starts with the host's Qt hidden: the check would prove nothing"
  fi
  ok "hidden Qt: the .deb's host-linked binary no longer starts ($(head -1 "$WORK/hidden-deb.log" | cut -c1-70)...)"

  # Every library and plugin in the bundle resolves all it needs, none of it from the hidden Qt.
  (cd "$WORK" && "$APPIMAGE" --appimage-extract >/dev/null)
  local unresolved
  unresolved=$(find "$WORK/squashfs-root/usr" -type f \( -name '*.so*' -o -path '*/bin/switchyard' \) \
                 -exec ldd {} \; 2>&1 | grep -E 'not found|file too short' | sort -u || true)
  [ -z "$unresolved" ] || fail "hidden Qt: bundled objects do not resolve: $unresolved"
  ok "hidden Qt: every bundled library and plugin resolves its dependencies (ldd)"
  serve hidden-appimage-headless TMPDIR="$WORK/tmp" APPIMAGE_EXTRACT_AND_RUN=1 -- "$APPIMAGE" --headless
  serve hidden-appimage-desktop TMPDIR="$WORK/tmp" APPIMAGE_EXTRACT_AND_RUN=1 QT_QPA_PLATFORM=offscreen \
    -- "$APPIMAGE"
  keychain_roundtrip hidden-appimage-keychain
}

# ---- main ----

if [ "${1:-}" = "--inside-namespace" ]; then
  # Re-entered by ourselves under `unshare -m`, with the state of the outer run in the environment.
  installed_deb_checks
  hidden_qt_checks
  exit 0
fi

[ $# -eq 2 ] || { echo "usage: smoke-test.sh DEB APPIMAGE" >&2; exit 2; }
export DEB APPIMAGE WORK HOME_DIR DEB_ROOT REPO
REPO=$(cd "$(dirname "$0")/../.." && pwd)
DEB=$(realpath "$1") APPIMAGE=$(realpath "$2")
WORK=$(mktemp -d) HOME_DIR=$WORK/home
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$HOME_DIR"
# One provider with a literal key: nothing needs the keychain, which a minimal environment does not reach.
cat >"$WORK/config.yaml" <<'EOF'
providers:
  - name: smoke
    type: openai
    base_url: http://127.0.0.1:9/v1
    api_key: sk-smoke-test
    models: [smoke-model]
EOF

check_deb
check_appimage
# Private mount namespaces need CAP_SYS_ADMIN; unprivileged CI containers lack it and skip this part.
if unshare -m true 2>/dev/null; then
  unshare -m "$(realpath "$0")" --inside-namespace
else
  echo "smoke-test: skipped: dpkg -i into a throwaway root and the hidden-Qt checks (unshare -m is not" \
       "permitted here); dpkg-deb -x and the maps checks above stand"
fi
echo "smoke-test: all checks passed"
