// Soak under faults: the real switchyard binary as a hub with three upstreams (one dead) and two Co-Link nodes
// (two more switchyard processes, each with its own upstream), driven at a steady rate with streaming and
// non-streaming calls while faults are injected at random. See docs/reliability.md, "Soak and faults".
//
//   node tests/soak/soak.mjs BINARY SECONDS [REQUESTS_PER_SECOND]
//
// Every answer is checked to the byte: each upstream answers a request with text derived from the nonce the
// client put in it, so a complete answer is recognisable and a truncated one cannot pass for complete.
// Exits non-zero when a request hung, ended silently truncated or got an answer that is neither complete nor a
// proper error; when RSS or open descriptors grew; or when the request log misses a request. Loopback only.
import http from 'node:http';
import net from 'node:net';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [binary, secondsArg, rateArg] = process.argv.slice(2);
if (!binary || !secondsArg) {
  console.error('usage: node soak.mjs BINARY SECONDS [REQUESTS_PER_SECOND]');
  process.exit(2);
}
const SECONDS = Number(secondsArg);
const RATE = Number(rateArg ?? 20);
const MODEL = 'soak-model';
// Per attempt at a live upstream: the faults and their odds.
const FAULTS = { status500: 0.03, status429: 0.03, hang: 0.015, cutMidStream: 0.03 };
const CLIENT_HANGUP = 0.04; // of streaming calls: the client goes away after the first event
const NODE_KILL_EVERY_S = [12, 25];
const NODE_DOWN_S = 3;
// Gateway timeouts for the run, and the longest a request may take before it counts as hung: every attempt
// waiting its full first-byte timeout, plus a stream's own length.
const TIMEOUTS = { connect_ms: 1000, first_byte_ms: 2500, idle_ms: 2500 };
const MAX_ATTEMPTS = 3;
const HUNG_AFTER_MS = MAX_ATTEMPTS * (TIMEOUTS.connect_ms + TIMEOUTS.first_byte_ms) + 5000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const work = mkdtempSync(join(tmpdir(), 'switchyard-soak-'));
const children = new Set();
const log = (...args) => console.log(`[soak ${new Date().toISOString().slice(11, 19)}]`, ...args);

function expectedText(nonce) {
  return `answer to ${nonce}: ` + 'the quick brown fox jumps over the lazy dog. '.repeat(3).trim();
}
function pieces(text, count) {
  const size = Math.ceil(text.length / count);
  const out = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

// ---- fake upstreams (OpenAI wire format) ----------------------------------------------------------------
const upstreamStats = {};
function fakeUpstream(name) {
  const stats = (upstreamStats[name] = { requests: 0, ok: 0, s500: 0, s429: 0, hang: 0, cut: 0, clientGone: 0 });
  const hanging = new Set();
  const server = http.createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    stats.requests++;
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: { message: 'bad json', type: 'invalid_request_error' } }));
    }
    const nonce = /nonce=(\S+)/.exec(body.messages?.[0]?.content ?? '')?.[1] ?? 'none';
    const text = expectedText(nonce);
    let gone = false;
    res.on('close', () => {
      if (!res.writableEnded) {
        gone = true;
        stats.clientGone++;
      }
    });
    const r = Math.random();
    let edge = FAULTS.status500;
    if (r < edge) {
      stats.s500++;
      res.writeHead(500, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: { message: 'The server had an error.', type: 'server_error' } }));
    }
    if (r < (edge += FAULTS.status429)) {
      stats.s429++;
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
      return res.end(JSON.stringify({ error: { message: 'Rate limit reached.', type: 'requests', code: 'rate_limit_exceeded' } }));
    }
    if (r < (edge += FAULTS.hang)) {
      stats.hang++;
      hanging.add(res); // never answers; the gateway's first-byte timeout must end it
      res.on('close', () => hanging.delete(res));
      return;
    }
    const cut = r < edge + FAULTS.cutMidStream;
    if (cut) stats.cut++;
    await sleep(10 + Math.random() * 60);
    if (gone) return;
    const id = `chatcmpl-${nonce}`;
    const usage = { prompt_tokens: 12, completion_tokens: 30, total_tokens: 42 };
    if (!body.stream) {
      const json = JSON.stringify({ id, object: 'chat.completion', created: 1, model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }], usage });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
      if (cut) {
        res.write(json.slice(0, json.length / 2));
        return void res.socket.destroy();
      }
      stats.ok++;
      return res.end(json);
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const parts = pieces(text, 8);
    const cutAt = cut ? 1 + Math.floor(Math.random() * (parts.length - 1)) : -1;
    for (let i = 0; i < parts.length && !gone; i++) {
      if (i === cutAt) return void res.socket.destroy();
      const delta = i === 0 ? { role: 'assistant', content: parts[i] } : { content: parts[i] };
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 1, model: body.model,
        choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`);
      await sleep(20 + Math.random() * 40);
    }
    if (gone) return;
    res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 1, model: body.model,
      choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage })}\n\n`);
    res.end('data: [DONE]\n\n');
    stats.ok++;
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: server.address().port, hanging })));
}

