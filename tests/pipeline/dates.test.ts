// The date reader (src/pipeline/dates.ts): a sentence's date, its precision and span.
import { describe, expect, it } from 'vitest';
import { sentenceDate, type DateSpan } from '../../src/pipeline/dates.ts';
import { ctx } from './helpers.ts';

const date = (text: string, published: string | null = null, previous: DateSpan | null = null) =>
  sentenceDate(text, published, previous, ctx.words.dates);

describe('absolute dates', () => {
  const cases = [
    {
      text: 'On August 15, 2025, he left.',
      expect: { start: '2025-08-15', end: '2025-08-15', precision: 1 },
    },
    {
      text: 'In early September 2025, they struck.',
      expect: { start: '2025-09-01', end: '2025-09-10', precision: 2 },
    },
    { text: 'In March 2024, they struck.', expect: { start: '2024-03-01', end: '2024-03-31', precision: 3 } },
    { text: 'Coups in 2012 and 2020.', expect: { start: '2012-01-01', end: '2020-12-31', precision: 3 } },
  ];
  it.each(cases)('"$text"', (c) => expect(date(c.text)).toMatchObject(c.expect));
});

describe('relative dates', () => {
  it('"last year" is the year before publication', () => {
    expect(date('Attacks rose last year.', '2025-09-19')).toMatchObject({
      start: '2024-01-01',
      precision: 3,
    });
  });
  it('"that same year" takes the year the previous date starts in, and needs one', () => {
    const before = date('The crisis began in 2012 with coups (2012, 2020 and 2021).');
    expect(date('That same year, towns fell to rebels.', null, before)).toMatchObject({
      start: '2012-01-01',
      end: '2012-12-31',
      precision: 3,
    });
    expect(date('That same year, towns fell to rebels.')).toBeNull();
  });
  it('with no publication date, a month with no year stays undated', () => {
    expect(date('Schools closed from late October to mid-November.')).toBeNull();
  });
});

describe('issue 9: background spans and announcement days are no event dates', () => {
  it('"since 2015" alone dates nothing', () => {
    expect(date('Jihadists have been active in the area since 2015.', '2019-11-10')).toBeNull();
  });
  it('"since November 26" dates a recent run from its first day', () => {
    expect(date('Militants have killed 30 people since November 26.', '2019-12-02')?.start).toBe(
      '2019-11-26',
    );
  });
  it('"said on Wednesday" is the report\'s day', () => {
    expect(date('The toll was 35, officials said on Wednesday.', '2019-11-10')).toBeNull();
  });
  it('"Sunday\'s attack" is dated Sunday', () => {
    expect(date("JNIM claimed Sunday's attack.", '2019-11-12')?.start).toBe('2019-11-10');
  });
});
