import { describe, expect, it } from 'vitest';
import { aggregate } from '../../src/app/lib/aggregate.ts';
import { emptyFilters, filterMask } from '../../src/app/lib/filters.ts';
import { buildIndex, flatFeatures } from '../../src/app/lib/model.ts';
import { syntheticIncidents } from '../bench/map/synthetic.ts';

describe('clusters from the filter mask', () => {
  const { incidents } = syntheticIncidents({ n: 5000, seed: 5 });
  const ix = buildIndex(incidents);
  const flat = flatFeatures(ix);

  it('counts and summed fatalities add up to the filtered points', () => {
    const f = { ...emptyFilters(), eventTypes: ['Battles'] };
    const mask = new Uint8Array(ix.n);
    const n = filterMask(ix, f, mask);
    let fat = 0;
    for (let i = 0; i < ix.n; i++) if (mask[i] && !Number.isNaN(ix.fatalities[i]!)) fat += ix.fatalities[i]!;
    const agg = aggregate(ix, mask, 4, (i) => flat[i] ?? null);
    let count = 0;
    let sum = 0;
    for (const g of agg.features) {
      const p = g.properties as { count?: number; fat?: number };
      count += p.count ?? 1;
      sum += p.fat ?? 0;
    }
    expect(count).toBe(n);
    expect(sum).toBe(fat);
    expect(agg.features.length).toBeLessThan(n / 5);
  });
});
