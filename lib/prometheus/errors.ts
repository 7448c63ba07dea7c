import { AnswerableError, isAnswerable } from '../errors';

/** What can go wrong talking to Prometheus, and the HTTP status each maps to. */
export type PromErrorKind =
  | 'bad_query' // Prometheus rejected the query (bad_data): the user's input
  | 'execution' // the query parsed but cannot be computed (duplicate series, many-to-many): the user's to change
  | 'unreachable' // connection refused, DNS, reset
  | 'timeout' // our deadline passed
  | 'aborted' // the caller went away (browser left the page)
  | 'upstream' // Prometheus answered with an error that is not the user's fault
  | 'bad_response' // Prometheus answered something that is not its API
  | 'too_large' // over a guardrail (points, series, bytes): the user must narrow the query
  | 'overloaded'; // too many queries in flight: ask again after Retry-After

const STATUS: Record<PromErrorKind, number> = {
  bad_query: 400,
  execution: 422,
  unreachable: 502,
  timeout: 504,
  aborted: 499,
  upstream: 502,
  bad_response: 502,
  too_large: 422,
  overloaded: 429,
};

export class PromError extends AnswerableError {
  constructor(
    readonly kind: PromErrorKind,
    message: string,
    warnings: string[] = [],
    retryAfterS?: number,
  ) {
    super('PromError', STATUS[kind], kind, message, warnings, retryAfterS);
  }
}

/** Whether `e` is a PromError, made by any copy of this module (docs/adr/0003). */
export function isPromError(e: unknown): e is PromError {
  return isAnswerable<PromError>(e, 'PromError');
}
