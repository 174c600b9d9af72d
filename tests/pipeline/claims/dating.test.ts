// Dates glue (src/pipeline/claims/dating.ts): the date a claim gets from its sentence or the publication date.
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.ts';

describe('no date after publication', () => {
  it('from the noun "march"', () => {
    const c = run('Protesters held a march in Bamako against the junta.').claims[0];
    expect(c?.dateEnd ?? '').not.toMatch(/^2026/);
  });
  it('from a weekday: the last one on or before publication', () => {
    const d = run('Gunmen attacked a military post in Gao on Monday.').claims[0];
    expect((d?.dateStart ?? '') <= '2025-09-19').toBe(true);
    expect(d?.dateStart).toBeTruthy();
  });
});

describe('a count of people is no year', () => {
  it('"Some 2000 people fled" is not dated 2000', () => {
    expect(run('Some 2000 people fled Gao after gunmen attacked the town.').claims[0]?.dateStart).not.toBe(
      '2000-01-01',
    );
  });
});

describe('a report with no date of its own', () => {
  it('happened on or before publication (a 7-day span)', () => {
    expect(run('Gunmen attacked a convoy near Gao.', '2025-09-19').claims[0]).toMatchObject({
      dateStart: '2025-09-12',
      dateEnd: '2025-09-19',
      timePrecision: 2,
    });
  });
  it('stays undated when the publication date is unknown', () => {
    expect(run('Gunmen attacked a convoy near Gao.', null).claims[0]?.dateStart).toBeNull();
  });
});
