// The embassy rule (src/pipeline/claims/embassy.ts): an event at an embassy with no place named is near the
// capital of the country the article is about.
import { describe, expect, it } from 'vitest';
import { ctx, run } from '../helpers.ts';

const capital = (name: string) => ctx.gazetteer.byName(name).find((e) => e.featureCode === 'PPLC');
const bamako = capital('Bamako');
const embassyClaim = (text: string, published?: string) =>
  run(text, published).claims.find((c) => c.text.includes('embassy'));

describe('the host country: what the article is about', () => {
  it('an embassy with no place named is in the capital of the country the article is about, "near" at best', () => {
    const claim = embassyClaim(
      'Militants attacked a convoy near Gao on 2 May 2024. Troops clashed with JNIM near Mopti.\n\n' +
        'The US embassy evacuated non-emergency personnel on 3 May 2024.',
    );
    expect(bamako).toBeDefined();
    expect(claim?.placeId).toBe(bamako?.id);
    expect(claim?.geoPrecision).toBe(2);
  });
  it('not in its own country', () => {
    const own = run(
      'French troops left Mali. French officials in Paris and Lyon and Marseille said more. Protesters attacked the French embassy on 2 May 2024.',
    );
    expect(own.claims.at(-1)?.placeId).toBe(bamako?.id);
  });
  it('a country that owns the embassy is not where the event was', () => {
    const out = run(
      'Clashes in Mopti and Gao on 2 May 2024. Protesters attacked Mali’s embassy on 3 May 2024.',
      '2024-05-10',
    );
    expect(out.claims.filter((c) => c.text.includes('embassy'))).toEqual([]);
    expect(out.unlocated[0]?.why).toMatch(/embassy whose host is unclear/);
    expect(out.unlocated[0]?.eventType).toBe('Riots');
  });
  it('an article about two countries equally gives no capital', () => {
    const tie = run(
      'Militants attacked a convoy near Gao on 2 May 2024. Troops clashed with JNIM near Tillaberi.\n\n' +
        'The US embassy evacuated non-emergency personnel on 3 May 2024.',
    );
    expect(tie.claims.find((c) => c.text.startsWith('The US embassy'))).toBeUndefined();
  });
});

describe('where embassies sit (claim-words.json embassyCities)', () => {
  it("Côte d'Ivoire's embassies are in Abidjan", () => {
    const ivorian = run(
      'Clashes in Bouake on 2 May 2024. Clashes in Korhogo on 3 May.\n\nProtesters attacked the French embassy on 4 May 2024.',
    );
    expect(ctx.gazetteer.get(ivorian.claims.at(-1)?.placeId ?? '')?.name).toBe('Abidjan');
  });
});

describe('an embassy the event does not concern', () => {
  it('not when the embassy is the source of the report', () => {
    const source = run(
      'Fighting in Mopti and Gao on Sunday.\n\nGunmen killed 12 villagers on Monday, the US embassy said in a statement.',
    );
    expect(source.claims.filter((c) => c.placeId === bamako?.id)).toEqual([]);
    expect(source.unlocated.map((u) => u.text)).toEqual([
      'Gunmen killed 12 villagers on Monday, the US embassy said in a statement.',
    ]);
  });
  it('embassy guards and vehicles are not the embassy', () => {
    const out = run(
      'Jihadists ambushed a convoy near Gao on 2 May 2024. Two embassy guards were killed in the attack.',
      '2024-05-10',
    );
    expect(out.claims).toHaveLength(2);
    expect(out.claims[1]?.placeId).toBe(out.claims[0]?.placeId);
  });
  it('a named place wins', () => {
    const named = embassyClaim(
      'Militants attacked a convoy near Gao on 2 May 2024. The French embassy in Niamey evacuated its staff on 3 May 2024.',
    );
    expect(named?.placeId).toBe(capital('Niamey')?.id);
  });
});
