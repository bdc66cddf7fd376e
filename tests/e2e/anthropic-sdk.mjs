// End-to-end checks of Switchyard through the official @anthropic-ai/sdk. Every model in MODELS is served by a
// fake provider (tests/support/fakedialect.*) behind the gateway, so the answers below are known exactly.
// Env: SWITCHYARD_BASE_URL (no /v1: the SDK appends /v1/messages), MODELS (comma-separated), optional
// SWITCHYARD_TOKEN.
import assert from 'node:assert/strict';
import Anthropic from '@anthropic-ai/sdk';

const baseUrl = process.env.SWITCHYARD_BASE_URL;
const models = (process.env.MODELS ?? '').split(',').map((m) => m.trim()).filter(Boolean);
if (!baseUrl || models.length === 0) {
  console.error('set SWITCHYARD_BASE_URL and MODELS');
  process.exit(2);
}

const token = process.env.SWITCHYARD_TOKEN;
const options = { baseURL: baseUrl, maxRetries: 0, timeout: 20_000 }; // a hung gateway fails one check, not the run
const client = new Anthropic({ ...options, apiKey: token || 'unused' });

const ECHO = 'echo: hello there';
const hello = [{ role: 'user', content: 'hello there' }];
const weatherTool = {
  name: 'get_weather',
  description: 'Current weather in a city',
  input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
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

function assertWeatherCall(message) {
  const uses = message.content.filter((block) => block.type === 'tool_use');
  assert.equal(uses.length, 1, `one tool_use block expected in ${JSON.stringify(message.content)}`);
  assert.ok(typeof uses[0].id === 'string' && uses[0].id.length > 0, 'the tool_use block has an id');
  assert.equal(uses[0].name, 'get_weather');
  assert.deepEqual(uses[0].input, { city: 'Paris' });
  assert.equal(message.stop_reason, 'tool_use');
}

async function expectError(promise, type, status) {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof type, `expected ${type.name}, got ${error?.constructor?.name}: ${error?.message}`);
    assert.equal(error.status, status);
    return true;
  });
}

for (const model of models) {
  await check(model, 'messages', async () => {
    const m = await client.messages.create({ model, max_tokens: 100, messages: hello });
    assert.equal(m.type, 'message');
    assert.equal(m.role, 'assistant');
    assert.equal(m.content[0].type, 'text');
    assert.equal(m.content[0].text, ECHO);
    assert.equal(m.stop_reason, 'end_turn');
    assert.equal(m.usage.input_tokens, 11);
    assert.equal(m.usage.output_tokens, 7);
  });

  await check(model, 'messages stream helper', async () => {
    const stream = client.messages.stream({ model, max_tokens: 100, messages: hello });
    let texts = '';
    let pieces = 0;
    stream.on('text', (delta) => {
      texts += delta;
      pieces++;
    });
    const m = await stream.finalMessage();
    assert.equal(m.content[0].type, 'text');
    assert.equal(m.content[0].text, ECHO);
    assert.equal(texts, ECHO);
    assert.ok(pieces > 1, 'the text arrived in one piece: the stream was buffered');
    assert.equal(m.stop_reason, 'end_turn');
    assert.equal(m.usage.input_tokens, 11);
    assert.equal(m.usage.output_tokens, 7);
  });

  await check(model, 'messages raw stream', async () => {
    const stream = await client.messages.create({ model, max_tokens: 100, messages: hello, stream: true });
    const types = [];
    let text = '';
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
    }
    assert.equal(types[0], 'message_start');
    assert.equal(types.at(-1), 'message_stop');
    assert.ok(types.includes('message_delta'), `no message_delta in ${types.join(',')}`);
    assert.equal(text, ECHO);
  });

  await check(model, 'tool use', async () => {
    const m = await client.messages.create({ model, max_tokens: 100, messages: askWeather, tools: [weatherTool] });
    assertWeatherCall(m);
  });

  await check(model, 'tool use stream', async () => {
    const stream = client.messages.stream({ model, max_tokens: 100, messages: askWeather, tools: [weatherTool] });
    assertWeatherCall(await stream.finalMessage());
  });

  await check(model, 'tool result', async () => {
    const m = await client.messages.create({
      model,
      max_tokens: 100,
      tools: [weatherTool],
      messages: [
        ...askWeather,
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 'toolu_fake_1', name: 'get_weather', input: { city: 'Paris' } }],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_fake_1', content: 'sunny' }] },
      ],
    });
    const text = m.content.filter((block) => block.type === 'text').map((block) => block.text).join('');
    assertToolSaidSunny(text);
    assert.equal(m.stop_reason, 'end_turn');
  });

  await check(model, 'count tokens', async () => {
    const r = await client.messages.countTokens({ model, messages: hello });
    assert.ok(Number.isInteger(r.input_tokens) && r.input_tokens > 0, `input_tokens: ${r.input_tokens}`);
  });
}

await check('*', 'unknown model', async () => {
  await expectError(
    client.messages.create({ model: 'no-such-model-for-switchyard', max_tokens: 100, messages: hello }),
    Anthropic.NotFoundError,
    404,
  );
});

await check('*', 'missing max_tokens', async () => {
  await expectError(
    client.messages.create(/** @type {any} */ ({ model: models[0], messages: hello })),
    Anthropic.BadRequestError,
    400,
  );
});

if (token) {
  await check('*', 'wrong token', async () => {
    const wrong = new Anthropic({ ...options, apiKey: token + '-wrong' });
    await expectError(
      wrong.messages.create({ model: models[0], max_tokens: 100, messages: hello }),
      Anthropic.AuthenticationError,
      401,
    );
  });
}

if (failed > 0) {
  console.log(`${failed} of ${passed + failed} checks failed`);
  process.exit(1);
}
console.log(`all ${passed} checks passed`);
