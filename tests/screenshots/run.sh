#!/usr/bin/env bash
# Screenshots of every page of the desktop app, filled with real data from running gateways.
#
#   tests/screenshots/run.sh            (from the repository root; needs root or sudo for missing packages)
#
# What it sets up, all throwaway and all on 127.0.0.1:
#   - fake providers speaking the real wire formats (fake-providers.mjs): OpenAI, Anthropic, DeepSeek,
#     OpenRouter, Ollama, LM Studio, Qwen; some slow, some answering 429 or 500 now and then;
#   - a private D-Bus session with an unlocked GNOME Keyring under a temporary HOME: every API key and the
#     Co-Link token go into that keychain with `switchyard secret set`, never into YAML;
#   - past days of traffic (HISTORY_DAYS, default 6) recorded by headless runs of the desktop instance's
#     configuration under faketime, so the Usage page has a week to show;
#   - B: a headless Switchyard that is the Co-Link server the desktop instance shares this machine with;
#   - A: the desktop app on Xvfb with openbox and trayer (a system tray): a hub that node C joins, and a node of B;
#   - C: a headless Switchyard with a Qwen provider, joining A as a Co-Link node;
#   - traffic through A (traffic.mjs) and through B (served by A as B's node);
# then it captures each page, the Add provider dialog and the tray menu into docs/screenshots/ (OUT=dir to
# change that). Nothing keeps running afterwards.
#
# Environment: SWITCHYARD=path/to/binary (default: ./dev build, then build/app/switchyard),
# OUT=dir, HISTORY_DAYS=n (0: today only), KEEP=1 keeps the work directory (logs, configs, databases),
# PAUSE=1 keeps everything running after the pictures, for debugging.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BIN=${SWITCHYARD:-$ROOT/build/app/switchyard}
OUT=${OUT:-$ROOT/docs/screenshots}
HISTORY_DAYS=${HISTORY_DAYS:-6}
SCREEN_W=1280
SCREEN_H=800

# --- packages -------------------------------------------------------------------------------------------
PACKAGES=(xvfb trayer imagemagick xdotool openbox x11-utils x11-xserver-utils faketime fonts-wqy-microhei
          gnome-keyring dbus nodejs curl)
source "$ROOT/.ci/install-missing.sh"
install_missing "${PACKAGES[@]}"
if [ -z "${SWITCHYARD:-}" ]; then
  (cd "$ROOT" && ./dev build >/dev/null) # the pictures show this source tree (quick when it is up to date)
fi

# --- work directory, processes, cleanup -----------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/switchyard-shots.XXXXXX")
PIDS=()
cleanup() {
  local code=$?
  set +e
  # Newest first: the GUI and the gateways before the keyring, the bus and the X server they talk to.
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill "${PIDS[i]}" 2>/dev/null
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  if [ "${KEEP:-0}" = 1 ] || [ $code -ne 0 ]; then
    echo "==> logs kept in $WORK" >&2
  else
    rm -rf "$WORK"
  fi
  exit $code
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "==> $*"; }
# Starts a command in the background with its output in $WORK/NAME.log and remembers its pid.
start() {
  local name=$1
  shift
  "$@" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  eval "PID_${name//-/_}=$!"
}
stop() {
  local pid=$1 kept=() p
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for p in "${PIDS[@]}"; do [ "$p" = "$pid" ] || kept+=("$p"); done
  PIDS=("${kept[@]}")
}
free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}
port_taken() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
port_free() { ! port_taken "$1"; }
# A well-known port when it is free (the screenshots then show familiar addresses), else any free one.
port_or_free() {
  if port_taken "$1"; then free_port; else echo "$1"; fi
}
wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local seconds=$1 what=$2
  shift 2
  for _ in $(seq $((seconds * 10))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "timed out waiting for $what" >&2
  return 1
}
healthy() { curl -sf "http://127.0.0.1:$1/health" -o /dev/null; }

