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

describe('issue 9: the event date, not background, announcement or fallback', () => {
  const p = '2019-11-10'; // a Sunday
  type Case = { text: string; start: string | null; end?: string };
  it.each<Case>([
    // An explicit date beats the "on or before publication" fallback.
    { text: 'Gunmen killed 10 people in Djibo on Nov. 7.', start: '2019-11-07' },
    { text: 'Gunmen killed 10 people in Djibo on 7 November.', start: '2019-11-07' },
    { text: 'On Friday, November 1st, gunmen killed 10 people in Djibo.', start: '2019-11-01' },
    // "since 2015" is a background span: the event keeps its own day, or the fallback.
    { text: 'Soldiers deployed in Djibo since 2015 were attacked on Monday.', start: '2019-11-04' },
    {
      text: 'In Djibo, soldiers were attacked by jihadists, active in the area since 2015.',
      start: '2019-11-03',
      end: '2019-11-10',
    },
    // "said on Wednesday" is the announcement's day: the event's date wins, else the fallback.
    {
      text: 'Gunmen killed 10 people in Djibo on 7 November, government officials said on Wednesday.',
      start: '2019-11-07',
    },
    {
      text: 'The final death toll of the massacre in Djibo was 35, government officials said on Wednesday.',
      start: '2019-11-03',
      end: '2019-11-10',
    },
    // A claim of responsibility keeps the date of the attack it names ...
    { text: "JNIM claimed responsibility for Sunday's attack in Djibo.", start: '2019-11-10' },
    // ... or refers back to.
    {
      text: 'Gunmen attacked a military post in Djibo on 7 November. JNIM claimed responsibility for the attack in Djibo.',
      start: '2019-11-07',
    },
  ])('"$text" -> $start', (c) => {
    const claims = run(c.text, p).claims;
    const last = claims[claims.length - 1];
    expect(last?.dateStart ?? null).toBe(c.start);
    if (c.end) expect(last?.dateEnd).toBe(c.end);
  });
});
