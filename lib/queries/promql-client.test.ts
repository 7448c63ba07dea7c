import { describe, expect, it } from 'vitest';
import { consoleRoute } from './promql-client';

describe('consoleRoute', () => {
  it('answers the Prometheus API paths the editor asks from the console’s own routes', () => {
    expect(consoleRoute('/api/v1/labels')).toBe('/api/prom/labels');
    expect(consoleRoute('/api/v1/label/__name__/values')).toBe('/api/prom/labels/__name__/values');
    expect(consoleRoute('/api/v1/series')).toBe('/api/prom/series');
    expect(consoleRoute('/api/v1/metadata')).toBe('/api/prom/metadata');
    expect(consoleRoute('/api/v1/query')).toBeNull();
    expect(consoleRoute('/api/v1/status/flags')).toBeNull();
  });
});
