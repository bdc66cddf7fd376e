#!/usr/bin/env bash
# Gateway overhead benchmark, everything on 127.0.0.1, in one run:
#   direct      wrk → nginx "return 200" upstream
#   nginx       wrk → nginx proxy_pass (upstream keep-alive pool) → upstream
#   switchyard  wrk → switchyard → upstream
#   hub         wrk → switchyard hub → Co-Link over WebSocket → switchyard node (--headless) → upstream
#   portkey     wrk → Portkey gateway 1.15.2 (Node, from npm, cached in tests/bench/portkey/node_modules) → upstream
# Prints requests/s and p50/p99 latency for each, Switchyard's ratios against the two references and Portkey,
# and the hub path's against direct, nginx and Switchyard's direct path.
# Usage: tests/bench/run.sh path/to/switchyard [seconds-per-run]
# Environment: BENCH_ROUNDS (3) sets how many rounds of every target run, the figures being their medians;
# BENCH_PORTKEY=0 skips Portkey (no npm registry at hand); SLOW_STREAMS=0 skips the slow-streams
# step at the end (SLOW_STREAMS and SLOW_STREAM_EVENTS otherwise set its streams and events per stream).
set -euo pipefail
BIN=$(readlink -f "${1:?path to the switchyard binary}")
SECONDS_PER_RUN=${2:-8}
HERE=$(cd "$(dirname "$0")" && pwd)

source "$HERE/../../.ci/install-missing.sh"
# Any nginx flavour will do; install the light one only when none is there.
install_missing wrk curl
command -v nginx >/dev/null || install_missing nginx-light

WORK=$(mktemp -d)
UP=18801 PX=18802 SY=18803 HUB=18804 NODE=18805 PK=18806
cleanup() {
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  for pid in "${SY_PID:-}" "${HUB_PID:-}" "${NODE_PID:-}" "${PK_PID:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

BODY='{"id":"chatcmpl-bench","object":"chat.completion","created":1700000000,"model":"bench-local","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}}'
mkdir -p "$WORK/nginx/logs"
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx;
  fastcgi_temp_path $WORK/nginx; uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
  upstream model_upstream { server 127.0.0.1:$UP; keepalive 128; }
  server {
    listen 127.0.0.1:$UP;
    location / { default_type application/json; return 200 '$BODY'; }
  }
  server {
    listen 127.0.0.1:$PX;
    location / {
      proxy_pass http://model_upstream;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK/nginx" >/dev/null

# The one provider, named $1, that serves "bench" from the upstream: Switchyard's own and the Co-Link node's.
bench_provider() {
  cat <<CONF
providers:
  - name: $1
    type: openai
    api_key: sk-bench
    base_url: http://127.0.0.1:$UP/v1
    models:
      - local: bench-local
        server_mapping: bench
CONF
}
{ printf 'gateway:\n  listen: 127.0.0.1:%s\n' "$SY"; bench_provider bench; } > "$WORK/config.yaml"
QT_LOGGING_RULES="*.info=false" "$BIN" --headless --config "$WORK/config.yaml" --data-dir "$WORK/data" 2>"$WORK/switchyard.log" &
SY_PID=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$SY/health" >/dev/null 2>&1 && break; sleep 0.1; done

# Whether an answer is the upstream's BODY as JSON (a gateway may re-serialise it: key order, spacing).
command -v node >/dev/null || install_missing nodejs
same_as_upstream() {
  node -e '
    const canon = (v) => Array.isArray(v) ? v.map(canon)
      : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon(v[k])])) : v;
    const same = (a, b) => { try { return JSON.stringify(canon(JSON.parse(a))) === JSON.stringify(canon(JSON.parse(b))); } catch { return false; } };
    process.exit(same(process.argv[1], process.argv[2]) ? 0 : 1);' "$1" "$BODY"
}

# The Co-Link hub path: a hub with no provider of its own and one node that serves the model from the upstream.
# max_parallel (the node's calls at once, which the hub respects) is above the 50 connections of the run.
cat > "$WORK/hub.yaml" <<CONF
gateway:
  listen: 127.0.0.1:$HUB
hub:
  node_tokens:
    - "client-bench-node-token"