# A throwaway user: nothing below reads or writes the real HOME, keyring or settings.
export HOME="$WORK/home"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share" XDG_CACHE_HOME="$HOME/.cache"
export XDG_STATE_HOME="$HOME/.local/state" XDG_RUNTIME_DIR="$WORK/run"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE=en
unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM SESSION_MANAGER
export NO_AT_BRIDGE=1

# --- private D-Bus session with an unlocked GNOME Keyring ----------------------------------------------
log "private D-Bus session and GNOME Keyring in $WORK"
dbus-daemon --session --nofork --nopidfile --print-address=3 --address="unix:path=$XDG_RUNTIME_DIR/bus" \
  3>"$WORK/bus-address" >"$WORK/dbus.log" 2>&1 &
PIDS+=($!)
wait_for 10 "the D-Bus session" test -S "$XDG_RUNTIME_DIR/bus"
export DBUS_SESSION_BUS_ADDRESS="unix:path=$XDG_RUNTIME_DIR/bus"
printf 'switchyard-screenshots' | gnome-keyring-daemon --foreground --unlock --components=secrets \
  >"$WORK/keyring.log" 2>&1 &
PIDS+=($!)
wait_for 10 "the Secret Service" dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
  org.freedesktop.DBus.GetNameOwner string:org.freedesktop.secrets

secret() { # secret KEY VALUE: into the keychain as a user would, the value on standard input
  printf '%s\n' "$2" | "$BIN" secret set "$1" 2>>"$WORK/secrets.log"
}

# --- ports ----------------------------------------------------------------------------------------------
PORT_A=$(port_or_free 8790)
PORT_B=$(free_port)
PORT_C=$(free_port)
P_OPENAI=$(free_port)
P_ANTHROPIC=$(free_port)
P_DEEPSEEK=$(free_port)
P_OPENROUTER=$(free_port)
P_QWEN=$(free_port)
P_OLLAMA=$(port_or_free 11434)
P_LMSTUDIO=$(port_or_free 1234)
P_DOWN=$(free_port) # nothing listens here: the provider behind it is unreachable

# --- fake providers -------------------------------------------------------------------------------------
cat >"$WORK/providers.json" <<EOF
[
  {"name": "openai", "owner": "openai", "port": $P_OPENAI, "format": "openai", "key": "sk-proj-screenshots-openai",
   "models": ["gpt-4o", "gpt-4o-mini", "gpt-4.1-mini", "text-embedding-3-small"], "latency": [150, 700]},
  {"name": "anthropic", "port": $P_ANTHROPIC, "format": "anthropic", "key": "sk-ant-screenshots",
   "models": ["claude-sonnet-4-0", "claude-opus-4-0", "claude-3-5-haiku-latest"], "latency": [300, 1100]},
  {"name": "deepseek", "port": $P_DEEPSEEK, "format": "openai", "key": "sk-screenshots-deepseek",
   "models": ["deepseek-chat", "deepseek-reasoner"], "latency": [200, 900], "fail429": 0.12, "fail500": 0.05},
  {"name": "openrouter", "port": $P_OPENROUTER, "format": "openai", "key": "sk-or-v1-screenshots",
   "models": ["deepseek/deepseek-chat", "openai/gpt-4o-mini", "anthropic/claude-sonnet-4"], "latency": [250, 800]},
  {"name": "ollama", "owner": "library", "port": $P_OLLAMA, "format": "openai",
   "models": ["llama3.2", "qwen2.5:7b"], "latency": [400, 1600], "tokenDelay": [20, 60]},
  {"name": "lmstudio", "owner": "organization_owner", "port": $P_LMSTUDIO, "format": "openai",
   "models": ["qwen2.5-coder-14b-instruct", "mistral-nemo-instruct-2407", "phi-4", "text-embedding-nomic-embed-text-v1.5"]},
  {"name": "qwen", "port": $P_QWEN, "format": "openai", "key": "sk-screenshots-dashscope",
   "models": ["qwen-plus", "qwen-max"], "latency": [200, 600]}
]
EOF
log "fake providers"
start fakes node "$HERE/fake-providers.mjs" "$WORK/providers.json"
wait_for 10 "the fake providers" grep -q ready "$WORK/fakes.log"

