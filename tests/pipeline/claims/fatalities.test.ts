// Fatalities (src/pipeline/claims/fatalities.ts): ACLED's conservative toll; dates, ages and wounded are no deaths.
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.ts';

type Case = { text: string; expect: number | null; published?: string; orNoClaim?: true };
// A claim must exist unless the case says a missing claim will do.
const toll = (c: Case) => {
  const f = run(c.text, c.published).claims[0]?.fatalities;
  return c.orNoClaim ? (f ?? null) : f;
};
const check = (cases: Case[]) => it.each(cases)('"$text" -> $expect', (c) => expect(toll(c)).toBe(c.expect));

describe('a count after a killing verb or before its victims', () => {
  check([
    { text: 'Gunmen killed 14 soldiers near Mopti on 2 May 2024.', expect: 14 },
    { text: 'Militants attacked Gao on 2 May 2024, killing dozens of civilians.', expect: 12 },
    { text: 'Militants attacked Gao on 2 May 2024, killing at least 1,200 people.', expect: 1200 },
    {
      text: 'On 3 May 2024, soldiers shot and killed five protesters in Kati.',
      expect: 5,
      published: '2024-05-10',
    },
  ]);
});

describe('both sides of a toll, and a bare count after the verb', () => {
  check([
    {
      text: 'Extremists ambushed a convoy near Djibo on 18 August 2021, killing at least 30 civilians along with 17 soldiers.',
      expect: 47,
    },
    {
      text: 'Militants attacked Djibo on 2 May 2024, killing 4 soldiers as well as 11 civilians.',
      expect: 15,
    },
    { text: 'Soldiers have recovered 79 bodies after an attack in Djibo on 2 May 2024.', expect: 79 },
    {
      text: 'At least 32 people, including 28 police officers and four civilians, were killed in an attack on Djibo on 2 May 2024.',
      expect: 32,
    },
    {
      text: 'At least 32 people were killed in an attack on Djibo on 2 May 2024, raising an earlier death toll of 20.',
      expect: 32,
    },
    {
      text: 'The final death toll of a massacre at a village near Djibo on 2 May 2024 was 35, of whom 24 were children.',
      expect: 35,
    },
    {
      text: 'Soldiers were found dead after an attack in Djibo on 2 May 2024, with 79 bodies in the streets.',
      expect: null,
    },
    {
      text: 'At least 25 Niger soldiers and 63 terrorists were killed in an attack on Djibo on 2 May 2024.',
      expect: 88,
    },
    {
      text: 'Clashes in Djibo on 2 May 2024 killed at least 25 soldiers and 63 “terrorists,” the ministry said.',
      expect: 88,
    },
    {
      text: 'Militants fired upon a bus near Bandiagara on 2 May 2024, killing at least 31 inside.',
      expect: 31,
    },
    { text: 'Gunmen killed three peacekeepers in Kidal on 2 May 2024.', expect: 3 },
    { text: 'An attack on Djibo on 2 May 2024 killed 12 soldiers and wounded 5 others.', expect: 12 },
    { text: 'Gunmen killed 5 soldiers and 3 civilians were wounded in Djibo on 2 May 2024.', expect: 5 },
  ]);
});

describe('one victim, or a bare count before "killed"', () => {
  check([
    { text: 'A student was allegedly killed by police in Kindi on 2 May 2024.', expect: 1 },
    { text: 'Farmers clashed with herders in Zabre on 2 May 2024, 7 killed.', expect: 7 },
    { text: 'An attack on soldiers in Gao killed 5 people on 2 May 2024.', expect: 5 },
    {
      text: 'On 3 May 2024, a 12-year-old girl was killed by a stray bullet in Gao.',
      expect: 1,
      published: '2024-05-10',
    },
  ]);
});