CONF
cat > "$WORK/node.yaml" <<CONF
client_token: "client-bench-node-token"
server_url: "ws://127.0.0.1:$HUB/ws"
max_parallel: 128
gateway:
  listen: 127.0.0.1:$NODE
CONF
bench_provider bench-node >> "$WORK/node.yaml"
QT_LOGGING_RULES="*.info=false" "$BIN" --headless --config "$WORK/hub.yaml" --data-dir "$WORK/hub-data" 2>"$WORK/hub.log" &
HUB_PID=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$HUB/health" >/dev/null 2>&1 && break; sleep 0.1; done
QT_LOGGING_RULES="*.info=false" "$BIN" --headless --config "$WORK/node.yaml" --data-dir "$WORK/node-data" 2>"$WORK/node.log" &
NODE_PID=$!
HUB_OK=0
for _ in $(seq 100); do
  if curl -sf "http://127.0.0.1:$HUB/hub/nodes" 2>/dev/null | grep -q '"registered": *true'; then HUB_OK=1; break; fi
  sleep 0.1
done
if [ "$HUB_OK" -ne 1 ]; then
  echo "hub: the node did not register with the hub within 10 s; GET /hub/nodes says:" >&2
  curl -s "http://127.0.0.1:$HUB/hub/nodes" >&2 || true
  tail -5 "$WORK/node.log" >&2
  exit 1
fi
# One call through the hub must come back with the upstream's answer before it is measured.
HUB_ANSWER=$(curl -s -X POST -H 'Content-Type: application/json' --data-binary @- "http://127.0.0.1:$HUB/v1/chat/completions" \
  <<<'{"model":"bench","messages":[{"role":"user","content":"hi"}]}')
if ! same_as_upstream "$HUB_ANSWER"; then
  echo "hub: a call through the hub did not return the upstream's answer: $HUB_ANSWER" >&2
  exit 1
fi

# Portkey, the real gateway from npm, pinned by tests/bench/portkey/package-lock.json (@hono/node-server is
# overridden to 1.13.8: later versions break its streaming). Installed on first use and whenever the lock is newer
# than the install; its listen() is forced onto 127.0.0.1 by portkey/loopback.cjs, and checked below.
PORTKEY=${BENCH_PORTKEY:-1} PORTKEY_SKIPPED=""
skip_portkey() {
  PORTKEY=0 PORTKEY_SKIPPED=$1
  echo "portkey: skipped: $1" >&2
  [ -n "${PK_PID:-}" ] && kill "$PK_PID" 2>/dev/null || true
  PK_PID=""
}
if [ "$PORTKEY" = 0 ]; then
  PORTKEY_SKIPPED="BENCH_PORTKEY=0"
else
  command -v npm >/dev/null || install_missing npm
  PKDIR=$HERE/portkey
  STAMP=$PKDIR/node_modules/.bench-installed
  if [ ! -f "$STAMP" ] || [ "$PKDIR/package-lock.json" -nt "$STAMP" ] || [ "$PKDIR/package.json" -nt "$STAMP" ]; then
    echo "==> installing the Portkey gateway into $PKDIR/node_modules (npm ci)"
    if (cd "$PKDIR" && npm ci --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error >"$WORK/npm.log" 2>&1); then
      touch "$STAMP"
    else
      skip_portkey "npm ci failed in $PKDIR (npm registry unreachable?): $(grep -m1 -i 'err' "$WORK/npm.log" || tail -1 "$WORK/npm.log")"
    fi
  fi
