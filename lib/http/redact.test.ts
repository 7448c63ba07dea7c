import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact';

describe('redactUrl', () => {
  it('never shows a password or user name', () => {
    expect(redactUrl('http://admin:hunter2@prom.internal:9090')).toBe('http://redacted:redacted@prom.internal:9090');
    expect(redactUrl('https://token@prom.internal/prefix/')).toBe('https://redacted@prom.internal/prefix/');
    expect(redactUrl('ht!tp://admin:hunter2@x')).not.toContain('hunter2');
  });
  it('leaves a URL without credentials as it is', () => {
    expect(redactUrl('http://127.0.0.1:9090')).toBe('http://127.0.0.1:9090');
  });
});
