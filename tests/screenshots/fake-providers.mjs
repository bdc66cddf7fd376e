// Fake model providers for the screenshot run: each speaks a real wire format on 127.0.0.1 so that Switchyard
// relays, translates, counts tokens and fails over exactly as it would against the real services.
//
//   node fake-providers.mjs providers.json
//
// providers.json: [{"name": "openai", "port": 18801, "format": "openai" | "anthropic", "key": "sk-...",
//                   "models": ["gpt-4o"], "latency": [min_ms, max_ms], "fail429": 0.1, "fail500": 0.05}]
// "key" (optional) is the API key the provider insists on (401 otherwise). Prints one line "ready" when
// every server listens. Plain node:http, no packages.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

const providers = JSON.parse(readFileSync(process.argv[2], 'utf8'));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const between = ([min, max]) => Math.round(min + Math.random() * (max - min));

const ANSWERS = [
  'Switchyard routes each model name to the providers that serve it and fails over before the first byte.',
  'Here is a short summary: the build passed, two tests were flaky, and the release notes are ready.',
  'A haiku: quiet rails at dusk / one signal turns to green / the night train rolls on.',
  'The capital of Australia is Canberra, chosen as a compromise between Sydney and Melbourne.',
  'Sure. First install the dependencies, then run the migration, and finally restart the service.',
  '你好！这是一个来自本地网关的回答。',
];

function countTokens(messages) {
  let chars = 0;
  for (const m of messages ?? []) {
    if (typeof m.content === 'string') chars += m.content.length;
    else if (Array.isArray(m.content)) for (const p of m.content) chars += (p.text ?? '').length;
  }
  return Math.max(8, Math.round(chars / 4) + 7);
}

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

// The errors each API really sends, in its own shape.
function openaiError(res, status) {
  if (status === 401)
    return sendJson(res, 401, { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error',
                                         param: null, code: 'invalid_api_key' } });
  if (status === 404)
    return sendJson(res, 404, { error: { message: 'The model does not exist or you do not have access to it.',
                                         type: 'invalid_request_error', param: 'model', code: 'model_not_found' } });
  if (status === 429)
    return sendJson(res, 429, { error: { message: 'Rate limit reached for requests per minute (RPM). Please try again in 2s.',
                                         type: 'requests', param: null, code: 'rate_limit_exceeded' } },
                    { 'retry-after': '2' });
  return sendJson(res, 500, { error: { message: 'The server had an error while processing your request.',
                                       type: 'server_error', param: null, code: null } });
}

function anthropicError(res, status) {
  const types = { 401: 'authentication_error', 404: 'not_found_error', 429: 'rate_limit_error', 500: 'api_error' };
  const messages = { 401: 'invalid x-api-key', 404: 'model: not found', 429: 'Number of requests has exceeded your rate limit.',
                     500: 'Internal server error' };
  const s = types[status] ? status : 500;
  return sendJson(res, s, { type: 'error', error: { type: types[s], message: messages[s] } },
                  s === 429 ? { 'retry-after': '2' } : {});
}

function pickFailure(p) {
  const r = Math.random();
  if (r < (p.fail429 ?? 0)) return 429;
  if (r < (p.fail429 ?? 0) + (p.fail500 ?? 0)) return 500;
  return 0;
}

function words(text) {
  return text.split(/(?<= )/);
}

