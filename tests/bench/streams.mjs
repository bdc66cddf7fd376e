// Streaming latency (docs/benchmarks.md): time to first token and the latency each relayed SSE event picks up,
// everything on 127.0.0.1, in one run, along four paths:
//   direct      client → upstream
//   nginx       client → nginx proxy_pass (proxy_buffering off, keep-alive upstream pool) → upstream
//   switchyard  client → switchyard (headless) → upstream
//   hub         client → switchyard hub → switchyard Co-Link node (WebSocket) → upstream
// Targets (the benchmark issue): time to first token through Switchyard within 1 ms of direct; each relayed
// event adds at most 100 µs. The hub path is held to the same figures.
//
//   node tests/bench/streams.mjs BINARY [STREAMS=200] [EVENTS=20] [SPACING_MS=5]
//   env: STREAMS_COUNT, STREAMS_EVENTS, STREAMS_SPACING_MS (the same three, when not given as arguments),
//        STREAMS_CONCURRENCY=10 (the second table; 0 leaves it out), STREAMS_WARMUP=20 (streams per path, not
//        counted), STREAMS_NGINX=path/to/nginx (default: the first nginx on PATH; none skips the nginx path)
//
// The upstream runs in its own Node process, so the client's event loop never delays it. It sends EVENTS chat
// completion chunks SPACING_MS apart (idle in between: the figures are latency, not throughput), and puts
// process.hrtime.bigint() (CLOCK_MONOTONIC, one clock for every process on Linux) into each chunk right before
// writing it. The client parses SSE as bytes arrive and takes its own hrtime per event, so an event's one-way
// latency is its arrival minus the time in it; time to first token is the first event's arrival minus the
// request's start. Every stream is checked: status 200, all EVENTS chunks in order with their exact text, the
// stop chunk, then [DONE] and nothing after it. A benchmark, not a test: it asserts no figure, but exits 1 when
// any stream failed (warm-up included).
import http from 'node:http';
import net from 'node:net';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const chunkJson = (fields) => JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1,
  model: 'bench-upstream', ...fields });

// ---- the upstream (child process: node streams.mjs --upstream EVENTS SPACING_MS) ------------------------------
if (process.argv[2] === '--upstream') {
  const events = Number(process.argv[3]);
  const spacing = Number(process.argv[4]);
  const server = http.createServer((req, res) => {
    if (req.method === 'GET') return void res.end('ok'); // readiness, directly and through nginx
    req.resume();
    req.on('end', () => {
      let gone = false;
      res.on('close', () => (gone = true));
      // Headers leave with the first event: the upstream thinks for no time at all.
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      let i = 0;
      const next = () => {
        if (gone) return;
        if (i < events) {
          const head = `data: ${chunkJson({ choices: [{ index: 0, delta: { content: `e${i}` }, finish_reason: null }] }).slice(0, -1)},"sent_ns":"`;
          res.write(`${head}${process.hrtime.bigint()}"}\n\n`);
          i++;
          return void setTimeout(next, spacing);
        }
        res.end(`data: ${chunkJson({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`);
      };
      next();
    });
  });
  server.keepAliveTimeout = 120_000;
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
  process.on('SIGTERM', () => process.exit(0));
} else {
  await main();
}

