import { ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { loginAs, userCli } from './auth-helpers';
import { expect, freshDir, test } from './fixtures';
import { type ConsoleInstance, startConsoleInstance } from './otlp-helpers';

/**
 * REDACT_ATTRIBUTES (the default list) on a local-login console: a real SDK exports an LLM span
 * with a prompt, a completion and an authorization header; a viewer sees "redacted" in every
 * place a value can appear, an editor sees the values.
 */
const PROMPT = 'plan the heist at midnight';
const COMPLETION = 'the vault code is 4711';
const AUTH = 'Bearer sk-very-secret';
let c: ConsoleInstance;
let traceId: string;
let llmSpanId: string;

test.beforeAll(async () => {
  const dir = freshDir('auth-redaction');
  const env = { DATA_DIR: dir, AUTH_USERS_FILE: `${dir}/users.json` };
  expect(userCli(['add', 'vic', '--role', 'viewer', '--password', 'vic-secret-pw'], env).status).toBe(0);
  expect(userCli(['add', 'eve', '--role', 'editor', '--password', 'eve-secret-pw'], env).status).toBe(0);
  c = await startConsoleInstance({ ...env, AUTH_MODE: 'local' }, dir);
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'llm-service' }),
    spanProcessors: [
      new SimpleSpanProcessor(new OTLPTraceExporter({ url: `http://127.0.0.1:${c.httpPort}/v1/traces` })),
    ],
  });
  const tracer = provider.getTracer('e2e');
  const root = tracer.startSpan(
    'POST /v1/chat/completions',
    { kind: SpanKind.SERVER, attributes: { 'http.request.header.authorization': AUTH } },
    ROOT_CONTEXT,
  );
  const llm = tracer.startSpan(
    'chat gpt-x',
    {
      kind: SpanKind.CLIENT,
      attributes: { 'gen_ai.prompt': PROMPT, 'gen_ai.completion': COMPLETION, 'gen_ai.request.model': 'gpt-x' },
    },
    trace.setSpan(ROOT_CONTEXT, root),
  );
  llm.end();
  root.end();
  await provider.forceFlush();
  await provider.shutdown();
  traceId = root.spanContext().traceId;
  llmSpanId = llm.spanContext().spanId;
});

test.afterAll(async () => {
  await c?.stop();
});

async function cookieOf(name: string) {
  const { res, cookie } = await loginAs(c.url, name);
  expect(res.status).toBe(200);
  return cookie;
}

test('a viewer sees "redacted" in the trace, the span, the OTLP download and the page; cannot search by it; an editor sees the values', async ({
  page,
}) => {
  const viewer = { cookie: await cookieOf('vic') };
  await expect.poll(async () => (await fetch(`${c.url}/api/traces/${traceId}`, { headers: viewer })).status).toBe(200);
  for (const p of [
    `/api/traces/${traceId}`,
    `/api/traces/${traceId}/spans/${llmSpanId}`,
    `/api/traces/${traceId}/otlp`,
  ]) {
    const text = await (await fetch(`${c.url}${p}`, { headers: viewer })).text();
    expect(text, p).toContain('gen_ai.prompt');
    expect(text, p).toContain('redacted');
    for (const secret of [PROMPT, COMPLETION, 'sk-very-secret']) expect(text, p).not.toContain(secret);
    expect(text, p).toContain('gpt-x'); // what is not secret stays
  }
  const search = await fetch(`${c.url}/api/traces?tags=${encodeURIComponent(`gen_ai.prompt="${PROMPT}"`)}`, {
    headers: viewer,
  });
  expect(search.status).toBe(400);
  expect(((await search.json()) as { error: { message: string } }).error.message).toBe(
    '"gen_ai.prompt" is a redacted attribute (REDACT_ATTRIBUTES): a viewer cannot search by its value',
  );
  // The waterfall: the span's details say "redacted", and searching the trace for the prompt finds nothing.
  await page.context().addCookies([{ name: 'shannon_session', value: viewer.cookie.split('=')[1]!, url: c.url }]);
  await page.goto(`${c.url}/traces/${traceId}?span=${llmSpanId}`);
  await expect(page.getByText('gen_ai.prompt', { exact: true })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(PROMPT);
  await expect(page.locator('body')).toContainText('redacted');
  const matchesOf = async (q: string) => {
    const r = await fetch(`${c.url}/api/traces/${traceId}/rows?q=${encodeURIComponent(q)}`, { headers: viewer });
    return ((await r.json()) as { matchCount: number }).matchCount;
  };
  expect(await matchesOf('gpt-x')).toBe(1);
  expect(await matchesOf('heist')).toBe(0);

  const editor = { cookie: await cookieOf('eve') };
  const full = await (await fetch(`${c.url}/api/traces/${traceId}/spans/${llmSpanId}`, { headers: editor })).text();
  expect(full).toContain(PROMPT);
  expect(full).toContain(COMPLETION);
});
