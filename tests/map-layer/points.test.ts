// Hash tables over typed arrays (src/app/lib/points.ts): distinct points and packed ids, checked against Maps.
import { describe, expect, it } from 'vitest';
import { distinctPoints, idTable } from '../../src/app/lib/points.ts';
import type { IncidentIndex } from '../../src/app/lib/model.ts';

describe('points and ids', () => {
  it('numbers distinct points in order of first appearance (0 and -0 one point, no point -1)', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const n = 5000;
    const lon = new Float64Array(n);
    const lat = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      lon[i] = i % 17 === 0 ? NaN : Math.round(rnd() * 40) / 8 - 2;
      lat[i] = Math.round(rnd() * 10) / 4;
    }
    lon[1] = -0;
    lat[1] = 0;
    lon[2] = 0;
    lat[2] = -0;
    const d = distinctPoints({ n, lon, lat } as unknown as IncidentIndex);
    const want = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(lon[i]!)) {
        expect(d.of[i]).toBe(-1);
        continue;
      }
      const key = `${lon[i]},${lat[i]}`;
      if (!want.has(key)) want.set(key, want.size);
      expect(d.of[i], key).toBe(want.get(key));
    }
    expect(d.count).toBe(want.size);
    expect(d.of[1]).toBe(d.of[2]);
  });

  it('finds packed ids and lists the later rows of repeated ids', () => {
    const ids = Uint32Array.from({ length: 3000 }, (_, i) => (i * 2654435761) >>> 0);
    ids[2000] = ids[5]!;
    ids[2999] = ids[5]!;
    const t = idTable(ids);
    expect(t.dups).toEqual([2000, 2999]);
    for (let r = 0; r < 3000; r++) expect(t.get(ids[r]!)).toBe(r === 2000 || r === 2999 ? 5 : r);
    expect(t.get(123)).toBeUndefined();
  });
});
