// Spelling variants (src/pipeline/variants.ts): one name spelled two ways, looked for only inside the units the
// text names in brackets. Names from the committed village layers; sentences written for this test.
import { describe, expect, it } from 'vitest';
import { variantIn, variantKey, withinOneEdit } from '../../src/pipeline/variants.ts';
import { ctx, run } from './helpers.ts';

describe('variant keys', () => {
  it.each([
    ['Konna', 'Kona'],
    ['Tchiani', 'Chiani'],
    ['Djibo', 'Jibo'],
    ['Koutougou', 'Kutugu'],
    ['Tongo-Tongo', 'Tongo Tongo'],
  ])('%s and %s share a key', (a, b) => expect(variantKey(a)).toBe(variantKey(b)));

  it.each([
    ['bulikesi', 'bulkesi', true], // a letter dropped
    ['diuila', 'dioila', true], // a letter changed
    ['abcde', 'bacde', true], // neighbours swapped
    ['bulikesi', 'bulkesa', false], // two edits
    ['abcde', 'abcdefg', false],
  ])('%s ~ %s: %s', (a, b, ok) => expect(withinOneEdit(a, b)).toBe(ok));
});

describe('a bracketed head the gazetteer spells otherwise', () => {
  it('"Boulikessi (Douentza, Mopti)" is the Boulkessi of Douentza cercle, not the Burkinabè Boulikéssi', () => {
    const out = run(
      'Militants attacked a patrol in Boulikessi (Douentza, Mopti) on 24 July 2020.',
      '2020-07-30',
    );
    const r = out.resolutions.find((x) => x.mention.surface === 'Boulikessi');
    expect(r?.status).toBe('resolved');
    expect(ctx.gazetteer.get(r?.placeId ?? '')?.name).toBe('Boulkessi');
    expect(r?.why).toContain('resolved by spelling');
    expect(out.claims.map((c) => [ctx.gazetteer.get(c.placeId)?.name, c.geoPrecision])).toEqual([
      ['Boulkessi', 1],
    ]);
  });

  it('is looked for only inside the units named: no Boulkessi in Ségou', () => {
    const segou = ctx.gazetteer.get('admin1:ML-4');
    expect(segou).toBeDefined();
    expect(variantIn('Boulikessi', segou!, 'Segou', ctx.gazetteer)).toBeNull();
  });

  it('short names are never matched by variant', () => {
    const mopti = ctx.gazetteer.get('admin1:ML-5');
    expect(variantIn('Kona', mopti!, 'Mopti', ctx.gazetteer)).toBeNull();
  });
});
