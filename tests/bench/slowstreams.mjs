// Many slow streams at once (docs/benchmarks.md, "Slow streams"): N concurrent streaming calls through the
// real binary to an upstream that sends one event a second, as long generations do. Measures that every stream
// completes byte-exact, the gateway's peak RSS, and its CPU use between events (from /proc/PID/stat).
//
//   node tests/bench/slowstreams.mjs BINARY [STREAMS=1000] [EVENTS=20]
import http from 'node:http';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [binary, streamsArg, eventsArg] = process.argv.slice(2);
if (!binary) {
  console.error('usage: node slowstreams.mjs BINARY [STREAMS] [EVENTS]');
  process.exit(2);
}
const STREAMS = Number(streamsArg ?? 1000);
const EVENTS = Number(eventsArg ?? 20);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const work = mkdtempSync(join(tmpdir(), 'switchyard-slow-'));
const ticksPerSecond = 100; // USER_HZ on Linux

// The upstream: one event a second per stream, all streams' events in the same tick so that the gateway's
// idle time between ticks is measurable.
const open = new Set();
const upstream = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const stream = { res, sent: 0 };
    open.add(stream);
    res.on('close', () => open.delete(stream));
  });
});
const tick = setInterval(() => {
  for (const s of open) {
    if (s.sent < EVENTS) {
      s.res.write(`data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"e${s.sent} "},"finish_reason":null}]}\n\n`);
      s.sent++;
    } else {
      s.res.end('data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n');
      open.delete(s);
    }
  }
}, 1000);
await new Promise((resolve) => upstream.listen(0, '127.0.0.1', resolve));

const portServer = net.createServer();
await new Promise((resolve) => portServer.listen(0, '127.0.0.1', resolve));
const port = portServer.address().port;
await new Promise((resolve) => portServer.close(resolve));

writeFileSync(join(work, 'config.yaml'), `gateway:
  max_connections_per_client: ${STREAMS + 100}
providers:
  - name: slow
    type: openai
    base_url: http://127.0.0.1:${upstream.address().port}/v1
    api_key: none
    models: [{local: m, server_mapping: slow-model}]
`);
const gateway = spawn(binary, ['--headless', '--config', join(work, 'config.yaml'), '--data-dir', join(work, 'data'),
  '--listen', `127.0.0.1:${port}`], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, QT_LOGGING_RULES: '*.info=false' } });
const figures = () => {
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${gateway.pid}/status`, 'utf8'))[1]);
  const stat = readFileSync(`/proc/${gateway.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { rssMb: rssKb / 1024, cpuTicks: Number(stat[11]) + Number(stat[12]) };
};
for (let i = 0; i < 100; i++) {
  const up = await new Promise((resolve) => http.get({ host: '127.0.0.1', port, path: '/health' }, (r) => { r.resume(); resolve(true); }).on('error', () => resolve(false)));
  if (up) break;
  await sleep(100);
}
const idle = figures();

const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
let complete = 0;
let failed = 0;
const failures = [];
const body = JSON.stringify({ model: 'slow-model', stream: true, messages: [{ role: 'user', content: 'go' }] });
const expected = Array.from({ length: EVENTS }, (_, i) => `e${i} `).join('');
const started = Date.now();
const calls = Array.from({ length: STREAMS }, () => new Promise((resolve) => {
  const req = http.request({ host: '127.0.0.1', port, path: '/v1/chat/completions', method: 'POST', agent,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
    let raw = '';
    res.setEncoding('utf8');
    res.on('data', (d) => (raw += d));
    res.on('end', () => {
      let text = '';
      for (const line of raw.split('\n')) {
        if (!line.startsWith('data: {')) continue;
        text += JSON.parse(line.slice(6)).choices?.[0]?.delta?.content ?? '';
      }
      if (res.statusCode === 200 && raw.includes('[DONE]') && text === expected) complete++;
      else if (failures.push(`${res.statusCode}: ${raw.slice(0, 160)}`) && ++failed) {}
      resolve();
    });
  });
  req.on('error', (e) => { failed++; failures.push(e.message); resolve(); });
  req.end(body);
}));

// Sample RSS throughout, and CPU over the middle of the run (all streams open, events flowing once a second).
let peakRss = 0;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, figures().rssMb); }, 250);
await sleep(Math.min(5, EVENTS / 4) * 1000);
const midStart = figures();
const midStartAt = Date.now();
await sleep(Math.max(2, EVENTS / 2) * 1000);
const midEnd = figures();
const midSeconds = (Date.now() - midStartAt) / 1000;
await Promise.all(calls);
clearInterval(sampler);
clearInterval(tick);
const total = (Date.now() - started) / 1000;
const cpuPercent = (100 * (midEnd.cpuTicks - midStart.cpuTicks)) / ticksPerSecond / midSeconds;

console.log(`slow streams: ${STREAMS} concurrent, ${EVENTS} events each at 1/s`);
console.log(`  complete          ${complete}/${STREAMS} (failed ${failed})`);
console.log(`  wall clock        ${total.toFixed(1)} s`);
console.log(`  RSS               idle ${idle.rssMb.toFixed(1)} MB, peak ${peakRss.toFixed(1)} MB (${((peakRss - idle.rssMb) * 1024 / STREAMS).toFixed(1)} KB per stream)`);
console.log(`  CPU while open    ${cpuPercent.toFixed(1)} % of one core over ${midSeconds.toFixed(0)} s (${STREAMS} events/s relayed)`);
for (const f of failures.slice(0, 5)) console.log(`  failure: ${f}`);
gateway.kill('SIGTERM');
upstream.close();
rmSync(work, { recursive: true, force: true });
process.exit(complete === STREAMS ? 0 : 1);