# --- keys, tokens and configurations ----------------------------------------------------------------------
log "keys into the keychain"
secret provider:openai:api_key sk-proj-screenshots-openai
secret provider:anthropic:api_key sk-ant-screenshots
secret provider:deepseek:api_key sk-screenshots-deepseek
secret provider:openrouter:api_key sk-or-v1-screenshots
secret provider:mistral:api_key screenshots-mistral
secret provider:qwen:api_key sk-screenshots-dashscope
ACCESS_TOKEN=sy-laptop-9d41c7e2b8a54f0e
NODE_TOKEN_A=client-office-pc-3f9a1c77e0d24b6a   # lets C join A
NODE_TOKEN_B=client-workstation-51be08d2c4a9     # lets A join B
# One keychain holds everything, and A and C would both read colink:client_token: A keeps its token for B
# there, C its token for A in its Co-Link client config.yaml (a literal, as a reference client's config does).
secret colink:client_token "$NODE_TOKEN_B"
hash() { printf '%s' "$1" | "$BIN" token hash; }

# A: the desktop instance. $1 = "history" leaves out Co-Link (past days had no node traffic).
write_config_a() {
  local file=$1 mode=${2:-live}
  {
    cat <<EOF
# Switchyard desktop instance of the screenshot run (tests/screenshots/run.sh). No key in this file:
# every api_key and the Co-Link client token are in the keychain.
gateway:
  listen: 127.0.0.1:$PORT_A
  access_tokens:
    - {name: laptop, sha256: $(hash "$ACCESS_TOKEN")}
    - {name: ci-runner, sha256: $(hash sy-ci-runner-0b6c2f9e71d3)}
    - {name: phone, sha256: $(hash sy-phone-e4a8d1c05f27)}
  ban_seconds: 60
  max_attempts: 3
EOF
    if [ "$mode" = live ]; then
      cat <<EOF
server_url: ws://127.0.0.1:$PORT_B/ws
max_parallel: 3
node:
  enabled: true
hub:
  node_tokens:
    - {name: office-pc, sha256: $(hash "$NODE_TOKEN_A")}
    - {name: home-laptop, sha256: $(hash client-home-laptop-8e27d0b94f1c)}
EOF
    fi
    cat <<EOF
providers:
  - name: openai
    type: openai
    base_url: http://127.0.0.1:$P_OPENAI/v1
    models: [gpt-4o, gpt-4o-mini, text-embedding-3-small]
  - name: anthropic
    type: claude
    base_url: http://127.0.0.1:$P_ANTHROPIC/v1
    models: [claude-sonnet-4-0, claude-3-5-haiku-latest]
  - name: deepseek
    type: openai
    base_url: http://127.0.0.1:$P_DEEPSEEK/v1
    priority: 1
    models:
      - {local: deepseek-chat, server_mapping: pro-model}
      - {local: deepseek-reasoner, server_mapping: reasoner}
  - name: openrouter
    type: openai
    base_url: http://127.0.0.1:$P_OPENROUTER/v1
    models:
      - {local: deepseek/deepseek-chat, server_mapping: pro-model}
      - {local: openai/gpt-4o-mini, server_mapping: gpt-4o-mini}
  - name: ollama
    type: openai
    base_url: http://127.0.0.1:$P_OLLAMA/v1
    max_parallel: 2
    models: [llama3.2, qwen2.5:7b]
  - name: mistral
    type: openai
    base_url: http://127.0.0.1:$P_DOWN/v1
    models: [mistral-small-latest]
  - name: gemini
    type: gemini
    enabled: false
    models: [gemini-2.5-flash, gemini-2.5-pro]
EOF
  } >"$file"
}
mkdir -p "$WORK/a" "$WORK/b" "$WORK/c"
write_config_a "$WORK/a/config.yaml" live
write_config_a "$WORK/a/history.yaml" history

