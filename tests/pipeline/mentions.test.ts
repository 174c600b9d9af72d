// Stage 3, mentions (src/pipeline/mentions.ts): which spotted names are places, actors, or neither, and why.
import { describe, expect, it } from 'vitest';
import { nameKeys } from '../../src/pipeline/text.ts';
import { ctx, run } from './helpers.ts';

const fate = (text: string, surface: string) =>
  run(text).resolutions.find((x) => x.mention.surface === surface);

describe('places and demonyms apart', () => {
  const places = [
    { text: 'Troops crossed into Nigeria on Monday.', surface: 'Nigeria', expect: 'country:NG' },
    { text: 'Troops crossed into Niger on Monday.', surface: 'Niger', expect: 'country:NE' },
  ];
  it.each(places)('$surface in "$text" is $expect', (c) =>
    expect(fate(c.text, c.surface)?.placeId).toBe(c.expect),
  );
  const demonyms = [
    { text: 'Nigerien soldiers patrolled.', expect: 'Military Forces of Niger' },
    { text: 'Nigerian soldiers patrolled.', expect: 'Military Forces of Nigeria' },
  ];
  it.each(demonyms)('"$text" names $expect', (c) =>
    expect(run(c.text).spotted.actors[0]?.actor).toBe(c.expect),
  );
});

describe('no place inside an actor name or a fixed phrase', () => {
  it('a place inside an actor name is rejected', () => {
    expect(fate('Al-Qaeda in the Islamic Maghreb (AQIM) attacked.', 'Maghreb')?.status).toBe('rejected');
  });
  it('a place inside a non-location phrase is rejected, and the report says so', () => {
    expect(fate('It violates the Vienna Convention on Diplomatic Relations.', 'Vienna')?.why).toMatch(
      /non location phrase/,
    );
  });
});

describe('a short word in capitals is an acronym', () => {
  it('"an NGO in Menaka" is not the Nigerian town Ngo; Menaka is the place', () => {
    const out = run('A bomb went off at the office of an NGO in Menaka, causing damage.');
    expect(out.resolutions.map((r) => r.mention.surface)).toEqual(['Menaka']);
  });
  it('a dateline in capitals at a line start is still a name', () => {
    expect(fate('GAO, Mali (AP) — Gunmen attacked a market on Friday.', 'GAO')).toBeDefined();
  });
});

describe('no name spans a comma or a bracket', () => {
  it('"near Koro (Koro, Mopti)" is Koro twice, not the village Korokoro', () => {
    const out = run('Militants seized two vehicles near Koro (Koro, Mopti) on 20 June 2020.');
    const koro = out.resolutions.filter((r) => r.mention.surface === 'Koro');
    expect(koro).toHaveLength(2);
    expect(out.resolutions.some((r) => r.mention.surface.includes('('))).toBe(false);
  });
  it('hyphens and spaces still join a name: "Tongo-Tongo"', () => {
    expect(fate('Gunmen attacked Tongo-Tongo on Monday.', 'Tongo-Tongo')).toBeDefined();
    expect(fate('Gunmen attacked Fada N’Gourma on Monday.', 'Fada N’Gourma')?.status).toBe('resolved');
  });
});

describe('metonymy', () => {
  it('a capital that acts stands for its government', () => {
    expect(fate('Paris has criticised the junta.', 'Paris')?.why).toMatch(/metonymy, stands for France/);
  });
  it('a capital after a locative word is the place', () => {
    expect(fate('He was seen in Paris yesterday.', 'Paris')?.status).toBe('resolved');
  });
});

describe('analogy and metaphor', () => {
  const cases = [
    { text: 'It could become Africa’s Afghanistan.', surface: 'Afghanistan' },
    { text: 'A parallel can be drawn with Libya after the war.', surface: 'Libya' },
  ];
  it.each(cases)('$surface in "$text" is no location', (c) =>
    expect(fate(c.text, c.surface)?.why).toMatch(/analogy/),
  );
});

describe('coordinated compass regions', () => {
  it('"central and northern Mali" names central Mali too', () => {
    const names = run('Attacks spread across central and northern Mali on 2 May 2024.')
      .resolutions.filter((r) => r.status === 'resolved')
      .map((r) => r.mention.surface);
    expect(names).toEqual(expect.arrayContaining(['central', 'northern Mali']));
  });
});

describe('spotter vocabulary', () => {
  it('every context word the mentions stage compares is one token the spotter knows', () => {
    for (const w of ctx.words.context.vocabulary) {
      expect(nameKeys(w), w).toEqual([w]);
      expect(ctx.trie.wordId(w), w).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('what the stage passes along', () => {
  it('the document tokens and whether its headings are its text', () => {
    const story = run('Gunmen attack Gao market\n\nSoldiers repelled the assault near Mopti.');
    expect(story.spotted.tokens.count).toBe(10);
    expect(story.spotted.headingsAreText).toBe(false);
    expect(run('Truck struck by IED near Ansongo').spotted.headingsAreText).toBe(true);
  });
});
