// Sends a day's worth of varied client traffic through a Switchyard gateway, as real tools would: OpenAI and
// Anthropic clients, streaming and not, embeddings, a model nobody serves, a wrong token.
//
//   node traffic.mjs BASE_URL TOKEN COUNT [kinds]
//
// BASE_URL is the gateway without /v1 (http://127.0.0.1:8790); TOKEN an access token ("" for none); kinds a
// comma-separated subset of the names in MIX (default: all). Prints a one-line summary of the statuses.
const [base, token, countArg, kindsArg] = process.argv.slice(2);
const count = Number(countArg ?? 40);
const concurrency = Number(process.env.CONCURRENCY ?? 6);

const prompts = [
  'Summarise the release notes in three bullet points.',
  'Write a haiku about railway switchyards.',
  'What is the capital of Australia?',
  'Explain the difference between a mutex and a semaphore.',
  'Translate "good morning" into Chinese.',
  'Draft a polite reply declining the meeting on Friday.',
];
const prompt = () => prompts[Math.floor(Math.random() * prompts.length)];

// name: [weight, function(headers) -> Promise<status>]
const MIX = {
  'chat-gpt-4o-mini': [10, (h) => openai(h, 'gpt-4o-mini', false)],
  'stream-gpt-4o-mini': [8, (h) => openai(h, 'gpt-4o-mini', true)],
  'chat-gpt-4o': [4, (h) => openai(h, 'gpt-4o', Math.random() < 0.5)],
  'pro-model': [9, (h) => openai(h, 'pro-model', Math.random() < 0.6)],
  'reasoner': [2, (h) => openai(h, 'reasoner', false)],
  'claude-code': [7, (h) => anthropic(h, 'claude-sonnet-4-0', true)],
  'claude-haiku': [3, (h) => anthropic(h, 'claude-3-5-haiku-latest', false)],
  'claude-on-pro-model': [3, (h) => anthropic(h, 'pro-model', true)],
  'llama': [5, (h) => openai(h, 'llama3.2', Math.random() < 0.5)],
  'qwen-via-node': [5, (h) => openai(h, 'qwen-plus', Math.random() < 0.5)],
  'mistral-down': [2, (h) => openai(h, 'mistral-small-latest', false)],
  'embeddings': [3, (h) => post(h, '/v1/embeddings', { model: 'text-embedding-3-small', input: [prompt(), prompt()] })],
  'unknown-model': [2, (h) => openai(h, 'gpt-5-turbo', false)],
  'bad-token': [1, () => openai({ authorization: 'Bearer not-a-valid-token' }, 'gpt-4o-mini', false)],
};

const chosen = kindsArg ? kindsArg.split(',') : Object.keys(MIX);
for (const k of chosen) if (!MIX[k]) throw new Error(`unknown kind ${k}`);
const total = chosen.reduce((n, k) => n + MIX[k][0], 0);
function pick() {
  let r = Math.random() * total;
  for (const k of chosen) {
    r -= MIX[k][0];
    if (r < 0) return k;
  }
  return chosen.at(-1);
}

async function post(headers, path, body) {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  await res.text(); // a stream is read to its end, as a client would
  return res.status;
}

function openai(headers, model, stream) {
  const body = { model, messages: [{ role: 'system', content: 'You are a helpful assistant.' }, { role: 'user', content: prompt() }] };
  if (stream) {
    body.stream = true;
    body.stream_options = { include_usage: true };
  }
  return post(headers, '/v1/chat/completions', body);
}

function anthropic(headers, model, stream) {
  return post({ 'anthropic-version': '2023-06-01', ...headers }, '/v1/messages',
              { model, max_tokens: 512, stream, system: 'You are Claude Code.', messages: [{ role: 'user', content: prompt() }] });
}

const headers = token ? { authorization: `Bearer ${token}` } : {};
const statuses = {};
let next = 0;
async function worker() {
  while (next < count) {
    next++;
    const kind = pick();
    let status;
    try {
      status = await MIX[kind][1](headers);
    } catch (e) {
      status = 'fail';
    }
    statuses[status] = (statuses[status] ?? 0) + 1;
    await new Promise((r) => setTimeout(r, Math.random() * 60));
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
console.log(`${count} requests to ${base}: ` + Object.entries(statuses).map(([s, n]) => `${s}×${n}`).join(' '));
