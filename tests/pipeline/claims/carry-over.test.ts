// Discourse carry-over (src/pipeline/claims/carry-over.ts): an event sentence with no place takes the place of
// the one or two sentences before it in its paragraph, "near" at best.
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.ts';

const cases = [
  {
    rule: 'at most the two sentences after the one that named the place',
    text: 'Gunmen attacked Gao. Gunmen attacked a convoy. Gunmen attacked a post. Gunmen attacked a village. Gunmen attacked a market.',
    expect: { claims: 3, precisions: [1, 2, 2] },
  },
  {
    rule: 'not across a paragraph break',
    text: 'Gunmen attacked Gao on 2 May 2024.\n\nSoldiers were killed in an ambush on 3 May 2024.',
    expect: { claims: 1, precisions: [1] },
  },
];

describe('carry-over', () => {
  it.each(cases)('$rule', (c) => {
    const claims = run(c.text).claims;
    expect(claims).toHaveLength(c.expect.claims);
    expect(claims.map((x) => x.geoPrecision)).toEqual(c.expect.precisions);
  });
});
