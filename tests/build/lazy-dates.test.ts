// The claims stage reads dates lazily (src/pipeline/claims/dating.ts): asking for only some sentences' dates gives
// what reading every sentence in turn gives (relative dates leaning on the last anchor, claims referring back).
import { describe, expect, it } from 'vitest';
import calendar from '../../geodata/lexicon/calendar.json';
import { DocumentDates } from '../../src/pipeline/claims/dating.ts';
import { compileDateWords, sentenceDate, type DateSpan } from '../../src/pipeline/dates.ts';
import type { Sentence } from '../../src/pipeline/types.ts';

const words = compileDateWords(calendar);
const TEXTS = [
  'Gunmen attacked Gao on 3 March 2024.',
  'Days later, the army returned.',
  'Residents fled on Monday.',
  'The same year, JNIM claimed responsibility for the attack.',
  'In several days the convoy left.',
  'Officials said yesterday that 12 died.',
  'Nothing happened here.',
  'A few days later, a second raid followed.',
  'Later that year, the mayor resigned.',
  'On 5 June, protesters marched.',
  'The next day, soldiers arrived.',
];
const sentences: Sentence[] = TEXTS.map((text, index) => ({ index, text, start: 0, end: text.length }) as Sentence);

/** Every sentence read in turn, as the claims stage once did. */
function eager(published: string | null): { date: DateSpan | null; before: DateSpan | null }[] {
  let last: DateSpan | null = null;
  return sentences.map((s) => {
    const date = sentenceDate(s.text, published, last, words);
    const before = last;
    if (date && !date.text.endsWith('the previous date') && !/past weeks|last week|last year|yesterday/.test(date.text))
      last = date;
    return { date, before };
  });
}

describe('lazy dates equal dates read in turn', () => {
  for (const published of ['2024-06-20', null])
    for (const every of [1, 2, 3, 5, 11])
      it(`published ${published}, asking every ${every}th sentence`, () => {
        const want = eager(published);
        const dates = new DocumentDates(published, sentences, words);
        sentences.forEach((s, i) => {
          dates.next(s);
          if (i % every !== every - 1 && i !== sentences.length - 1) return;
          const got = dates.date();
          expect(got, s.text).toEqual(want[i]?.date);
          // A claim referring back takes the anchor before it; with no date of its own only.
          const span = dates.span(null, 'claimed');
          const referBack = /responsibility\s+for\s+the/.test(s.text) && want[i]?.before;
          if (referBack) expect(span).toEqual(want[i]?.before);
        });
      });
});
