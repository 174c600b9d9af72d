// Actors (src/pipeline/claims/actors.ts): canonical names, generic soldiers take the place's country, no bystanders.
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.ts';

type Case = { text: string; published: string; has?: string[]; hasNot?: string[]; exactly?: string[] };
const actors = (c: Case) => run(c.text, c.published).claims[0]?.actors ?? [];
const check = (cases: Case[]) =>
  it.each(cases)('"$text"', (c) => {
    const got = actors(c);
    if (c.exactly) expect(got).toEqual(c.exactly);
    for (const a of c.has ?? []) expect(got).toContain(a);
    for (const a of c.hasNot ?? []) expect(got).not.toContain(a);
  });

describe('canonical names; generic soldiers take the country of the place', () => {
  check([
    {
      text: 'Soldiers clashed with ISGS fighters near Menaka on 2 May 2024.',
      published: '2025-09-19',
      exactly: ['Islamic State in the Greater Sahara', 'Military Forces of Mali'],
    },
  ]);
});

describe('civilians: plain words for victims, not people quoted or crowds', () => {
  check([
    {
      text: 'On 3 May 2020, gunmen killed five people and a woman near Djibo.',
      published: '2020-05-04',
      has: ['Civilians'],
    },
    {
      text: 'In 2012, population centres were overrun by Tuareg rebels near Gao.',
      published: '2020-05-04',
      hasNot: ['Civilians'],
    },
    { text: 'On 3 May 2024, clashes broke out in Man.', published: '2024-05-10', hasNot: ['Civilians'] },
    // Victims named before an inverted attribution stay victims.
    {
      text: 'On 3 May 2024, jihadists killed at least 20 civilians near Djibo, said a security source.',
      published: '2024-05-10',
      has: ['Civilians'],
    },
    {
      text: 'On 3 May 2024, a 12-year-old girl was killed by a stray bullet in Gao.',
      published: '2024-05-10',
      exactly: ['Civilians'],
    },
  ]);
});

describe('demonstrators are implied by the event type', () => {
  check([
    {
      text: 'On 3 May 2020, students demonstrated in Ouagadougou.',
      published: '2020-05-04',
      has: ['Protesters'],
    },
    {
      text: 'On 3 May 2020, protesters ransacked the town hall in Kaya.',
      published: '2020-05-04',
      has: ['Rioters'],
      hasNot: ['Protesters'],
    },
  ]);
});

describe('issue 9: sources are not actors (speakers, attributions), participants stay', () => {
  const p = '2024-05-10';
  check([
    {
      text: 'On 3 May 2024, gunmen killed 10 civilians in Djibo, the UN said.',
      published: p,
      hasNot: ['UN / MINUSMA'],
    },
    {
      text: 'The UN said gunmen killed 10 civilians in Djibo on 3 May 2024.',
      published: p,
      hasNot: ['UN / MINUSMA'],
    },
    {
      text: 'On 3 May 2024, jihadists killed 10 civilians in Djibo, according to a French government assessment.',
      published: p,
      exactly: ['Civilians', 'Islamist rebels'],
    },
    {
      text: 'On 3 May 2024, the army said in a statement that gunmen had killed 10 civilians near Djibo.',
      published: p,
      exactly: ['Civilians', 'Unidentified armed group'],
    },
    {
      text: 'On 3 May 2024, gunmen killed 10 civilians near Djibo, a military source said.',
      published: p,
      hasNot: ['Military Forces of Burkina Faso'],
    },
    {
      text: 'On 3 May 2024, gunmen killed 10 civilians near Djibo, said MINUSMA.',
      published: p,
      hasNot: ['UN / MINUSMA'],
    },
    {
      text: 'On 3 May 2024, gunmen killed 10 civilians in Djibo, Malian officials told AFP.',
      published: p,
      hasNot: ['Government of Mali'],
    },
    // The army acts in the sentence: "soldiers" keep it.
    {
      text: 'On 3 May 2024, soldiers killed 10 militants near Djibo, the army said.',
      published: p,
      exactly: ['Military Forces of Burkina Faso', 'Unidentified armed group'],
    },
    // A speaker telling of its own action is a participant.
    {
      text: 'The army said it killed 10 militants near Djibo on 3 May 2024.',
      published: p,
      has: ['Military Forces of Burkina Faso'],
    },
    {
      text: 'On 3 May 2024, the Malian army reported killing 20 militants near Gao.',
      published: p,
      has: ['Military Forces of Mali'],
    },
    // Acts named by a weak speech word, and people who are no speakers, stay.
    {
      text: 'On 3 May 2024, the government declared a state of emergency in Gao.',
      published: p,
      has: ['Government of Mali'],
    },
    {
      text: 'On 3 May 2024, four military officials were arrested in Gao.',
      published: p,
      has: ['Military Forces of Mali'],
    },
    {
      text: 'On 3 May 2024, 12 civilians reported dead after gunmen attacked Djibo.',
      published: p,
      has: ['Civilians'],
    },
    {
      text: 'On 3 May 2024, JNIM fighters ambushed French troops near Gao.',
      published: p,
      exactly: ['France', 'JNIM'],
    },
  ]);
});

describe("a group's events under the group it joined (actors.json partOf)", () => {
  check([
    {
      text: 'On 3 May 2019, Katiba Macina militants attacked soldiers near Djenne.',
      published: '2019-05-10',
      has: ['JNIM'],
      hasNot: ['Katiba Macina'],
    },
    {
      text: 'On 3 May 2016, Katiba Macina militants attacked soldiers near Djenne.',
      published: '2016-05-10',
      has: ['Katiba Macina'],
      hasNot: ['JNIM'],
    },
  ]);
});

describe('individuals are civilians; armed individuals an unidentified armed group', () => {
  check([
    {
      text: 'On 3 May 2020, unidentified armed individuals killed two individuals near Djibo.',
      published: '2020-05-10',
      exactly: ['Civilians', 'Unidentified armed group'],
    },
  ]);
});
