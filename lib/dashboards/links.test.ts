import { describe, expect, it } from 'vitest';
import { withOpeningDefaults } from '../url/view-state';
import { fillLink, linkUrlAllowed, resolveLink } from './links';

const ctx = {
  vars: { job: ['api', 'db'], '~host': ['a b'], '=win': ['5m'], '+filters': ['env|=|prod'] },
  fromMs: 1_700_000_000_000,
  toMs: 1_700_003_600_000,
};

describe('dashboard and panel links', () => {
  it('write in the range, the variables and their formats, URL-encoded', () => {
    expect(fillLink('https://x.io/d?${__url_time_range}&h=$host', ctx)).toBe(
      'https://x.io/d?from=1700000000000&to=1700003600000&h=a%20b',
    );
    expect(fillLink('/dashboards/abc?${job:queryparam}&w=${win}&[[job]]', ctx)).toBe(
      '/dashboards/abc?job=api&job=db&w=5m&api%2Cdb',
    );
    expect(fillLink('/x?${__all_variables}', ctx)).toBe('/x?job=api&job=db&host=a%20b&win=5m&filters=env%7C%3D%7Cprod');
    expect(fillLink('/x?$unknown', ctx)).toBe('/x?$unknown');
  });

  it('keep the time and the variables when asked; a tag lists those dashboards', () => {
    expect(resolveLink({ title: 'Logs', url: 'https://logs.io/?q=1', keepTime: true, newTab: true }, ctx)).toEqual({
      title: 'Logs',
      href: 'https://logs.io/?q=1&from=1700000000000&to=1700003600000',
      newTab: true,
    });
    expect(resolveLink({ title: 'Same', url: '/dashboards/x', includeVars: true }, ctx).href).toBe(
      '/dashboards/x?job=api&job=db&host=a%20b&win=5m&filters=env%7C%3D%7Cprod',
    );
    expect(resolveLink({ title: 'Shannon', tags: ['shannon', 'prod'], tooltip: 'ours' }, ctx)).toEqual({
      title: 'Shannon',
      href: '/dashboards?tag=shannon',
      newTab: false,
      tooltip: 'ours',
    });
  });

  it('go only to http(s), mailto or a page of the console, whatever a variable puts in', () => {
    for (const ok of ['https://a.io', 'http://a.io/x', 'mailto:ops@a.io', '/traces?x=1', '?from=now-1h', '#top'])
      expect(linkUrlAllowed(ok), ok).toBe(true);
    for (const bad of ['javascript:alert(1)', '//evil.io/x', 'data:text/html,x', 'ftp://a.io', ' vbscript:x'])
      expect(linkUrlAllowed(bad), bad).toBe(false);
    const evil = { vars: { to: ['javascript:alert(1)'] }, fromMs: 0, toMs: 1 };
    expect(resolveLink({ title: 'T', url: '$to' }, evil).href).toBeNull();
  });

  it('a dashboard opens on its own range and auto-refresh when the URL names none', () => {
    const d = { time: { from: 'now-6h', to: 'now' }, refresh: '30s' };
    expect(withOpeningDefaults(new URLSearchParams('job=api'), d)?.toString()).toBe(
      'job=api&from=now-6h&to=now&refresh=30s',
    );
    expect(withOpeningDefaults(new URLSearchParams('from=now-1d&refresh=off'), d)).toBeNull();
    expect(withOpeningDefaults(new URLSearchParams(''), {})).toBeNull();
  });
});
