#!/usr/bin/env bash
# The .dmg's smoke test (macOS CI): the app inside carries everything it links (nothing from Homebrew), has its
# icon and Info.plist, and serves GET /health headless from a minimal environment.
#   smoke-test-dmg.sh DMG
set -euo pipefail
fail() { echo "smoke-test-dmg: FAIL: $*" >&2; exit 1; }
ok() { echo "smoke-test-dmg: ok: $*"; }

dmg=$1
work=$(mktemp -d)
mount=$work/volume
hdiutil attach "$dmg" -nobrowse -readonly -mountpoint "$mount" >/dev/null
trap 'hdiutil detach "$mount" >/dev/null || true; rm -rf "$work"' EXIT

app=$mount/Switchyard.app
[ -L "$mount/Applications" ] || fail "the .dmg has no Applications link to drag onto"
[ -f "$app/Contents/Resources/switchyard.icns" ] || fail "the bundle has no icon"
[ "$(/usr/libexec/PlistBuddy -c 'Print :LSUIElement' "$app/Contents/Info.plist")" = true ] \
  || fail "Info.plist lacks LSUIElement"
ok "Switchyard.app with its icon and LSUIElement, next to an Applications link"

# macdeployqt's work: no binary in the bundle refers to a library outside it but the system's.
foreign=$(find "$app/Contents" -type f \( -perm -u+x -o -name '*.dylib' \) -exec otool -L {} + 2>/dev/null \
  | awk '/^\t/ {print $1}' | grep -E '^/(opt|usr/local)/' | sort -u || true)
[ -z "$foreign" ] || fail "the bundle still refers to: $foreign"
ok "every library the bundle loads is inside it or the system's"

cat >"$work/config.yaml" <<'YAML'
providers:
  - name: smoke
    type: openai
    base_url: http://127.0.0.1:9/v1
    api_key: sk-smoke-test
    models: [smoke-model]
YAML
env -i HOME="$work" PATH=/usr/bin:/bin "$app/Contents/MacOS/Switchyard" --headless --config "$work/config.yaml" \
  --listen 127.0.0.1:0 --data-dir "$work/data" >"$work/log" 2>&1 &
pid=$!
port=
for _ in $(seq 1 300); do
  port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/v1.*|\1|p' "$work/log" | head -1)
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/log" >&2; fail "exited before listening"; }
  sleep 0.1
done
[ -n "$port" ] || { cat "$work/log" >&2; kill "$pid"; fail "not listening after 30 s"; }
body=$(curl -s --max-time 10 -w '\n%{http_code}' "http://127.0.0.1:$port/health")
kill -TERM "$pid"
wait "$pid" || fail "exit code $? after SIGTERM"
[ "${body##*$'\n'}" = 200 ] || fail "GET /health answered ${body##*$'\n'}"
grep -q '"status"' <<<"$body" || fail "/health has no status"
ok "the app in the .dmg serves GET /health -> 200"
