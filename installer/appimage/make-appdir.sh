#!/usr/bin/env bash
# Assembles the AppImage's AppDir from a build: the installed tree, the Qt plugins Switchyard loads, every library
# they need except those that must come from the host, run paths that point inside the AppDir, and a qt.conf.
# The result runs on a machine without Qt (tests/packaging/smoke-test.sh checks that with the host's Qt hidden).
# Qt 6.4 has no deploy tool for Linux (qt_generate_deploy_app_script starts at 6.5), hence this script.
#   make-appdir.sh BUILD_DIR APPDIR QTPATHS       (QTPATHS: the qtpaths tool of the Qt the build used)
set -euo pipefail
shopt -s nullglob

build=$1 appdir=$2 qtpaths=$3
patchelf=${PATCHELF:-patchelf}
here=$(cd "$(dirname "$0")" && pwd)
qt_plugins=$("$qtpaths" --query QT_INSTALL_PLUGINS)
qt_translations=$("$qtpaths" --query QT_INSTALL_TRANSLATIONS)

rm -rf "$appdir"
DESTDIR="$appdir" cmake --install "$build" --prefix /usr --strip >/dev/null
usr=$appdir/usr
mkdir -p "$usr/lib" "$usr/plugins"

# The plugins Switchyard loads: platforms (xcb for desktops; offscreen and minimal for headless and tests), GL
# integration for xcb, TLS backends, image formats, the SQLite driver, input methods, and any platform themes or
# icon engines this Qt has.
for plugin in platforms/libqxcb.so platforms/libqoffscreen.so platforms/libqminimal.so 'xcbglintegrations/*.so' \
              'tls/*.so' 'imageformats/*.so' sqldrivers/libqsqlite.so 'platforminputcontexts/*.so' \
              'platformthemes/*.so' 'iconengines/*.so'; do
  for file in "$qt_plugins"/$plugin; do
    mkdir -p "$usr/plugins/$(dirname "$plugin")"
    cp -L "$file" "$usr/plugins/$(dirname "$plugin")/"
  done
done

# Qt's own translations for the languages the app ships (the app's are embedded in the binary).
mkdir -p "$usr/translations"
for ts in "$here"/../../translations/switchyard_*.ts; do
  lang=$(basename "$ts" .ts); lang=${lang#switchyard_}
  qm=$qt_translations/qtbase_$lang.qm
  if [ -e "$qm" ]; then cp "$qm" "$usr/translations/"; fi
done

# The host's library folder for this architecture: where the binary's C library comes from.
multiarch=$(dirname "$(ldd "$usr/bin/switchyard" | awk '$1 == "libc.so.6" {print $3}')")

# Libraries loaded with dlopen, which ldd cannot see: OpenSSL for the TLS backend, libsecret for QtKeychain.
dlopened=()
for soname in libssl.so.3 libcrypto.so.3 libsecret-1.so.0; do
  [ -e "$multiarch/$soname" ] || { echo "make-appdir: $soname not found in $multiarch" >&2; exit 1; }
  dlopened+=("$multiarch/$soname")
done

# Libraries that must come from the host: the C library family and the C++ runtime (host GL drivers need the
# host's), GL/EGL/DRM/Wayland/Vulkan (tied to the host's drivers), X11 and the core xcb library (the X server's
# protocol partners of the drivers), fontconfig and freetype (the host's fonts and configuration), D-Bus and
# systemd/udev (tied to the running daemons). Everything those need comes from the host too (added below).
host_only='^(ld-linux.*|libc|libm|libdl|libpthread|librt|libresolv|libutil|libanl|libnsl|libmvec|libBrokenLocale'
host_only+='|libthread_db|libstdc\+\+|libgcc_s'
host_only+='|libGL|libEGL|libGLX|libGLdispatch|libOpenGL|libGLESv2|libgbm|libdrm|libvulkan|libwayland-.*'
host_only+='|libX11|libX11-xcb|libxcb|libxcb-dri2|libxcb-dri3|libxcb-glx|libxcb-present|libxshmfence'
host_only+='|libfontconfig|libfreetype|libdbus-1|libsystemd|libudev)\.so(\..*)?$'

binary=$usr/bin/switchyard
desktop_module=$usr/lib/switchyard/switchyard-desktop.so # the window and tray, loaded when there is a display
[ -f "$desktop_module" ] || { echo "make-appdir: $desktop_module is not in the installed tree" >&2; exit 1; }
objects=("$binary" "$desktop_module" "$usr"/plugins/*/*.so "${dlopened[@]}")

# "soname path" for every library the objects need, as the host resolves them.
needed=$(ldd "${objects[@]}" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $1, $3}' | sort -u)
if ldd "${objects[@]}" | grep -q "not found"; then
  ldd "${objects[@]}" | grep -B30 "not found" >&2
  echo "make-appdir: a library is missing on this machine" >&2
  exit 1
fi
excluded=$(awk -v re="$host_only" '$1 ~ re {print $2}' <<<"$needed")
# ...and what the host-only libraries need in turn.
excluded_names=$( (awk -v re="$host_only" '$1 ~ re {print $1}' <<<"$needed"
                   [ -z "$excluded" ] || ldd $excluded | awk '$2 == "=>" {print $1}') | sort -u)

while read -r soname path; do
  [ -n "$soname" ] || continue
  grep -qxF "$soname" <<<"$excluded_names" && continue
  cp -L "$path" "$usr/lib/$soname"
done <<<"$needed"
for lib in "${dlopened[@]}"; do cp -L "$lib" "$usr/lib/"; done

# Run paths: each object finds the bundled libraries relative to itself, wherever the AppDir is mounted.
"$patchelf" --set-rpath '$ORIGIN/../lib' "$binary"
"$patchelf" --set-rpath '$ORIGIN/..' "$desktop_module"
for lib in "$usr"/lib/*.so*; do "$patchelf" --set-rpath '$ORIGIN' "$lib"; done
for plugin in "$usr"/plugins/*/*.so; do "$patchelf" --set-rpath '$ORIGIN/../../lib' "$plugin"; done

# Qt finds its plugins and translations through qt.conf next to the binary (paths relative to the file).
printf '[Paths]\nPrefix = ..\nPlugins = plugins\nTranslations = translations\n' >"$usr/bin/qt.conf"

# The AppDir's face: AppRun, the desktop entry and the icon at the top, as the AppImage format wants.
install -m 755 "$here/AppRun" "$appdir/AppRun"
cp "$usr/share/applications/switchyard.desktop" "$appdir/"
cp "$usr/share/icons/hicolor/256x256/apps/switchyard.png" "$appdir/switchyard.png"
ln -s switchyard.png "$appdir/.DirIcon"

echo "make-appdir: $appdir ($(du -sh "$appdir" | cut -f1), $(ls "$usr/lib" | wc -l) libraries bundled)"
