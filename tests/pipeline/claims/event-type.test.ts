// Event type (src/pipeline/claims/event-type.ts): the ACLED type from the event words and who is involved.
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../src/pipeline/types.ts';
import { run } from '../helpers.ts';

type Case = { text: string; expect: Partial<Claim> | undefined; published?: string };
const claim = (text: string, published = '2024-05-10') => run(text, published).claims[0];
const check = (cases: Case[]) =>
  it.each(cases)('"$text"', (c) => {
    const got = claim(c.text, c.published);
    if (c.expect === undefined) expect(got).toBeUndefined();
    else expect(got).toMatchObject(c.expect);
  });

describe('event words beyond attacks', () => {
  check([
    {
      text: 'Soldiers mutinied in Kaya on 2 May 2024.',
      published: '2025-09-19',
      expect: { eventType: 'Riots' },
    },
    {
      text: 'Gunmen decapitated a healer in Fana on 2 May 2024.',
      published: '2025-09-19',
      expect: { eventType: 'Violence against civilians', subEventType: 'Attack' },
    },
    {
      text: 'Women held a march in Dedougou on 2 May 2024.',
      published: '2025-09-19',
      expect: { eventType: 'Protests' },
    },
    {
      text: 'Teachers went on strike in Bourzanga on 2 May 2024.',
      published: '2025-09-19',
      expect: { eventType: 'Protests' },
    },
    {
      text: 'The garrison of Zouar fell without a fight on 2 May 2024.',
      published: '2025-09-19',
      expect: { subEventType: 'Non-violent transfer of territory' },
    },
    {
      text: 'Soldiers raped two women in Djibo on 2 May 2024.',
      published: '2025-09-19',
      expect: { subEventType: 'Sexual violence' },
    },
    {
      text: 'Rebel forces overtook Kidal on 2 May 2024.',
      published: '2025-09-19',
      expect: { subEventType: 'Non-state actor overtakes territory' },
    },
    {
      text: 'On 3 May 2024, Malian soldiers were beating back an assault near Gao.',
      expect: { eventType: 'Battles' },
    },
  ]);
});

describe('ordinary words are no events', () => {
  check([
    // The month is not a march.
    { text: 'Officials met in Dedougou in March 2024.', published: '2025-09-19', expect: undefined },
    { text: 'The ministry released a March 2024 report on Gao.', expect: undefined },
    { text: 'On 3 May 2024, displaced families gathered in Djibo to receive food aid.', expect: undefined },
  ]);
  it('a death toll that "fell" is no territory taken', () => {
    expect(claim('On 3 May 2024, the death toll in Gao fell to 12 after a recount.')?.subEventType).not.toBe(
      'Non-state actor overtakes territory',
    );
  });
});

describe('violence against civilians: one armed side, civilians the other', () => {
  check([
    {
      text: 'On 3 May 2020, gunmen killed five villagers near Djibo.',
      published: '2020-05-04',
      expect: { eventType: 'Violence against civilians', subEventType: 'Attack' },
    },
    {
      text: 'On 3 May 2020, gunmen killed five people and a woman near Djibo.',
      published: '2020-05-04',
      expect: { eventType: 'Violence against civilians' },
    },
    // People quoted are no victims; men on motorbikes are no civilians.
    {
      text: 'On 3 May 2024, gunmen attacked a checkpoint near Djibo, a resident said.',
      expect: { eventType: 'Battles' },
    },
    {
      text: 'On 3 May 2024, men on motorbikes attacked a military post near Djibo.',
      expect: { eventType: 'Battles' },
    },
    // A raid is a battle unless its victims are civilians.
    {
      text: 'The raid on 3 May 2024 began when gunmen attacked a military outpost near Djibo.',
      expect: { eventType: 'Battles' },
    },
    {
      text: 'On 3 May 2024, gunmen raided a village near Djibo, killing five villagers.',
      expect: { eventType: 'Violence against civilians' },
    },
  ]);
});

