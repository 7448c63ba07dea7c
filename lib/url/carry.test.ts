import { describe, expect, it } from 'vitest';
import { carryView } from './carry';

describe('carryView', () => {
  it('keeps the range, refresh and zone, drops variables and empty values', () => {
    const q = new URLSearchParams('from=now-6h&to=now&refresh=5s&tz=UTC&workflow_type=DAG&model=');
    expect(carryView('/streaming', q)).toBe('/streaming?from=now-6h&to=now&refresh=5s&tz=UTC');
    expect(carryView('/policy', new URLSearchParams('model=x&refresh='))).toBe('/policy');
  });
});
