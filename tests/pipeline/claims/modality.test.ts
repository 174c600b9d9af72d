// Modality (src/pipeline/claims/modality.ts): reported, claimed, alleged, speculative or historical.
import { describe, expect, it } from 'vitest';
import type { Modality } from '../../../src/pipeline/types.ts';
import { run } from '../helpers.ts';

type Case = { text: string; expect: Modality; published?: string };
const check = (cases: Case[]) =>
  it.each(cases)('"$text" is $expect', (c) =>
    expect(run(c.text, c.published).claims[0]?.modality).toBe(c.expect),
  );

describe('cue words before the event', () => {
  check([
    { text: 'Militants could attack Gao in the coming months.', expect: 'speculative' },
    { text: 'JNIM claimed responsibility for an attack in Gao on 2 May 2024.', expect: 'claimed' },
    { text: 'The army allegedly executed villagers in Mopti on 2 May 2024.', expect: 'alleged' },
    { text: 'Gunmen attacked Gao on 2 May 2024.', expect: 'reported' },
  ]);
});

describe('history: a date years before the document', () => {
  check([{ text: 'A coup took place in Bamako in 1991.', expect: 'historical' }]);
});

describe('history: a date more than six months before the publication (issue 8, stop 21)', () => {
  check([
    // Told in January 2017: the attack of March 2016 is history, not this week's event.
    {
      text: 'Gunmen attacked a beach resort in Grand-Bassam in March 2016, killing 19 people.',
      expect: 'historical',
      published: '2017-01-11',
    },
    { text: 'Gunmen attacked Gao in early May 2016.', expect: 'historical', published: '2017-01-11' },
    // A day-precise date stays the event's, however old (the seed gold's 2013 photo caption).
    { text: 'Gunmen attacked Gao on 2 May 2016.', expect: 'reported', published: '2017-01-11' },
    // Within six months it is news.
    {
      text: 'Gunmen attacked a beach resort in Grand-Bassam in August 2016, killing 19 people.',
      expect: 'reported',
      published: '2017-01-11',
    },
  ]);
});

describe('an event noun with a modal close after it is a forecast', () => {
  check([
    { text: 'An attack on Gao would be a disaster for the region.', expect: 'speculative' },
    {
      text: 'An attack on the city of Gao would be devastating.',
      expect: 'speculative',
      published: '2024-05-10',
    },
    { text: 'Militants attacked Gao on 2 May 2024, which would later fall.', expect: 'reported' },
    // After a comma, or after another event word, the modal is about something else.
    {
      text: 'On 3 May 2024, a deadly attack hit Gao, which could destabilise the region.',
      expect: 'reported',
      published: '2024-05-10',
    },
    {
      text: 'On 3 May 2024, an ambush near Gao killed soldiers and may prompt reprisals.',
      expect: 'reported',
      published: '2024-05-10',
    },
  ]);
});

describe('the month May is no modal', () => {
  check([
    { text: 'On 12 May gunmen attacked soldiers in Gao, killing 3 soldiers.', expect: 'reported' },
    { text: 'Some 2000 people fled Gao after gunmen attacked the town.', expect: 'reported' },
  ]);
});