cat >"$WORK/b/config.yaml" <<EOF
# B: the Co-Link server A shares this machine with (hub mode only, no providers of its own).
gateway:
  listen: 127.0.0.1:$PORT_B
hub:
  node_tokens:
    - {name: workstation, sha256: $(hash "$NODE_TOKEN_B")}
providers: []
EOF

cat >"$WORK/c/config.yaml" <<EOF
# C: a Co-Link client config.yaml, unchanged, that joins A. Its Qwen key is in the keychain.
client_token: "$NODE_TOKEN_A"
server_url: "ws://127.0.0.1:$PORT_A/ws"
max_parallel: 2
gateway:
  listen: 127.0.0.1:$PORT_C
providers:
  - name: qwen
    type: openai
    base_url: http://127.0.0.1:$P_QWEN/v1
    models:
      - {local: qwen-plus, server_mapping: qwen-plus}
      - {local: qwen-max, server_mapping: qwen-max}
EOF

# --- past days: headless runs of A's configuration under faketime ----------------------------------------
LIBFAKETIME=$(dpkg -L libfaketime | grep -m1 '/libfaketime\.so\.1$')
if [ "$HISTORY_DAYS" -gt 0 ]; then
  log "recording $HISTORY_DAYS past days of traffic under faketime"
  # More on weekdays than at the weekend, and a little growth.
  for ((day = HISTORY_DAYS; day >= 1; day--)); do
    dow=$(date -d "-$day days" +%u)
    count=$((70 + (HISTORY_DAYS - day) * 12 + RANDOM % 30))
    [ "$dow" -ge 6 ] && count=$((count / 3))
    # libfaketime preloaded directly (not through the faketime wrapper, whose child outlives a kill).
    start history env LD_PRELOAD="$LIBFAKETIME" FAKETIME="-${day}d" \
      "$BIN" --headless --config "$WORK/a/history.yaml" --data-dir "$WORK/a/data"
    wait_for 20 "the history gateway (day -$day)" healthy "$PORT_A"
    CONCURRENCY=8 node "$HERE/traffic.mjs" "http://127.0.0.1:$PORT_A" "$ACCESS_TOKEN" "$count" \
      chat-gpt-4o-mini,stream-gpt-4o-mini,chat-gpt-4o,pro-model,reasoner,claude-code,claude-haiku,claude-on-pro-model,llama,mistral-down,embeddings,unknown-model \
      | sed "s/^/    $(date -d "-$day days" +%a\ %F): /"
    stop "$PID_history"
  done
  wait_for 10 "the port of the history runs to be free" port_free "$PORT_A"
fi

# --- B, then A on a virtual display with a tray, then C ---------------------------------------------------
log "B: Co-Link server on port $PORT_B"
start b "$BIN" --headless --config "$WORK/b/config.yaml" --data-dir "$WORK/b/data"
wait_for 20 "B" healthy "$PORT_B"

DISPLAY_NUM=99
while [ -e "/tmp/.X$DISPLAY_NUM-lock" ] || [ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ]; do DISPLAY_NUM=$((DISPLAY_NUM + 1)); done
export DISPLAY=":$DISPLAY_NUM"
log "Xvfb on $DISPLAY (${SCREEN_W}x$SCREEN_H), openbox, trayer"
start xvfb Xvfb "$DISPLAY" -screen 0 "${SCREEN_W}x${SCREEN_H}x24" -nolisten tcp -noreset
wait_for 10 "Xvfb" xdpyinfo
xsetroot -solid '#3c4a57'
start openbox openbox --sm-disable # its default theme (Clearlooks), which capture.sh expects
wait_for 10 "openbox" sh -c 'xprop -root _NET_SUPPORTING_WM_CHECK | grep -q window'
start trayer trayer --edge bottom --align right --SetDockType true --SetPartialStrut true --expand true \
  --widthtype request --height 30 --iconspacing 6 --padding 6 --transparent false --tint 0xdfe3e8 --distance 0
