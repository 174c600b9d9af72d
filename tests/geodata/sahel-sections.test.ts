// Village sections ("Kabonga 1", "Kabonga 2") take the plain name once (scripts/geodata/sahel-sections.ts).
import { describe, expect, it } from 'vitest';
import { sectionAliases } from '../../scripts/geodata/sahel-sections.ts';
import type { SahelPlace } from '../../scripts/geodata/sahel-format.ts';
import { nameKeySet } from '../../scripts/geodata/sahel-merge.ts';

const place = (id: string, name: string, country = 'BF', admin2 = 'admin2:X', type = 'village'): SahelPlace => ({
  id,
  ids: [id],
  name,
  alt: [],
  keys: nameKeySet([name]),
  type: type as SahelPlace['type'],
  fcode: 'PPL',
  population: null,
  country,
  admin1: null,
  admin2: { id: admin2, name: 'X' },
  point: [0, 0],
});
const words = new Set(['commune', 'point']);
const run = (places: SahelPlace[]) => sectionAliases(places, places, (k) => words.has(k));

describe('village sections', () => {
  it('the first section by number takes the plain name, once per admin-2 unit', () => {
    const got = run([place('gn:2', 'Kabonga 2'), place('gn:1', 'Kabonga 1'), place('gn:3', 'Yere II', 'ML', 'a'), place('gn:4', 'Yere I', 'ML', 'a')]);
    expect(got).toEqual([
      { id: 'gn:1', plain: 'Kabonga' },
      { id: 'gn:4', plain: 'Yere' },
    ]);
  });

  it('not when the country has the plain name already, nor for a word, a quarter or a people of two sections', () => {
    expect(run([place('gn:1', 'Kabonga 1'), place('gn:9', 'Kabonga')])).toEqual([]);
    expect(run([place('gn:1', 'Commune 1', 'ML', 'a', 'admin3'), place('gn:2', 'Point A')])).toEqual([]);
    expect(run([place('gn:1', 'Cité Kalo III', 'BF', 'a', 'quarter')])).toEqual([]);
    expect(run([place('gn:1', 'Silimi Mossi'), place('gn:2', 'Silimi Peul')])).toEqual([]);
    expect(run([place('gn:1', 'Tiamey Peul')])).toEqual([{ id: 'gn:1', plain: 'Tiamey' }]);
    // Another country's "Kabonga" takes nothing from Burkina's sections.
    expect(run([place('gn:1', 'Kabonga 1'), place('wof:1', 'Kabonga', 'NG')])).toEqual([{ id: 'gn:1', plain: 'Kabonga' }]);
  });
});