describe('protests and riots', () => {
  check([
    {
      text: 'On 3 May 2020, students demonstrated in Ouagadougou.',
      published: '2020-05-04',
      expect: { eventType: 'Protests' },
    },
    {
      text: 'On 3 May 2020, protesters ransacked the town hall in Kaya.',
      published: '2020-05-04',
      expect: { eventType: 'Riots', subEventType: 'Violent demonstration' },
    },
    {
      text: 'On 3 May 2020, demonstrators attacked a police station in Leo.',
      published: '2020-05-04',
      expect: { eventType: 'Riots' },
    },
    {
      text: 'On 3 May 2024, angry protesters destroyed the town hall in Kaya.',
      expect: { eventType: 'Riots' },
    },
    {
      text: 'On 3 May 2024, hundreds protested in Bamako against the junta, which seized power in 2020.',
      expect: { eventType: 'Protests' },
    },
    {
      text: 'On 3 May 2024, traders protested in Kayes against a wave of robberies.',
      expect: { eventType: 'Protests' },
    },
    // Someone else between the protest and the destruction did it.
    {
      text: 'On 3 May 2024, traders protested in Kayes after gunmen looted their shops.',
      expect: { eventType: 'Protests' },
    },
    // A protest about violence is a protest.
    {
      text: 'On 3 May 2024, students demonstrated in Ouagadougou against the killing of a classmate.',
      expect: { subEventType: 'Peaceful protest' },
    },
  ]);
  it('demonstrators named after the attack are no rioters', () => {
    expect(
      claim(
        'On 3 May 2024, JNIM attacked a military post near Djibo, days after protesters demanded security.',
      )?.eventType,
    ).not.toBe('Riots');
  });
});

describe('force used on demonstrators is excessive force', () => {
  check([
    {
      text: 'On 3 May 2024, Malian soldiers fired on demonstrators in Kati.',
      expect: { eventType: 'Protests', subEventType: 'Excessive force against protesters' },
    },
    {
      text: 'On 3 May 2024, protesters were killed when soldiers opened fire in Kati.',
      expect: { subEventType: 'Excessive force against protesters' },
    },
  ]);
});

describe('issue 9: coups, mutinies, blockades, arrests (ACLED codebook types)', () => {
  const p = '2020-08-20';
  const first = (text: string) => run(text, p).claims[0];
  it.each([
    ['On 18 August 2020, soldiers seized power in Bamako.', 'Strategic developments', 'Other'],
    ['On 18 August 2020, soldiers overthrew the president in Bamako.', 'Strategic developments', 'Other'],
    ['On 18 August 2020, soldiers staged a coup in Bamako.', 'Strategic developments', 'Other'],
    // A protest against a coup is a protest; leaders detained are an arrest.
    [
      'On 18 August 2020, protesters took to the streets of Bamako against the coup.',
      'Protests',
      'Peaceful protest',
    ],
    [
      'On 18 August 2020, four officers were arrested in Bamako over a plot to overthrow the government.',
      'Strategic developments',
      'Arrests',
    ],
    ['On 18 August 2020, police arrested three people in Bamako.', 'Strategic developments', 'Arrests'],
    // Mutineers firing in the air riot; fighting loyal troops, they are a side of a battle.
    [
      'On 18 August 2020, soldiers mutinied in Kati and fired into the air.',
      'Riots',
      'Violent demonstration',
    ],
    ['On 18 August 2020, loyal troops clashed with mutinous soldiers in Kati.', 'Battles', 'Armed clash'],
    [
      'On 18 August 2020, JNIM imposed a blockade on Djibo and seized livestock.',
      'Strategic developments',
      'Other',
    ],
    // "couple" is no coup.
    ['On 18 August 2020, gunmen attacked a couple in Djibo.', 'Battles', 'Armed clash'],
  ])('"%s" -> %s / %s', (text, type, sub) => {
    const c = first(text);
    expect([c?.eventType, c?.subEventType]).toEqual([type, sub]);
  });
  it('rioting mutineers are rioters; fighting ones "Mutiny of Military Forces of X"', () => {
    expect(first('On 18 August 2020, soldiers mutinied in Kati and fired into the air.')?.actors).toEqual([
      'Rioters',
    ]);
    expect(first('On 18 August 2020, loyal troops clashed with mutinous soldiers in Kati.')?.actors).toEqual([
      'Military Forces of Mali',
      'Mutiny of Military Forces of Mali',
    ]);
  });
});

describe('an attack on a village named by its community is an attack on civilians', () => {
  it.each([
    'On 5 March 2020, Fulani militiamen attacked the Dogon village of Pouraly near Koro.',
    'On 5 March 2020, Dozo militiamen attacked the Fulani village of Boundouherou near Bankass.',
  ])('"%s"', (text) => {
    expect(run(text, '2020-03-10').claims[0]?.eventType).toBe('Violence against civilians');
  });
});
