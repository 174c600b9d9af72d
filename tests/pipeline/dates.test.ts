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
  it('a wire-style bare weekday dates the event; "by Monday", "a Sunday market" and "said Tuesday" do not', () => {
    const pub = '2023-08-23'; // a Wednesday
    expect(date('Gunmen ambushed a patrol Sunday evening near Torodi.', pub)?.start).toBe('2023-08-20');
    expect(date('The jihadists stormed the barracks early Friday.', pub)?.start).toBe('2023-08-18');
    expect(date('Describing the Wednesday evening assault, he wept.', pub)?.start).toBe('2023-08-23');
    expect(date('Thousands had reached Dori by Monday.', pub)).toBeNull();
    expect(date('Gunmen raided a Sunday market.', pub)).toBeNull();
    expect(date('Gunmen killed 12 soldiers, authorities said Tuesday.', pub)).toBeNull();
    expect(date('Gunmen killed 12 soldiers, the army said in a statement Tuesday.', pub)).toBeNull();
  });
  it('"came days after" another event dates that event in the two weeks before the previous date', () => {
    const sunday = date('An ambush Sunday evening killed 12.', '2023-08-23');
    expect(
      date('The attack came days after 17 soldiers were killed near Koutougou.', '2023-08-23', sunday),
    ).toMatchObject({
      start: '2023-08-06',
      end: '2023-08-19',
    });
    // A day of its own wins: "took place on Sunday ... and came two days after another raid".
    expect(
      date('The attack took place on Sunday and came two days after another raid.', '2023-08-23', sunday)
        ?.start,
    ).toBe('2023-08-20');
  });
  it('a month with no year is never after publication: "last December" in a November article', () => {
    expect(date('Last December a police vehicle was ambushed.', '2019-11-07')).toMatchObject({
      start: '2018-12-01',
      end: '2018-12-31',
    });
    expect(date('In October a police vehicle was ambushed.', '2019-11-07')?.start).toBe('2019-10-01');
  });
  it('"over the weekend" is the last Saturday and Sunday on or before publication', () => {
    expect(date('Gunmen attacked the town over the weekend.', '2022-06-14')).toMatchObject({
      start: '2022-06-11',
      end: '2022-06-12',
    });
    expect(date('Gunmen attacked the town over the weekend.', '2022-06-11')).toMatchObject({
      start: '2022-06-11',
      end: '2022-06-11',
    });
  });
  it('"two days later" is after the previous date, not on it', () => {
    const thursday = date('They attacked the post on Thursday evening.', '2022-06-14');
    expect(date('Armed men returned two days later.', '2022-06-14', thursday)?.start).toBe('2022-06-10');
  });
  it('"Sunday\'s attack" is dated Sunday', () => {
    expect(date("JNIM claimed Sunday's attack.", '2019-11-12')?.start).toBe('2019-11-10');
  });
});
