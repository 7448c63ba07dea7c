'use client';

import { useState } from 'react';
import { useInteractive } from '@/components/hooks/use-interactive';
import { ROLES, type Role } from '@/lib/auth/roles';
import type { TokenInfo } from '@/lib/auth/store';
import { formatDateTime } from '@/lib/format/time-zone';

const btn =
  'rounded border border-slate-300 px-2 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800';
const cell = 'px-2 py-1.5';

async function call(url: string, init: RequestInit): Promise<unknown> {
  const res = await fetch(url, init);
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  return body;
}

/** API tokens: make one (its secret shown once), see when each was last used, revoke. */
export function TokenManager({ initial, timeZone }: { initial: TokenInfo[]; timeZone: string }) {
  const [tokens, setTokens] = useState(initial);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The form works only with its script: disabled until then (see useInteractive).
  const interactive = useInteractive();
  const when = (ms: number | null) => (ms === null ? '–' : formatDateTime(ms, timeZone));
  const create = async () => {
    setError(null);
    try {
      const r = (await call('/api/admin/tokens', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, role }),
      })) as { token: string; info: TokenInfo };
      setSecret(r.token);
      setTokens((t) => [...t, r.info]);
      setName('');
    } catch (e) {
      setError(`Could not make the token: ${(e as Error).message}`);
    }
  };
  const revoke = async (id: number) => {
    setError(null);
    try {
      const r = (await call(`/api/admin/tokens/${id}`, { method: 'DELETE' })) as { token: TokenInfo };
      setTokens((t) => t.map((x) => (x.id === id ? r.token : x)));
    } catch (e) {
      setError(`Could not revoke the token: ${(e as Error).message}`);
    }
  };
  return (
    <section aria-labelledby="tokens-title">
      <h2 id="tokens-title" className="text-lg font-semibold">
        API tokens
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        For automation: send <code>Authorization: Bearer &lt;token&gt;</code>. A token acts with its role.
      </p>
      <form
        className="mt-3 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <fieldset disabled={!interactive} className="contents">
          <label className="text-sm">
            Name
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={100}
              className="ml-2 rounded border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-950"
            />
          </label>
          <label className="text-sm">
            Role
            <select
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
              className="ml-2 rounded border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-950"
            >
              {ROLES.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </label>
          <button type="submit" className={btn}>
            Make a token
          </button>
        </fieldset>
      </form>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {secret && (
        <div
          role="status"
          className="mt-3 rounded border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950"
        >
          <p>Copy the token now: it is not shown again.</p>
          <code data-testid="new-token" className="mt-1 block break-all font-mono">
            {secret}
          </code>
        </div>
      )}
      {tokens.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-300">No tokens yet.</p>
      ) : (
        <table className="mt-3 w-full text-left text-sm" data-testid="tokens">
          <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-700 dark:text-slate-300">
            <tr>
              <th className={cell}>Name</th>
              <th className={cell}>Role</th>
              <th className={cell}>Made by</th>
              <th className={cell}>Made</th>
              <th className={cell}>Last used</th>
              <th className={cell}>State</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} data-testid="token-row" className="border-b border-slate-100 dark:border-slate-800">
                <td className={cell}>{t.name}</td>
                <td className={cell}>{t.role}</td>
                <td className={cell}>{t.createdBy}</td>
                <td className={`${cell} font-mono`}>{when(t.createdMs)}</td>
                <td className={`${cell} font-mono`} data-testid="token-last-used">
                  {when(t.lastUsedMs)}
                </td>
                <td className={cell}>
                  {t.revokedMs === null ? (
                    <button type="button" className={btn} disabled={!interactive} onClick={() => void revoke(t.id)}>
                      Revoke
                    </button>
                  ) : (
                    `revoked ${when(t.revokedMs)}`
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