fi
if [ "$PORTKEY" != 0 ]; then
  node --require "$PKDIR/loopback.cjs" "$PKDIR/node_modules/@portkey-ai/gateway/build/start-server.js" --port="$PK" --headless \
    >"$WORK/portkey.log" 2>&1 &
  PK_PID=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PK/" >/dev/null 2>&1 && break; sleep 0.1; done
  if ! kill -0 "$PK_PID" 2>/dev/null; then
    skip_portkey "the Portkey gateway exited at start: $(tail -3 "$WORK/portkey.log" | tr '\n' ' ')"
  elif ! curl -sf "http://127.0.0.1:$PK/" >/dev/null 2>&1; then
    skip_portkey "the Portkey gateway did not answer on 127.0.0.1:$PK within 10 s"
  else
    # Nothing of Portkey's may listen beyond loopback: neither on its port nor anywhere else in its process.
    LISTENING=$( (ss -ltnH "sport = :$PK"; ss -ltnpH | grep "pid=$PK_PID," || true) | awk '{print $4}' | sort -u)
    if echo "$LISTENING" | grep -qv -e '^127\.' -e '^\[::1\]:' -e '^$'; then
      skip_portkey "it listens beyond loopback (ss -ltn: $(echo "$LISTENING" | tr '\n' ' ')); not benchmarking it"
    else
      PK_ANSWER=$(curl -s -X POST -H 'Content-Type: application/json' -H 'Authorization: Bearer sk-bench' \
        -H 'x-portkey-provider: openai' -H "x-portkey-custom-host: http://127.0.0.1:$UP/v1" \
        --data-binary '{"model":"bench","messages":[{"role":"user","content":"hi"}]}' "http://127.0.0.1:$PK/v1/chat/completions")
      same_as_upstream "$PK_ANSWER" || skip_portkey "a call through Portkey did not return the upstream's answer: $PK_ANSWER"
    fi
  fi
fi

# One wrk run: prints "rps p50_ms p99_ms errors".
measure() {
  local url=$1 conns=$2 threads=$3 script=${4:-post.lua}
  local out
  out=$(BENCH_UPSTREAM_PORT=$UP wrk -t"$threads" -c"$conns" -d"${SECONDS_PER_RUN}s" --latency -s "$HERE/$script" "$url")
  echo "$out" >"$WORK/wrk.out"
  echo "$out" | awk -v conns="$conns" '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx/ { err += $NF }
    /Socket errors/ { split($0, a, /[ ,]+/); for (i in a) if (a[i] ~ /^[0-9]+$/) err += a[i] }
    END { printf "%.0f %.3f %.3f %d\n", rps, p50, p99, err + 0 }'
}

# Rounds: every target once per round, the rounds one after another, and the median of each figure over the
# rounds. This machine's neighbours come and go; a slow spell then lands on one round of every target instead of
# on all the runs of one, and the median leaves it out.
ROUNDS=${BENCH_ROUNDS:-3}
declare -A RPS P50 P99 ALL_RPS ALL_P50 ALL_P99 ERRORS
median() { tr ' ' '\n' | awk 'NF' | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
TARGETS=(direct nginx switchyard hub portkey)
[ "$PORTKEY" = 0 ] && TARGETS=(direct nginx switchyard hub)
printf '%-6s %-12s %5s %12s %10s %10s %7s\n' round target conns "requests/s" "p50 ms" "p99 ms" errors
for round in $(seq "$ROUNDS"); do
  for conns in 1 50; do
    threads=$([ "$conns" -eq 1 ] && echo 1 || echo 2)
    for target in "${TARGETS[@]}"; do
      script=post.lua
      case $target in
        direct) port=$UP ;; nginx) port=$PX ;; switchyard) port=$SY ;; hub) port=$HUB ;;
        portkey) port=$PK script=portkey.lua ;;
      esac
      read -r rps p50 p99 errors < <(measure "http://127.0.0.1:$port/v1/chat/completions" "$conns" "$threads" "$script")
      ALL_RPS[$target$conns]+="$rps " ALL_P50[$target$conns]+="$p50 " ALL_P99[$target$conns]+="$p99 "
      ERRORS[$target$conns]=$(( ${ERRORS[$target$conns]:-0} + errors ))
      printf '%-6s %-12s %5s %12s %10s %10s %7s\n' "$round" "$target" "$conns" "$rps" "$p50" "$p99" "$errors"
      # What the errors were (wrk counts a call that takes over 2 s as a timeout).
      [ "$errors" -eq 0 ] || grep -E 'Socket errors|Non-2xx' "$WORK/wrk.out" | sed 's/^ */             /' || true
    done
  done
done

