import 'server-only';
import { hasRole, type Principal } from '../auth/roles';
import { type KeyMatcher, redactDeep, redactMatcher } from '../auth/redact';
import { principalOf } from '../auth/server';
import { getConfig } from '../config';
import { BadRequest } from '../errors';

let matcher: { patterns: readonly string[]; m: KeyMatcher } | undefined;

function keyMatcher(): KeyMatcher {
  const patterns = getConfig().auth.redact;
  if (matcher?.patterns !== patterns) matcher = { patterns, m: redactMatcher(patterns) };
  return matcher.m;
}

/** Whether the principal sees redacted values: viewers do (and a request without one, to be safe). */
export function redactsFor(p: Principal | null): boolean {
  return !p || !hasRole(p.role, 'editor');
}

/** The answer as `who` may see it: matching attribute values "redacted" for a viewer. */
export function redactFor<T>(who: Principal | null, value: T): T {
  return redactsFor(who) ? redactDeep(value, keyMatcher()) : value;
}

/** The answer as the request's principal may see it. */
export function redactForRequest<T>(req: Request, value: T): T {
  return redactFor(principalOf(req), value);
}

/** Searching by a redacted key's value would tell a viewer the value: refused, with why. */
export function refuseRedactedTags(req: Request, tags: readonly { key: string }[]): void {
  if (!redactsFor(principalOf(req))) return;
  const m = keyMatcher();
  const hidden = tags.find((t) => m(t.key));
  if (hidden) {
    throw new BadRequest(
      `"${hidden.key}" is a redacted attribute (REDACT_ATTRIBUTES): a viewer cannot search by its value`,
    );
  }
}

/** Whether a key's value is hidden from viewers (for the waterfall's text search, which is shared). */
export function isRedactedKey(key: string): boolean {
  return keyMatcher()(key);
}
