// Generic statements are no incidents: case table of sentences written for this test.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileGeneric, genericCue, type GenericLexicon } from '../../../src/pipeline/claims/generic.ts';
import type { DateSpan } from '../../../src/pipeline/dates.ts';
import { fold, tokenize } from '../../../src/pipeline/text.ts';

const rules = compileGeneric(
  JSON.parse(
    readFileSync(new URL('../../../geodata/lexicon/generic.json', import.meta.url), 'utf8'),
  ) as GenericLexicon,
);
const day: DateSpan = { start: '2024-05-12', end: '2024-05-12', precision: 1, text: 'on Sunday' };
const year: DateSpan = { start: '2015-01-01', end: '2015-12-31', precision: 3, text: 'since 2015' };

const cue = (text: string, date: DateSpan | null = null) =>
  genericCue(fold(text), tokenize(fold(text)), date, rules);

describe('generic statements', () => {
  it('a trend, a habit or a total is generic', () => {
    for (const [text, date] of [
      ['Burkina Faso faces jihadist attacks that have left nearly 1,000 dead since 2015.', year],
      ['Armed groups have repeatedly attacked Burkina Faso.', null],
      ['Some areas of Mali have been rocked by terrorist attacks in recent years.', null],
      ['Burkinabe forces are regularly targeted by militants.', null],
      ["Africa's Sahel region has seen jihadist attacks soar.", null],
      ['It shares a northern border with Mali, which has long battled Islamic extremists.', null],
      ['France has deployed thousands of troops to the Sahel region of West Africa.', null],
      ['Since the suspension, attacks in central and northern Mali have increased in the past weeks.', day],
      ["This incident marks one of the deadliest attacks on Burkina Faso's army in recent times.", null],
      ['It was the deadliest attack in at least a year in the West African country.', null],
    ] as const) {
      expect({ text, cue: cue(text, date) }).not.toEqual({ text, cue: null });
    }
  });

  it('one event stays an event, even in the words of a trend when it has its own day', () => {
    for (const [text, date] of [
      ['Gunmen killed 12 people in Djibo on Sunday.', day],
      ['Two soldiers were killed when militants attacked a border post.', null],
      ['Since Sunday, jihadists have repeatedly attacked Djibo.', day],
      ['In 2012 rebels seized Kidal.', null],
      ['France has deployed 500 troops to Gao on Sunday.', day],
      // A superlative in a clause that sums up the sentence's own event describes that event.
      [
        'The toll for the attack in Djibo has risen to 32, the government said, marking the deadliest attack on its forces.',
        null,
      ],
      ['Gunmen killed 30 soldiers in Djibo, making it one of the deadliest attacks this year.', null],
    ] as const) {
      expect({ text, cue: cue(text, date) }).toEqual({ text, cue: null });
    }
  });
});
