/**
 * Errors that carry their own HTTP answer (status, code, message). Next bundles lib/ once per
 * layer (route handlers, server components, SSR, instrumentation) and the console server loads
 * the trace side on its own, so an error made by one copy of a module is often handled by code
 * from another: it is recognised by a registered symbol and its name, never by `instanceof`
 * (eslint forbids that for these classes). See docs/adr/0003.
 */
const BRAND = Symbol.for('shannon-console.answerable-error');

export type ErrorAnswer = {
  status: number;
  code: string;
  message: string;
  warnings?: string[];
  /** seconds to wait before asking again (429, 503) */
  retryAfterS?: number;
};

export class AnswerableError extends Error {
  readonly [BRAND] = true;
  constructor(
    name: string,
    readonly status: number,
    readonly code: string,
    message: string,
    readonly warnings: string[] = [],
    readonly retryAfterS?: number,
  ) {
    super(message);
    this.name = name;
  }
}

/** The error as an AnswerableError, whichever copy of this module made it; null for any other value. */
export function asAnswerable(e: unknown): AnswerableError | null {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true
    ? (e as AnswerableError)
    : null;
}

/** Whether `e` is an AnswerableError of the class called `name` (from any copy of its module). */
export function isAnswerable<T extends AnswerableError>(e: unknown, name: string): e is T {
  return asAnswerable(e)?.name === name;
}

/** The answer an error asks for, or null when it is not one of ours. */
export function answerOf(e: unknown): ErrorAnswer | null {
  const a = asAnswerable(e);
  if (!a) return null;
  return {
    status: a.status,
    code: a.code,
    message: a.message,
    ...(a.warnings.length ? { warnings: a.warnings } : {}),
    ...(a.retryAfterS !== undefined ? { retryAfterS: a.retryAfterS } : {}),
  };
}

export class BadRequest extends AnswerableError {
  constructor(message: string) {
    super('BadRequest', 400, 'bad_request', message);
  }
}

export class NotFound extends AnswerableError {
  constructor(message: string) {
    super('NotFound', 404, 'not_found', message);
  }
}

export class Forbidden extends AnswerableError {
  constructor(message: string) {
    super('Forbidden', 403, 'forbidden', message);
  }
}

/** Over a guardrail (issue 13): the answer says how to narrow the query. */
export class TooLarge extends AnswerableError {
  constructor(message: string) {
    super('TooLarge', 422, 'too_large', message);
  }
}