async function main() {
  const [binaryArg, streamsArg, eventsArg, spacingArg] = process.argv.slice(2);
  if (!binaryArg) {
    console.error('usage: node streams.mjs BINARY [STREAMS] [EVENTS] [SPACING_MS]');
    process.exit(2);
  }
  const binary = binaryArg;
  const STREAMS = Number(streamsArg ?? process.env.STREAMS_COUNT ?? 200);
  const EVENTS = Number(eventsArg ?? process.env.STREAMS_EVENTS ?? 20);
  const SPACING = Number(spacingArg ?? process.env.STREAMS_SPACING_MS ?? 5);
  if (!(STREAMS >= 1 && EVENTS >= 1 && SPACING >= 0)) {
    console.error('STREAMS and EVENTS must be at least 1, SPACING_MS at least 0');
    process.exit(2);
  }
  const CONCURRENCY = Number(process.env.STREAMS_CONCURRENCY ?? 10);
  const WARMUP = Number(process.env.STREAMS_WARMUP ?? 20);
  const MODEL = 'bench-stream';
  const NODE_TOKEN = 'client-bench-streams-node';
  const STREAM_TIMEOUT_MS = 10_000 + EVENTS * SPACING * 4;
  const TTFT_TARGET_US = 1000;
  const EVENT_TARGET_US = 100;

  const work = mkdtempSync(join(tmpdir(), 'switchyard-streams-'));
  const children = new Set();
  const cleanup = () => {
    for (const child of children) child.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  };
  process.on('exit', cleanup); // also after an uncaught error in the set-up
  process.on('SIGINT', () => process.exit(130));
  process.on('SIGTERM', () => process.exit(143));

  const freePort = async () => {
    const s = net.createServer();
    await new Promise((resolve) => s.listen(0, '127.0.0.1', resolve));
    const port = s.address().port;
    await new Promise((resolve) => s.close(resolve));
    return port;
  };
  const start = (name, command, args, env = {}) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    child.name = name;
    child.stderrTail = '';
    child.stderr.on('data', (d) => { child.stderrTail = (child.stderrTail + d).slice(-2000); });
    children.add(child);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (!finished) console.error(`[streams] ${name} exited (${code ?? signal}): ${child.stderrTail.trim().slice(-500)}`);
    });
    return child;
  };
  let finished = false;
  const getText = (port, path) => new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path, timeout: 2000 }, (res) => {
      let data = '';
      res.on('data', (d) => (data += d));
      res.on('end', () => resolve(res.statusCode === 200 ? data : null));
    });
    req.on('error', () => resolve(null));
    req.on('timeout', () => req.destroy());
  });
  const waitFor = async (what, condition, ms = 20_000) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (await condition()) return;
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const switchyard = (name, config, port) => {
    const dir = join(work, name);
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'config.yaml'), config);
    return start(name, binary, ['--headless', '--config', join(dir, 'config.yaml'), '--data-dir', join(dir, 'data'),
      '--listen', `127.0.0.1:${port}`], { QT_LOGGING_RULES: '*.info=false' });
  };

  // ---- set-up ---------------------------------------------------------------------------------------------
  const upstream = start('upstream', process.execPath, [fileURLToPath(import.meta.url), '--upstream', String(EVENTS), String(SPACING)]);
  const upPort = await new Promise((resolve, reject) => {
    let out = '';
    upstream.stdout.on('data', (d) => { out += d; if (out.includes('\n')) resolve(Number(out.trim())); });
    upstream.on('exit', () => reject(new Error('the upstream did not start')));
  });
  const paths = [{ name: 'direct', port: upPort }];

  let nginx = process.env.STREAMS_NGINX;
  if (nginx === undefined) {
    try { nginx = execFileSync('sh', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], { encoding: 'utf8' }).trim(); } catch { nginx = ''; }
  }
  if (nginx && nginx !== 'none') {
    const pxPort = await freePort();
    const dir = join(work, 'nginx');
    mkdirSync(join(dir, 'logs'), { recursive: true });
    writeFileSync(join(dir, 'nginx.conf'), `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}; proxy_temp_path ${dir};
  fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  upstream model_upstream { server 127.0.0.1:${upPort}; keepalive 64; }
  server {
    listen 127.0.0.1:${pxPort};
    location / {
      proxy_pass http://model_upstream;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering off;
    }
  }
}
`);
    start('nginx', nginx, ['-c', join(dir, 'nginx.conf'), '-p', dir]);
    await waitFor('nginx', async () => (await getText(pxPort, '/ready')) === 'ok');
    paths.push({ name: 'nginx', port: pxPort });
  } else {
    console.log('nginx not found: the nginx path is left out');
  }

  const provider = `providers:
  - name: bench
    type: openai
    base_url: http://127.0.0.1:${upPort}/v1
    api_key: none
    max_parallel: 64
    models:
      - local: bench-upstream
        server_mapping: ${MODEL}
`;
  const syPort = await freePort();
  const hubPort = await freePort();
  const nodePort = await freePort();
  switchyard('switchyard', provider, syPort);
  // The hub has no provider of its own: the model exists only on the node.
  switchyard('hub', `hub:\n  node_tokens:\n    - "${NODE_TOKEN}"\n`, hubPort);
  await waitFor('the hub', async () => (await getText(hubPort, '/health')) !== null);
  switchyard('node', `client_token: "${NODE_TOKEN}"\nserver_url: "ws://127.0.0.1:${hubPort}/ws"\nmax_parallel: 64\n${provider}`, nodePort);
  await waitFor('switchyard', async () => (await getText(syPort, '/health')) !== null);
  await waitFor('the node to register with the hub', async () => {
    try {
      return JSON.parse(await getText(hubPort, '/hub/nodes')).nodes.some((n) => n.registered && n.models.includes(MODEL));
    } catch { return false; }
  });
  paths.push({ name: 'switchyard', port: syPort }, { name: 'hub', port: hubPort });

  // ---- one stream -------------------------------------------------------------------------------------------
  const body = JSON.stringify({ model: MODEL, stream: true, messages: [{ role: 'user', content: 'go' }] });
  const failures = [];
  // Resolves to { ttftUs, eventUs: [...] } for a complete, exact stream; or { error }.
  const oneStream = (path) => new Promise((resolve) => {
    let settled = false;
    const startedAt = process.hrtime.bigint();
    const eventUs = [];
    let firstAt = null;
    let pending = '';
    let next = 0; // the next content event expected
    let stopped = false;
    let done = false;
    let error = null;
    const fail = (why) => { if (!error) error = why; };
    const settle = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(result);
    };
    const onEvent = (event, arrivedAt) => {
      const data = event.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
      if (!data) return; // comments, keep-alives
      if (done) return fail(`data after [DONE]: ${data.slice(0, 120)}`);
      if (data === '[DONE]') { done = true; return; }
      let json;
      try { json = JSON.parse(data); } catch { return fail(`not JSON: ${data.slice(0, 120)}`); }
      if (json.error) return fail(`error event: ${data.slice(0, 200)}`);
      const choice = json.choices?.[0];
      if (!choice) return fail(`no choices: ${data.slice(0, 120)}`);
      if (choice.finish_reason === 'stop') {
        if (next !== EVENTS || stopped) fail(`stop after ${next} of ${EVENTS} events`);
        stopped = true;
        return;
      }
      const content = choice.delta?.content;
      if (content === undefined || content === '') return; // e.g. a role-only chunk
      if (stopped) return fail('content after the stop chunk');
      if (content !== `e${next}`) return fail(`event ${next}: content ${JSON.stringify(content)}`);
      if (typeof json.sent_ns !== 'string') return fail(`event ${next}: no sent_ns: ${data.slice(0, 200)}`);
      if (next === 0) firstAt = arrivedAt;
      eventUs.push(Number(arrivedAt - BigInt(json.sent_ns)) / 1000);
      next++;
    };
    const req = http.request({ host: '127.0.0.1', port: path.port, path: '/v1/chat/completions', method: 'POST',
      agent: path.agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      if (res.statusCode !== 200) fail(`status ${res.statusCode}`);
      res.setEncoding('utf8');
      res.on('data', (d) => {
        const arrivedAt = process.hrtime.bigint(); // one arrival time for every event this read completes
        pending += d;
        if (pending.includes('\r')) pending = pending.replace(/\r\n/g, '\n');
        let end;
        while ((end = pending.indexOf('\n\n')) >= 0) {
          onEvent(pending.slice(0, end), arrivedAt);
          pending = pending.slice(end + 2);
        }
      });
      res.on('end', () => {
        if (!error && res.statusCode === 200) {
          if (next !== EVENTS) fail(`${next} of ${EVENTS} events`);
          else if (!stopped) fail('no stop chunk');
          else if (!done) fail('no [DONE]');
          else if (pending.trim()) fail(`trailing bytes: ${pending.slice(0, 120)}`);
        }
        if (error) return settle({ error: `${error}${res.statusCode !== 200 ? `: ${pending.slice(0, 200)}` : ''}` });
        settle({ ttftUs: Number(firstAt - startedAt) / 1000, eventUs });
      });
      res.on('close', () => { if (!res.complete) settle({ error: `cut off after ${next} events` }); });
      res.on('error', () => {});
    });
    const deadline = setTimeout(() => { settle({ error: `no end after ${STREAM_TIMEOUT_MS} ms (${next} events)` }); req.destroy(); }, STREAM_TIMEOUT_MS);
    req.on('error', (e) => settle({ error: `socket: ${e.message}` }));
    req.end(body);
  });

  // ---- the runs ---------------------------------------------------------------------------------------------
  // Paths are interleaved, round by round, with the order rotated every round: this machine is shared (builds,
  // profilers), and a load spike then lands on every path alike instead of on whichever block ran during it;
  // the rotation keeps any "who goes first after an idle moment" effect from always favouring one path.
  // Concurrency c means c streams at once on one path at a time, never two paths at once.
  const run = async (concurrency, rounds, record) => {
    for (const path of paths) {
      path.agent?.destroy();
      path.agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
    }
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < paths.length; k++) {
        const path = paths[(r + k) % paths.length];
        const results = await Promise.all(Array.from({ length: concurrency }, () => oneStream(path)));
        for (const result of results) {
          if (result.error) {
            path.failed = (path.failed ?? 0) + 1;
            if (failures.length < 20) failures.push(`${path.name} c=${concurrency}: ${result.error}`);
            if (record) record(path).failed++;
            continue;
          }
          if (record) {
            const figures = record(path);
            figures.ok++;
            figures.ttft.push(result.ttftUs);
            figures.events.push(...result.eventUs);
          }
        }
      }
    }
  };
  const roundsFor = (concurrency) => Math.max(1, Math.round(STREAMS / concurrency));
  const percentile = (sorted, p) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
  const us = (v) => (Number.isFinite(v) ? v.toFixed(0) : '-');
  const signed = (v) => (Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${v.toFixed(0)}` : '-');
  const report = (concurrency, table) => {
    const rows = {};
    const rounds = roundsFor(concurrency);
    console.log(`\nconcurrency ${concurrency}: ${rounds * concurrency} streams per path${concurrency > 1 ? ` (${rounds} rounds of ${concurrency})` : ''}`);
    console.log(`${'path'.padEnd(11)} ${'ok'.padStart(5)} ${'failed'.padStart(6)}   ${'TTFT p50'.padStart(8)} ${'p99'.padStart(7)}   ${'event p50'.padStart(9)} ${'p99'.padStart(7)}   (µs)`);
    for (const path of paths) {
      const f = table.get(path.name) ?? { ok: 0, failed: 0, ttft: [], events: [] };
      const ttft = [...f.ttft].sort((a, b) => a - b);
      const events = [...f.events].sort((a, b) => a - b);
      rows[path.name] = { ttft50: percentile(ttft, 50), ttft99: percentile(ttft, 99), ev50: percentile(events, 50), ev99: percentile(events, 99) };
      const r = rows[path.name];
      console.log(`${path.name.padEnd(11)} ${String(f.ok).padStart(5)} ${String(f.failed).padStart(6)}   ${us(r.ttft50).padStart(8)} ${us(r.ttft99).padStart(7)}   ${us(r.ev50).padStart(9)} ${us(r.ev99).padStart(7)}`);
    }
    for (const name of ['switchyard', 'hub']) {
      const r = rows[name];
      const parts = [];
      for (const base of ['direct', 'nginx']) {
        const b = rows[base];
        if (!b) continue;
        const dt = r.ttft50 - b.ttft50;
        const de = r.ev50 - b.ev50;
        const verdict = (v, target) => (!Number.isFinite(v) ? 'n/a' : v <= target ? 'met' : 'MISSED');
        const ratio = (a, c) => (Number.isFinite(a / c) ? (a / c).toFixed(2) : '-');
        parts.push(`vs ${base}: TTFT ${signed(dt)} µs (×${ratio(r.ttft50, b.ttft50)}, ${verdict(dt, TTFT_TARGET_US)}), ` +
          `per event ${signed(de)} µs (×${ratio(r.ev50, b.ev50)}, ${verdict(de, EVENT_TARGET_US)})`);
      }
      console.log(`  ${name.padEnd(10)} ${parts.join('; ')}`);
    }
  };

  console.log(`streaming: ${EVENTS} events per stream, ${SPACING} ms apart; p50 added is path p50 minus reference p50;` +
    ` targets TTFT ≤ +${TTFT_TARGET_US} µs, per event ≤ +${EVENT_TARGET_US} µs over direct (paths interleaved)`);
  console.log(`load average at start ${loadavg().map((l) => l.toFixed(2)).join(' ')}, warm-up ${WARMUP} streams per path`);
  let exitCode = 0;
  try {
    await run(1, WARMUP, null);
    const levels = [1, ...(CONCURRENCY > 1 ? [CONCURRENCY] : [])];
    for (const concurrency of levels) {
      const table = new Map();
      const record = (path) => {
        if (!table.has(path.name)) table.set(path.name, { ok: 0, failed: 0, ttft: [], events: [] });
        return table.get(path.name);
      };
      if (concurrency > 1) await run(concurrency, 2, null); // the extra connections, opened before measuring
      await run(concurrency, roundsFor(concurrency), record);
      report(concurrency, table);
    }
    const failedTotal = paths.reduce((n, p) => n + (p.failed ?? 0), 0);
    console.log(`\nfailed streams, warm-up included: ${failedTotal}` +
      (failedTotal ? ` (${paths.filter((p) => p.failed).map((p) => `${p.name} ${p.failed}`).join(', ')})` : ''));
    for (const f of failures) console.log(`  failure: ${f}`);
    if (failedTotal) exitCode = 1;
  } catch (e) {
    console.error(`[streams] ${e.message}`);
    exitCode = 1;
  }
  finished = true;
  for (const path of paths) path.agent?.destroy();
  process.exit(exitCode);
}
