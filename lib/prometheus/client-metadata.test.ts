import { describe, expect, it } from 'vitest';
import { PromClient } from './client';

/** Shapes recorded from Prometheus 2.42's API, served by a fake fetch (unit level only). */
const RECORDED: Record<string, unknown> = {
  '/api/v1/targets': {
    status: 'success',
    data: {
      activeTargets: [
        {
          discoveredLabels: { __address__: '127.0.0.1:2112', job: 'orchestrator' },
          labels: { instance: '127.0.0.1:2112', job: 'orchestrator' },
          scrapePool: 'orchestrator',
          scrapeUrl: 'http://127.0.0.1:2112/metrics',
          globalUrl: 'http://host:2112/metrics',
          lastError: '',
          lastScrape: '2026-11-26T12:00:00.000Z',
          lastScrapeDuration: 0.0123,
          health: 'up',
          scrapeInterval: '5s',
          scrapeTimeout: '5s',
        },
      ],
      droppedTargets: [],
    },
  },
  '/api/v1/rules': {
    status: 'success',
    data: {
      groups: [
        {
          name: 'shannon_policy_alerts',
          file: '/etc/prometheus/shannon.yml',
          interval: 30,
          limit: 0,
          rules: [
            {
              state: 'inactive',
              name: 'PolicyLatencyHigh',
              query: 'histogram_quantile(0.95, rate(shannon_policy_latency_slo_seconds_bucket[5m])) > 0.005',
              duration: 120,
              labels: { severity: 'critical' },
              annotations: { summary: 'p95 over 5ms' },
              alerts: [],
              health: 'ok',
              evaluationTime: 0.0004,
              lastEvaluation: '2026-11-26T12:00:00Z',
              type: 'alerting',
            },
            { name: 'job:up:sum', query: 'sum by (job) (up)', health: 'ok', type: 'recording' },
          ],
        },
      ],
    },
  },
  '/api/v1/alerts': {
    status: 'success',
    data: {
      alerts: [
        {
          labels: { alertname: 'OrchestratorDown' },
          annotations: {},
          state: 'firing',
          activeAt: '2026-11-26T11:58:00Z',
          value: '0e+00',
        },
      ],
    },
  },
  '/api/v1/metadata': {
    status: 'success',
    data: {
      shannon_workflow_duration_seconds: [{ type: 'histogram', help: 'Workflow duration in seconds.', unit: '' }],
    },
  },
  '/api/v1/series': { status: 'success', data: [{ __name__: 'up', job: 'orchestrator', instance: '127.0.0.1:2112' }] },
  '/api/v1/labels': { status: 'success', data: ['__name__', 'job', 'workflow_type'] },
};

const client = new PromClient({
  baseUrl: 'http://prom.test',
  timeoutMs: 1000,
  fetchImpl: (async (url: string) => {
    const body = RECORDED[new URL(url).pathname];
    return new Response(JSON.stringify(body ?? { status: 'error', errorType: 'not_found', error: 'no fixture' }), {
      status: body ? 200 : 404,
    });
  }) as typeof fetch,
});

describe('PromClient metadata endpoints', () => {
  it('reads targets, rules, alerts, metadata, series and label names', async () => {
    expect((await client.targets()).data.activeTargets[0]?.health).toBe('up');
    const rules = (await client.rules()).data.groups[0]!.rules;
    expect(rules.map((r) => r.type)).toEqual(['alerting', 'recording']);
    expect((await client.alerts()).data.alerts[0]?.state).toBe('firing');
    expect(
      (await client.metadata('shannon_workflow_duration_seconds')).data.shannon_workflow_duration_seconds?.[0]?.type,
    ).toBe('histogram');
    expect((await client.series(['up'])).data[0]?.job).toBe('orchestrator');
    expect((await client.labelNames()).data).toContain('workflow_type');
  });
});