async function freePort() {
  const s = net.createServer();
  await new Promise((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = s.address().port;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

// ---- processes --------------------------------------------------------------------------------------------
function startSwitchyard(name, config, port) {
  const dir = join(work, name);
  execFileSync('mkdir', ['-p', join(dir, 'data')]);
  writeFileSync(join(dir, 'config.yaml'), config);
  const child = spawn(binary, ['--headless', '--config', join(dir, 'config.yaml'), '--data-dir', join(dir, 'data'),
    '--listen', `127.0.0.1:${port}`], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, QT_LOGGING_RULES: '*.debug=false' } });
  child.stderrTail = '';
  child.stderr.on('data', (d) => { child.stderrTail = (child.stderrTail + d).slice(-4000); });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function getJson(port, path) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path, timeout: 2000 }, (res) => {
      let data = '';
      res.on('data', (d) => (data += d));
      res.on('end', () => { try { resolve(JSON.parse(data)); } catch { resolve(null); } });
    });
    req.on('error', () => resolve(null));
    req.on('timeout', () => req.destroy());
  });
}

async function waitFor(what, condition, ms = 20_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await condition()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function processFigures(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
  return { rssMb: rssKb / 1024, fds: readdirSync(`/proc/${pid}/fd`).length };
}

// ---- one client call ---------------------------------------------------------------------------------
const outcomes = { complete: 0, properError: 0, clientHungUp: 0, hung: 0, truncated: 0, malformed: 0 };
const errorKinds = {};
const problems = [];
let sent = 0;
let inFlight = 0;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function classifyError(status, body) {
  try {
    const e = JSON.parse(body).error;
    if (e && typeof e.message === 'string') {
      errorKinds[`${status} ${e.code ?? e.type}`] = (errorKinds[`${status} ${e.code ?? e.type}`] ?? 0) + 1;
      return 'properError';
    }
  } catch {}
  return 'malformed';
}

function checkStream(raw, nonce) {
  let text = '';
  let done = false;
  for (const event of raw.split('\n\n')) {
    const data = event.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('');
    if (!data) continue;
    if (data === '[DONE]') { done = true; continue; }
    let json;
    try { json = JSON.parse(data); } catch { return 'malformed'; }
    if (json.error) {
      const key = `stream ${json.error.code ?? json.error.type}`;
      errorKinds[key] = (errorKinds[key] ?? 0) + 1;
      return 'properError';
    }
    text += json.choices?.[0]?.delta?.content ?? '';
  }
  if (done && text === expectedText(nonce)) return 'complete';
  return done ? 'malformed' : 'truncated';
}

function call(port) {
  const nonce = `${process.pid}-${++sent}`;
  const stream = Math.random() < 0.5;
  const hangUp = stream && Math.random() < CLIENT_HANGUP;
  const body = JSON.stringify({ model: MODEL, stream, messages: [{ role: 'user', content: `nonce=${nonce} hello` }] });
  inFlight++;
  const started = Date.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome, detail) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      inFlight--;
      outcomes[outcome]++;
      if (['hung', 'truncated', 'malformed'].includes(outcome) && problems.length < 20)
        problems.push(`${outcome} ${stream ? 'stream' : 'plain'} ${nonce} after ${Date.now() - started} ms: ${detail}`);
      resolve();
    };
    const req = http.request({ host: '127.0.0.1', port, path: '/v1/chat/completions', method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let raw = '';
      res.setEncoding('utf8');
      res.on('data', (d) => {
        raw += d;
        if (hangUp && raw.includes('\n\n')) {
          req.destroy();
          finish('clientHungUp', '');
        }
      });
      res.on('end', () => {
        if (res.statusCode !== 200) return finish(classifyError(res.statusCode, raw), raw.slice(0, 200));
        if (stream) return finish(checkStream(raw, nonce), raw.slice(-300));
        try {
          const text = JSON.parse(raw).choices[0].message.content;
          finish(text === expectedText(nonce) ? 'complete' : 'malformed', raw.slice(0, 200));
        } catch {
          finish('truncated', raw.slice(-200));
        }
      });
      res.on('aborted', () => finish(stream ? checkStream(raw, nonce) === 'properError' ? 'properError' : 'truncated' : 'truncated', `aborted: ${raw.slice(-300)}`));
      res.on('error', () => {});
    });
    const deadline = setTimeout(() => { finish('hung', 'no end'); req.destroy(); }, HUNG_AFTER_MS);
    req.on('error', (e) => finish(hangUp && settled ? 'clientHungUp' : 'truncated', `socket: ${e.message}`));
    req.end(body);
  });
}

