// End-to-end checks of Switchyard through the official openai SDK. Every model in MODELS is served by a fake
// provider (tests/support/fakedialect.*) behind the gateway, so the answers below are known exactly.
// Env: SWITCHYARD_BASE_URL (no /v1), MODELS (comma-separated), optional SWITCHYARD_TOKEN, EMBEDDING_MODEL.
import assert from 'node:assert/strict';
import OpenAI from 'openai';

const baseUrl = process.env.SWITCHYARD_BASE_URL;
const models = (process.env.MODELS ?? '').split(',').map((m) => m.trim()).filter(Boolean);
if (!baseUrl || models.length === 0) {
  console.error('set SWITCHYARD_BASE_URL and MODELS');
  process.exit(2);
}

const client = new OpenAI({
  baseURL: baseUrl + '/v1',
  apiKey: process.env.SWITCHYARD_TOKEN || 'unused',
  maxRetries: 0,
  timeout: 20_000, // a hung gateway fails the check instead of the whole run
});

const ECHO = 'echo: hello there';
const hello = [{ role: 'user', content: 'hello there' }];
const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};
const askWeather = [{ role: 'user', content: 'What is the weather in Paris?' }];

let passed = 0;
let failed = 0;
async function check(model, name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok ${model} ${name}`);
  } catch (error) {
    failed++;
    console.log(`not ok ${model} ${name}`);
    console.log(error instanceof assert.AssertionError ? error.message : error?.stack ?? String(error));
  }
}

// A tool result travels as 'sunny'. Gemini needs an object there, so a gateway in front of Gemini wraps it
// (e.g. {"result":"sunny"}) and the Gemini fake echoes that object: accept exactly that, nothing looser.
function assertToolSaidSunny(text) {
  if (text === 'tool said: sunny') return;
  assert.match(text, /^tool said: \{.*\}$/, `unexpected tool result echo: ${JSON.stringify(text)}`);
  const wrapped = JSON.parse(text.slice('tool said: '.length));
  assert.deepEqual(Object.values(wrapped), ['sunny'], `tool result not carried: ${text}`);
}

async function expectError(promise, type, status) {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof type, `expected ${type.name}, got ${error?.constructor?.name}: ${error?.message}`);
    assert.equal(error.status, status);
    return true;
  });
}

for (const model of models) {
  await check(model, 'chat', async () => {
    const r = await client.chat.completions.create({ model, messages: hello });
    assert.equal(r.object, 'chat.completion');
    assert.equal(r.choices.length, 1);
    assert.equal(r.choices[0].message.role, 'assistant');
    assert.equal(r.choices[0].message.content, ECHO);
    assert.equal(r.choices[0].finish_reason, 'stop');
    assert.equal(r.usage.prompt_tokens, 11);
    assert.equal(r.usage.completion_tokens, 7);
    assert.equal(r.usage.total_tokens, 18);
  });

  await check(model, 'chat stream', async () => {
    const stream = await client.chat.completions.create({
      model,
      messages: hello,
      stream: true,
      stream_options: { include_usage: true },
    });
    let content = '';
    let finish = null;
    let contentChunks = 0;
    let last = null;
    for await (const chunk of stream) {
      assert.equal(chunk.object, 'chat.completion.chunk');
      for (const choice of chunk.choices) {
        if (choice.delta?.content) {
          content += choice.delta.content;
          contentChunks++;
        }
        if (choice.finish_reason) finish = choice.finish_reason;
      }
      last = chunk;
    }
    assert.equal(content, ECHO);
    assert.ok(contentChunks > 1, 'the text arrived in one piece: the stream was buffered');
    assert.equal(finish, 'stop');
    // As OpenAI does: the usage comes in a last chunk with no choices.
    assert.ok(last?.usage, 'the last chunk carries the usage');
    assert.deepEqual(last.choices, []);
    assert.equal(last.usage.prompt_tokens, 11);
    assert.equal(last.usage.completion_tokens, 7);
  });

  await check(model, 'tools', async () => {
    const r = await client.chat.completions.create({ model, messages: askWeather, tools: [weatherTool] });
    const calls = r.choices[0].message.tool_calls;
    assert.equal(calls?.length, 1);
    assert.equal(calls[0].type, 'function');
    assert.ok(typeof calls[0].id === 'string' && calls[0].id.length > 0, 'the tool call has an id');
    assert.equal(calls[0].function.name, 'get_weather');
    assert.deepEqual(JSON.parse(calls[0].function.arguments), { city: 'Paris' });
    assert.equal(r.choices[0].finish_reason, 'tool_calls');
  });

  await check(model, 'tools stream', async () => {
    const stream = await client.chat.completions.create({
      model,
      messages: askWeather,
      tools: [weatherTool],
      stream: true,
    });
    const calls = [];
    let finish = null;
    for await (const chunk of stream) {
      for (const choice of chunk.choices) {
        for (const call of choice.delta?.tool_calls ?? []) {
          const slot = (calls[call.index] ??= { id: '', name: '', arguments: '' });
          if (call.id) slot.id = call.id;
          if (call.function?.name) slot.name = call.function.name;
          if (call.function?.arguments) slot.arguments += call.function.arguments;
        }
        if (choice.finish_reason) finish = choice.finish_reason;
      }
    }
    assert.equal(calls.length, 1);
    assert.ok(calls[0].id.length > 0, 'the tool call has an id');
    assert.equal(calls[0].name, 'get_weather');
    assert.deepEqual(JSON.parse(calls[0].arguments), { city: 'Paris' });
    assert.equal(finish, 'tool_calls');
  });

  await check(model, 'tool result', async () => {
    const r = await client.chat.completions.create({
      model,
      tools: [weatherTool],
      messages: [
        ...askWeather,
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_fake_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_fake_1', content: 'sunny' },
      ],
    });
    assertToolSaidSunny(r.choices[0].message.content);
    assert.equal(r.choices[0].finish_reason, 'stop');
  });

  await check(model, 'stream helper', async () => {
    const stream = client.chat.completions.stream({ model, messages: hello });
    let deltas = '';
    stream.on('content', (delta) => {
      deltas += delta;
    });
    const final = await stream.finalChatCompletion();
    assert.equal(final.choices[0].message.content, ECHO);
    assert.equal(final.choices[0].finish_reason, 'stop');
    assert.equal(deltas, ECHO);
  });
}

const embeddingModel = process.env.EMBEDDING_MODEL;
if (embeddingModel) {
  await check(embeddingModel, 'embeddings', async () => {
    const r = await client.embeddings.create({ model: embeddingModel, input: 'hello' });
    assert.equal(r.data.length, 1);
    assert.equal(r.data[0].embedding.length, 3);
    for (const x of r.data[0].embedding) assert.ok(Number.isFinite(x));
  });
}

await check('*', 'models list', async () => {
  const ids = [];
  for await (const m of client.models.list()) ids.push(m.id);
  for (const model of models) assert.ok(ids.includes(model), `${model} missing from ${JSON.stringify(ids)}`);
});

await check('*', 'unknown model', async () => {
  await expectError(
    client.chat.completions.create({ model: 'no-such-model-for-switchyard', messages: hello }),
    OpenAI.NotFoundError,
    404,
  );
});

await check('*', 'malformed request', async () => {
  await expectError(
    client.chat.completions.create({ model: models[0], messages: /** @type {any} */ ('x') }),
    OpenAI.BadRequestError,
    400,
  );
});

if (failed > 0) {
  console.log(`${failed} of ${passed + failed} checks failed`);
  process.exit(1);
}
console.log(`all ${passed} checks passed`);