describe('no number stated', () => {
  check([
    { text: 'Militants attacked Gao on 2 May 2024.', expect: null },
    // Words that name built-in properties are no numbers (a plain-object lookup gave NaN here).
    { text: 'Constructor people were killed in Gao on 2 May 2024.', expect: null },
  ]);
});

describe('non-violent events: 0 when they happened, none for a forecast', () => {
  check([
    { text: 'Police arrested a journalist in Bamako on 2 May 2024.', expect: 0 },
    { text: 'The junta could expel diplomats from Bamako next year.', expect: null },
    // The deaths protested against are not the protest's.
    {
      text: 'On 3 May 2024, thousands protested in Bamako after gunmen killed 5 people.',
      expect: 0,
      published: '2024-05-10',
    },
  ]);
});

describe('dates are no tolls; counts after them are', () => {
  check([
    { text: 'On 3 May 2024, armed men killed two herders near Djibo.', expect: 2, published: '2024-05-10' },
    { text: 'Rebels killed 2000 people in Gao in 2012.', expect: 2000, published: '2024-05-10' },
    { text: 'In 2012 jihadists killed 40 soldiers near Gao.', expect: 40, published: '2024-05-10' },
    {
      text: 'In December 2023 troops were killed near Gao.',
      expect: null,
      published: '2024-05-10',
      orNoClaim: true,
    },
    { text: 'In May 12 soldiers were killed near Gao.', expect: 12, published: '2024-05-10' },
  ]);
});

describe('wounded are not dead, and a repeated count is counted once', () => {
  it('"left 12 people injured" is no toll', () => {
    const tolls = run('Gunmen attacked Gao on 2 May 2024. The attack left 12 people injured.').claims.map(
      (c) => c.fatalities,
    );
    expect(tolls).not.toContain(12);
  });
  check([
    {
      text: 'Gunmen killed 5 soldiers in Gao on 2 May 2024, the army said; the raid killed 5 soldiers, a source said.',
      expect: 5,
    },
  ]);
});

describe('issue 9: subsets, hundreds, all sides, tolls (ACLED: the conservative total)', () => {
  check([
    { text: 'Gunmen attacked Djibo on 2 May 2024, killing 45 villagers, including 12 children.', expect: 45 },
    { text: 'On 2 May 2024, 45 people, including 12 children, were killed in Djibo.', expect: 45 },
    { text: 'Jihadists attacked Djibo on 2 May 2024, killing several hundred people.', expect: 100 },
    { text: 'Jihadists attacked Djibo on 2 May 2024, killing over a hundred people.', expect: 100 },
    { text: 'Gunmen attacked Djibo on 2 May 2024, killing two hundred people.', expect: 200 },
    { text: 'On 2 May 2024, a hundred people were killed in Djibo.', expect: 100 },
    { text: 'On 2 May 2024, 4 soldiers and 11 assailants were killed in clashes near Djibo.', expect: 15 },
    { text: 'The toll of the 2 May 2024 attack on Djibo rose to at least 60.', expect: 60 },
    {
      text: 'Gunmen attacked Djibo on 2 May 2024, killing at least 18 people; two of the attackers were also killed.',
      expect: 20,
    },
    // Two reports of one toll: the lower one (ACLED's conservative rule).
    {
      text: 'On 8 January 2025, a source said 28 soldiers were killed in Djibo, while the opposition said the death toll reached 30.',
      expect: 28,
    },
    // A toll that rose replaces the first count.
    { text: 'Gunmen killed 40 people in Djibo on 2 May 2024; the toll later rose to 60.', expect: 60 },
    // A toll that rose to a list of sides: their sum.
    {
      text: 'The death toll for the 2 May 2024 attack in Djibo has risen to at least 28 officers and four civilians.',
      expect: 32,
    },
    // The same victims restated are counted once.
    {
      text: 'Gunmen killed 5 soldiers in Djibo on 2 May 2024; 5 soldiers were killed in the attack.',
      expect: 5,
    },
  ]);
});