async function openaiChat(p, req, res, body) {
  const model = body.model;
  if (!p.models.includes(model)) return openaiError(res, 404);
  await sleep(between(p.latency ?? [80, 400]));
  const fail = pickFailure(p);
  if (fail) return openaiError(res, fail);
  const answer = ANSWERS[Math.floor(Math.random() * ANSWERS.length)];
  const prompt = countTokens(body.messages);
  const completion = Math.max(4, Math.round(answer.length / 4));
  const usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
  const id = `chatcmpl-${randomUUID().replaceAll('-', '').slice(0, 24)}`;
  const created = Math.floor(Date.now() / 1000);
  if (!body.stream) {
    return sendJson(res, 200, {
      id, object: 'chat.completion', created, model, system_fingerprint: 'fp_fake',
      choices: [{ index: 0, message: { role: 'assistant', content: answer }, logprobs: null, finish_reason: 'stop' }],
      usage,
    });
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const chunk = (delta, finish, extra = {}) => `data: ${JSON.stringify({
    id, object: 'chat.completion.chunk', created, model, system_fingerprint: 'fp_fake',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...extra })}\n\n`;
  res.write(chunk({ role: 'assistant', content: '' }, null));
  for (const w of words(answer)) {
    await sleep(between(p.tokenDelay ?? [5, 25]));
    res.write(chunk({ content: w }, null));
  }
  const includeUsage = body.stream_options?.include_usage === true;
  // OpenAI sends usage in a chunk of its own when asked; DeepSeek and Ollama put it on the last chunk.
  res.write(chunk({}, 'stop', includeUsage ? {} : { usage }));
  if (includeUsage)
    res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`);
  res.end('data: [DONE]\n\n');
}

async function openaiEmbeddings(p, req, res, body) {
  if (!p.models.includes(body.model)) return openaiError(res, 404);
  await sleep(between([20, 60]));
  const inputs = Array.isArray(body.input) ? body.input : [body.input];
  const tokens = inputs.reduce((n, s) => n + Math.ceil(String(s).length / 4), 0);
  return sendJson(res, 200, {
    object: 'list', model: body.model,
    data: inputs.map((_, i) => ({ object: 'embedding', index: i, embedding: Array.from({ length: 8 }, () => Math.random() - 0.5) })),
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  });
}

async function anthropicMessages(p, req, res, body) {
  const model = body.model;
  if (!p.models.includes(model)) return anthropicError(res, 404);
  await sleep(between(p.latency ?? [80, 400]));
  const fail = pickFailure(p);
  if (fail) return anthropicError(res, fail);
  const answer = ANSWERS[Math.floor(Math.random() * ANSWERS.length)];
  const input = countTokens(body.messages) + (body.system ? Math.round(String(JSON.stringify(body.system)).length / 4) : 0);
  const output = Math.max(4, Math.round(answer.length / 4));
  const id = `msg_${randomUUID().replaceAll('-', '').slice(0, 24)}`;
  if (!body.stream) {
    return sendJson(res, 200, {
      id, type: 'message', role: 'assistant', model, content: [{ type: 'text', text: answer }],
      stop_reason: 'end_turn', stop_sequence: null,
      usage: { input_tokens: input, output_tokens: output, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 },
    });
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const event = (type, data) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
  event('message_start', { message: { id, type: 'message', role: 'assistant', model, content: [], stop_reason: null,
                                      stop_sequence: null, usage: { input_tokens: input, output_tokens: 1 } } });
  event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
  event('ping', {});
  for (const w of words(answer)) {
    await sleep(between(p.tokenDelay ?? [5, 25]));
    event('content_block_delta', { index: 0, delta: { type: 'text_delta', text: w } });
  }
  event('content_block_stop', { index: 0 });
  event('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: output } });
  event('message_stop', {});
  res.end();
}

function authorized(p, req) {
  if (!p.key) return true;
  if (p.format === 'anthropic') return req.headers['x-api-key'] === p.key;
  return req.headers.authorization === `Bearer ${p.key}`;
}

function serve(p) {
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      const path = url.pathname.replace(/\/+$/, '');
      if (!authorized(p, req))
        return p.format === 'anthropic' ? anthropicError(res, 401) : openaiError(res, 401);
      if (req.method === 'GET' && path === '/v1/models') {
        console.log(`GET /v1/models ${p.name}`);
        if (p.format === 'anthropic')
          return sendJson(res, 200, { data: p.models.map((id) => ({ type: 'model', id, display_name: id,
                                                                     created_at: '2025-05-14T00:00:00Z' })),
                                      has_more: false, first_id: p.models[0], last_id: p.models.at(-1) });
        return sendJson(res, 200, { object: 'list', data: p.models.map((id) => ({ id, object: 'model', created: 1715367049,
                                                                                  owned_by: p.owner ?? p.name })) });
      }
      if (req.method !== 'POST') return sendJson(res, 404, { error: { message: `no route ${req.method} ${path}` } });
      const body = JSON.parse((await readBody(req)) || '{}');
      if (p.format === 'anthropic' && path === '/v1/messages') return await anthropicMessages(p, req, res, body);
      if (p.format !== 'anthropic' && path === '/v1/chat/completions') return await openaiChat(p, req, res, body);
      if (p.format !== 'anthropic' && path === '/v1/embeddings') return await openaiEmbeddings(p, req, res, body);
      return sendJson(res, 404, { error: { message: `no route POST ${path}` } });
    } catch (e) {
      if (!res.headersSent) sendJson(res, 400, { error: { message: String(e.message ?? e), type: 'invalid_request_error' } });
      else res.destroy();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(p.port, '127.0.0.1', () => resolve(server));
  });
}

await Promise.all(providers.map(serve));
console.log('ready');
