#!/usr/bin/env bash
# Gateway overhead benchmark, everything on 127.0.0.1, in one run:
#   direct      wrk → nginx "return 200" upstream
#   nginx       wrk → nginx proxy_pass (upstream keep-alive pool) → upstream
#   switchyard  wrk → switchyard → upstream
# Prints requests/s and p50/p99 latency for each, and Switchyard's ratios against the two references.
# Usage: tests/bench/run.sh path/to/switchyard [seconds-per-run]
set -euo pipefail
BIN=$(readlink -f "${1:?path to the switchyard binary}")
SECONDS_PER_RUN=${2:-8}
HERE=$(cd "$(dirname "$0")" && pwd)

source "$HERE/../../.ci/install-missing.sh"
# Any nginx flavour will do; install the light one only when none is there.
install_missing wrk curl
command -v nginx >/dev/null || install_missing nginx-light

WORK=$(mktemp -d)
UP=18801 PX=18802 SY=18803
cleanup() {
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  [ -n "${SY_PID:-}" ] && kill "$SY_PID" 2>/dev/null || true
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

cat > "$WORK/config.yaml" <<CONF
gateway:
  listen: 127.0.0.1:$SY
providers:
  - name: bench
    type: openai
    api_key: sk-bench
    base_url: http://127.0.0.1:$UP/v1
    models:
      - local: bench-local
        server_mapping: bench
CONF
QT_LOGGING_RULES="*.info=false" "$BIN" --headless --config "$WORK/config.yaml" --data-dir "$WORK/data" 2>"$WORK/switchyard.log" &
SY_PID=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$SY/health" >/dev/null 2>&1 && break; sleep 0.1; done

# One wrk run: prints "rps p50_ms p99_ms errors".
measure() {
  local url=$1 conns=$2 threads=$3
  local out
  out=$(wrk -t"$threads" -c"$conns" -d"${SECONDS_PER_RUN}s" --latency -s "$HERE/post.lua" "$url")
  echo "$out" | awk -v conns="$conns" '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx/ { err += $NF }
    /Socket errors/ { split($0, a, /[ ,]+/); for (i in a) if (a[i] ~ /^[0-9]+$/) err += a[i] }
    END { printf "%.0f %.3f %.3f %d\n", rps, p50, p99, err + 0 }'
}

printf '%-12s %5s %12s %10s %10s %7s\n' target conns "requests/s" "p50 ms" "p99 ms" errors
declare -A RPS P50
for conns in 1 50; do
  threads=$([ "$conns" -eq 1 ] && echo 1 || echo 2)
  for target in direct nginx switchyard; do
    case $target in
      direct) port=$UP ;; nginx) port=$PX ;; switchyard) port=$SY ;;
    esac
    read -r rps p50 p99 errors < <(measure "http://127.0.0.1:$port/v1/chat/completions" "$conns" "$threads")
    RPS[$target$conns]=$rps P50[$target$conns]=$p50
    printf '%-12s %5s %12s %10s %10s %7s\n' "$target" "$conns" "$rps" "$p50" "$p99" "$errors"
  done
done

echo
for conns in 1 50; do
  awk -v s="${RPS[switchyard$conns]}" -v d="${RPS[direct$conns]}" -v n="${RPS[nginx$conns]}" \
      -v sp="${P50[switchyard$conns]}" -v dp="${P50[direct$conns]}" -v np="${P50[nginx$conns]}" -v c="$conns" 'BEGIN {
    printf "c=%-3s switchyard/direct throughput %.2f, switchyard/nginx throughput %.2f, p50 added over direct %.0f us, over nginx %.0f us\n",
      c, s/d, s/n, (sp-dp)*1000, (sp-np)*1000 }'
done
echo
echo "switchyard peak RSS: $(grep VmHWM /proc/$SY_PID/status | awk '{print $2 " " $3}')"

# Streaming latency: time to first token and per-event latency, direct, via nginx, via switchyard and via a
# Co-Link hub and node, each with its own processes.
echo
command -v node >/dev/null || install_missing nodejs
node "$HERE/streams.mjs" "$BIN"

# Many slow streams at once: 1,000 streaming calls, one event a second each, through a second gateway process.
echo
command -v node >/dev/null || install_missing nodejs
node "$HERE/slowstreams.mjs" "$BIN" "${SLOW_STREAMS:-1000}" "${SLOW_STREAM_EVENTS:-20}"