// ---- the run ----------------------------------------------------------------------------------------------
async function main() {
  const upA = await fakeUpstream('provider-a');
  const upB = await fakeUpstream('provider-b');
  const deadPort = await freePort(); // provider-c: nothing listens there
  const upN1 = await fakeUpstream('node-1-upstream');
  const upN2 = await fakeUpstream('node-2-upstream');
  const hubPort = await freePort();
  const nodePorts = [await freePort(), await freePort()];
  const timeouts = Object.entries(TIMEOUTS).map(([k, v]) => `    ${k}: ${v}`).join('\n');
  const provider = (name, port) => `  - name: ${name}
    type: openai
    base_url: http://127.0.0.1:${port}/v1
    api_key: none
    max_parallel: 64
    models:
      - local: upstream-model
        server_mapping: ${MODEL}`;
  const hubConfig = `gateway:
  ban_seconds: 2
  max_attempts: ${MAX_ATTEMPTS}
  timeouts:
${timeouts}
hub:
  node_tokens:
    - "client-soak-node-1-token"
    - "client-soak-node-2-token"
providers:
${provider('provider-a', upA.port)}
${provider('provider-b', upB.port)}
${provider('provider-c-dead', deadPort)}
`;
  const nodeConfig = (i, port) => `client_token: "client-soak-node-${i}-token"
server_url: "ws://127.0.0.1:${hubPort}/ws"
max_parallel: 32
gateway:
  ban_seconds: 2
  timeouts:
${timeouts}
providers:
${provider(`node-${i}-provider`, port)}
`;
  log(`work dir ${work}; ${SECONDS} s at ${RATE} requests/s`);
  const hub = startSwitchyard('hub', hubConfig, hubPort);
  await waitFor('the hub', async () => (await getJson(hubPort, '/health'))?.status);
  const nodes = [null, null];
  const startNode = (i) => {
    nodes[i] = startSwitchyard(`node-${i + 1}`, nodeConfig(i + 1, [upN1, upN2][i].port), nodePorts[i]);
  };
  const registeredNodes = async () => ((await getJson(hubPort, '/hub/nodes'))?.nodes ?? []).filter((n) => n.registered).length;
  startNode(0);
  startNode(1);
  await waitFor('both nodes to register', async () => (await registeredNodes()) === 2);
  log('hub and both nodes up');

  // Warm-up, so the baseline is the working set and not the empty process.
  for (let i = 0; i < 40; i++) await call(hubPort);
  for (const k of Object.keys(outcomes)) outcomes[k] = 0;
  for (const k of Object.keys(errorKinds)) delete errorKinds[k];
  sent = 0;
  const samples = [{ t: 0, ...processFigures(hub.pid) }];
  const baseline = samples[0];
  log(`baseline: RSS ${baseline.rssMb.toFixed(1)} MB, ${baseline.fds} open descriptors`);

  const started = Date.now();
  const endAt = started + SECONDS * 1000;
  const calls = [];
  let nodeKills = 0;
  let nextKill = started + 1000 * (NODE_KILL_EVERY_S[0] + Math.random() * (NODE_KILL_EVERY_S[1] - NODE_KILL_EVERY_S[0]));
  let nextSample = started + 2000;
  let tick = 0;
  while (Date.now() < endAt) {
    // A steady rate: the n-th call leaves at started + n/RATE, however long the others take.
    const due = started + (tick * 1000) / RATE;
    if (due > Date.now()) await sleep(due - Date.now());
    tick++;
    calls.push(call(hubPort));
    const now = Date.now();
    if (now >= nextKill) {
      const i = Math.floor(Math.random() * 2);
      log(`killing node ${i + 1} (SIGKILL), restarting it in ${NODE_DOWN_S} s`);
      nodes[i].kill('SIGKILL');
      nodeKills++;
      setTimeout(() => startNode(i), NODE_DOWN_S * 1000);
      nextKill = now + 1000 * (NODE_KILL_EVERY_S[0] + Math.random() * (NODE_KILL_EVERY_S[1] - NODE_KILL_EVERY_S[0]));
    }
    if (now >= nextSample) {
      samples.push({ t: (now - started) / 1000, ...processFigures(hub.pid) });
      nextSample = now + 2000;
    }
  }
  log(`sent ${sent} requests; waiting for the last ones`);
  await Promise.all(calls);
  agent.destroy();
  // The hanging upstream answers are over (the gateway gave up on them); let the sockets close and the log flush.
  await sleep(TIMEOUTS.first_byte_ms + 1500);
  await waitFor('both nodes to be back', async () => (await registeredNodes()) === 2, 15_000).catch(() => {});
  // Idle keep-alive connections to the upstreams stay pooled for 30 s (UpstreamPool): descriptors count as
  // leaked only if they outlive that.
  await waitFor('descriptors back to the baseline', async () => processFigures(hub.pid).fds <= baseline.fds + 4, 35_000)
    .catch(() => {});
  const end = processFigures(hub.pid);
  samples.push({ t: (Date.now() - started) / 1000, ...end });

  const rows = Number(execFileSync('sqlite3', [join(work, 'hub', 'data', 'requests.sqlite'),
    `SELECT count(*) FROM requests WHERE endpoint = '/v1/chat/completions' AND ts_ms >= ${started}`]).toString().trim());
  const logged = execFileSync('sqlite3', [join(work, 'hub', 'data', 'requests.sqlite'),
    `SELECT backend || ' ' || status || ' ' || count(*) FROM (SELECT status,
       CASE WHEN provider LIKE 'node:%' THEN 'nodes' ELSE coalesce(provider, '-') END AS backend FROM requests
       WHERE endpoint = '/v1/chat/completions' AND ts_ms >= ${started}) GROUP BY backend, status ORDER BY count(*) DESC`]).toString().trim();
  const attempts = execFileSync('sqlite3', [join(work, 'hub', 'data', 'requests.sqlite'),
    `SELECT attempts || ' attempt(s): ' || count(*) FROM requests WHERE endpoint = '/v1/chat/completions' AND ts_ms >= ${started} GROUP BY attempts`]).toString().trim();

  // ---- report ----
  const answered = sent - outcomes.clientHungUp;
  const quarter = samples.slice(0, Math.max(1, Math.ceil(samples.length / 4)));
  const lastQuarter = samples.slice(-Math.max(1, Math.ceil(samples.length / 4)));
  const avg = (list, key) => list.reduce((s, x) => s + x[key], 0) / list.length;
  const rssFirst = avg(quarter, 'rssMb');
  const rssLast = avg(lastQuarter, 'rssMb');
  const peakRss = Math.max(...samples.map((s) => s.rssMb));
  console.log('\n== soak result ==');
  console.log(`duration            ${SECONDS} s at ${RATE} requests/s, ${nodeKills} node kill(s)`);
  console.log(`requests            ${sent}`);
  for (const [k, v] of Object.entries(outcomes)) console.log(`  ${k.padEnd(18)}${v}`);
  console.log(`success rate        ${(100 * outcomes.complete / answered).toFixed(2)} % of ${answered} (client hang-ups excluded)`);
  console.log(`errors seen         ${JSON.stringify(errorKinds)}`);
  console.log(`upstreams           ${JSON.stringify(upstreamStats)}`);
  console.log(`request log         ${rows} rows for ${sent} requests\n${logged.replace(/^/gm, '  ')}\n${attempts.replace(/^/gm, '  ')}`);
  console.log(`hub RSS             baseline ${baseline.rssMb.toFixed(1)} MB, first quarter ${rssFirst.toFixed(1)}, last quarter ${rssLast.toFixed(1)}, peak ${peakRss.toFixed(1)}, end ${end.rssMb.toFixed(1)}`);
  console.log(`hub descriptors     baseline ${baseline.fds}, peak ${Math.max(...samples.map((s) => s.fds))}, end ${end.fds}`);
  for (const p of problems) console.log(`  problem: ${p}`);

  const failures = [];
  if (outcomes.hung) failures.push(`${outcomes.hung} request(s) hung past ${HUNG_AFTER_MS} ms`);
  if (outcomes.truncated) failures.push(`${outcomes.truncated} answer(s) truncated without an error`);
  if (outcomes.malformed) failures.push(`${outcomes.malformed} answer(s) neither complete nor a proper error`);
  if (rows !== sent) failures.push(`the request log has ${rows} rows for ${sent} requests`);
  if (outcomes.complete / answered < 0.9) failures.push('success rate under 90 %');
  // Flat: the last quarter within 15 % (+4 MB of allocator slack) of the first; descriptors back near baseline.
  if (rssLast > rssFirst * 1.15 + 4) failures.push(`RSS grew from ${rssFirst.toFixed(1)} to ${rssLast.toFixed(1)} MB`);
  if (end.fds > baseline.fds + 4) failures.push(`open descriptors grew from ${baseline.fds} to ${end.fds}`);
  if (hub.exitCode !== null) failures.push(`the hub exited (${hub.exitCode}): ${hub.stderrTail}`);
  console.log(failures.length ? `\nFAILED:\n  ${failures.join('\n  ')}` : '\nPASSED');
  return failures.length ? 1 : 0;
}

let status = 1;
try {
  status = await main();
} catch (e) {
  console.error(`soak: ${e.stack ?? e}`);
  for (const c of children) console.error(`--- stderr of pid ${c.pid}:\n${c.stderrTail}`);
}
for (const c of children) c.kill('SIGTERM');
await sleep(500);
for (const c of children) c.kill('SIGKILL');
if (!status) rmSync(work, { recursive: true, force: true });
else console.log(`(work dir kept: ${work})`);
process.exit(status);