sleep 1

log "A: the desktop app on port $PORT_A"
export QT_QPA_PLATFORM=xcb
start a "$BIN" --config "$WORK/a/config.yaml" --data-dir "$WORK/a/data"
unset QT_QPA_PLATFORM
wait_for 30 "A" healthy "$PORT_A"

log "C: a node joining A on port $PORT_C"
start c "$BIN" --headless --config "$WORK/c/config.yaml" --data-dir "$WORK/c/data"
wait_for 20 "C" healthy "$PORT_C"
a_get() { curl -sf -H "Authorization: Bearer $ACCESS_TOKEN" "http://127.0.0.1:$PORT_A$1"; }
c_joined() { a_get /hub/nodes | grep -q '"registered": *true'; }
a_shares() { a_get /node | grep -q '"state": *"connected"'; }
wait_for 30 "C to join A" c_joined
wait_for 30 "A to join B" a_shares

# --- today's traffic --------------------------------------------------------------------------------------
log "today's traffic through A, and through B (served by A as its node)"
# The provider that cannot be reached is left out here: its one request comes last (see below).
TODAY=chat-gpt-4o-mini,stream-gpt-4o-mini,chat-gpt-4o,pro-model,reasoner,claude-code,claude-haiku,claude-on-pro-model,llama,qwen-via-node,embeddings,unknown-model,bad-token
CONCURRENCY=5 node "$HERE/traffic.mjs" "http://127.0.0.1:$PORT_A" "$ACCESS_TOKEN" 140 "$TODAY" | sed 's/^/    /'
CONCURRENCY=3 node "$HERE/traffic.mjs" "http://127.0.0.1:$PORT_B" "" 16 chat-gpt-4o-mini,stream-gpt-4o-mini,pro-model,claude-code \
  | sed 's/^/    /'
# Just before the pictures: one that works, one for a model nobody serves, and the first request to the
# provider that cannot be reached: the newest row of the log is its 502, and the Providers page shows the
# provider paused for a minute.
curl -s -o /dev/null -H "Authorization: Bearer $ACCESS_TOKEN" -H 'Content-Type: application/json' \
  "http://127.0.0.1:$PORT_A/v1/chat/completions" -d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}]}'
curl -s -o /dev/null -H "Authorization: Bearer $ACCESS_TOKEN" -H 'Content-Type: application/json' \
  "http://127.0.0.1:$PORT_A/v1/chat/completions" -d '{"model":"gpt-5-turbo","messages":[{"role":"user","content":"Hi"}]}'
curl -s -o /dev/null -H "Authorization: Bearer $ACCESS_TOKEN" -H 'Content-Type: application/json' \
  "http://127.0.0.1:$PORT_A/v1/chat/completions" -d '{"model":"mistral-small-latest","messages":[{"role":"user","content":"Hi"}]}'

# --- screenshots ------------------------------------------------------------------------------------------
mkdir -p "$OUT"
export PORT_A PORT_B P_LMSTUDIO WORK OUT SCREEN_W SCREEN_H
"$HERE/capture.sh"
if [ "${PAUSE:-0}" = 1 ]; then
  env | grep -E '^(DISPLAY|DBUS_SESSION_BUS_ADDRESS|HOME|XDG_[A-Z_]+|PORT_[A-Z]+|P_[A-Z]+|WORK|OUT|SCREEN_[WH]|LANG|LC_ALL)=' \
    | sed 's/^/export /' >"$WORK/env.sh"
  log "paused: '. $WORK/env.sh' to reach the session (e.g. to run capture.sh again); 'touch $WORK/continue' ends it"
  while [ ! -e "$WORK/continue" ]; do sleep 1; done
fi

log "screenshots in $OUT (after $SECONDS s):"
ls -1 "$OUT"/*.png | sed 's/^/    /'