echo
echo "median of $ROUNDS rounds ($SECONDS_PER_RUN s each); errors are the total"
printf '%-12s %5s %12s %10s %10s %7s\n' target conns "requests/s" "p50 ms" "p99 ms" errors
for conns in 1 50; do
  for target in direct nginx switchyard hub portkey; do
    if [ "$target" = portkey ] && [ "$PORTKEY" = 0 ]; then
      printf '%-12s %5s %12s\n' "$target" "$conns" "skipped ($PORTKEY_SKIPPED)"
      continue
    fi
    RPS[$target$conns]=$(echo "${ALL_RPS[$target$conns]}" | median)
    P50[$target$conns]=$(echo "${ALL_P50[$target$conns]}" | median)
    P99[$target$conns]=$(echo "${ALL_P99[$target$conns]}" | median)
    printf '%-12s %5s %12s %10s %10s %7s\n' "$target" "$conns" "${RPS[$target$conns]}" "${P50[$target$conns]}" \
      "${P99[$target$conns]}" "${ERRORS[$target$conns]}"
  done
done

echo
for conns in 1 50; do
  awk -v s="${RPS[switchyard$conns]}" -v d="${RPS[direct$conns]}" -v n="${RPS[nginx$conns]}" \
      -v sp="${P50[switchyard$conns]}" -v dp="${P50[direct$conns]}" -v np="${P50[nginx$conns]}" -v c="$conns" 'BEGIN {
    printf "c=%-3s switchyard/direct throughput %.2f, switchyard/nginx throughput %.2f, p50 added over direct %.0f us, over nginx %.0f us\n",
      c, s/d, s/n, (sp-dp)*1000, (sp-np)*1000 }'
done
for conns in 1 50; do
  awk -v h="${RPS[hub$conns]}" -v d="${RPS[direct$conns]}" -v n="${RPS[nginx$conns]}" -v s="${RPS[switchyard$conns]}" \
      -v hp="${P50[hub$conns]}" -v dp="${P50[direct$conns]}" -v np="${P50[nginx$conns]}" -v sp="${P50[switchyard$conns]}" -v c="$conns" 'BEGIN {
    printf "c=%-3s hub/direct throughput %.2f, hub/nginx throughput %.2f, hub/switchyard throughput %.2f, p50 added over direct %.0f us, over nginx %.0f us, over switchyard %.0f us\n",
      c, h/d, h/n, h/s, (hp-dp)*1000, (hp-np)*1000, (hp-sp)*1000 }'
done
if [ "$PORTKEY" != 0 ]; then
  for conns in 1 50; do
    awk -v s="${RPS[switchyard$conns]}" -v k="${RPS[portkey$conns]}" -v sp="${P50[switchyard$conns]}" -v kp="${P50[portkey$conns]}" \
        -v hp="${P50[hub$conns]}" -v h="${RPS[hub$conns]}" -v c="$conns" 'BEGIN {
      printf "c=%-3s switchyard/portkey throughput %.2f, hub/portkey throughput %.2f, p50 switchyard %.0f us below portkey, hub %.0f us below portkey\n",
        c, s/k, h/k, (kp-sp)*1000, (kp-hp)*1000 }'
  done
else
  echo "portkey: skipped ($PORTKEY_SKIPPED)"
fi
echo
peak_rss() { grep VmHWM "/proc/$1/status" | awk '{print $2 " " $3}'; }
echo "switchyard peak RSS: $(peak_rss "$SY_PID"), hub: $(peak_rss "$HUB_PID"), node: $(peak_rss "$NODE_PID")"
if [ "$PORTKEY" != 0 ]; then echo "portkey peak RSS: $(peak_rss "$PK_PID")"; fi
curl -s "http://127.0.0.1:$HUB/hub/nodes" | node -e '
  const nodes = JSON.parse(require("fs").readFileSync(0, "utf8")).nodes;
  for (const n of nodes) console.log(`hub: node ${n.name} registered ${n.registered}, served ${n.served}, errors ${n.errors}, max_parallel ${n.max_parallel}`);'

# Streaming latency: time to first token and per-event latency, direct, via nginx, via switchyard and via a
# Co-Link hub and node, each with its own processes.
echo
command -v node >/dev/null || install_missing nodejs
node "$HERE/streams.mjs" "$BIN"

# Many slow streams at once: 1,000 streaming calls, one event a second each, through a second gateway process.
echo
if [ "${SLOW_STREAMS:-1000}" = 0 ]; then
  echo "slow streams: skipped (SLOW_STREAMS=0)"
  exit 0
fi
node "$HERE/slowstreams.mjs" "$BIN" "${SLOW_STREAMS:-1000}" "${SLOW_STREAM_EVENTS:-20}"
