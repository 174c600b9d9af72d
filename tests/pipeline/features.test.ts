// Stage 6, features (src/pipeline/features.ts) and the whole build: incidents across sources, valid GeoJSON.
import { check } from '@placemarkio/check-geojson';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/pipeline/build.ts';
import { toFeatures } from '../../src/pipeline/features.ts';
import { familyOf } from '../../src/pipeline/group.ts';
import { hashId } from '../../src/pipeline/text.ts';
import type { Claim } from '../../src/pipeline/types.ts';
import { ctx, doc, sampleBuild } from './helpers.ts';

describe('GeoJSON out', () => {
  it('writes valid RFC 7946 with points only at town precision and 6-decimal coordinates', () => {
    const fc = sampleBuild().incidents;
    // The validator wants geometries: region-level incidents (geometry null) are checked through their points.
    expect(() =>
      check(JSON.stringify({ ...fc, features: fc.features.filter((f) => f.geometry) })),
    ).not.toThrow();
    for (const f of fc.features) {
      if (f.geometry) {
        for (const x of f.geometry.coordinates) expect(Math.round(x * 1e6) / 1e6).toBe(x);
      } else {
        expect(f.properties.region_id).toMatch(/^(country|admin1|vern):/);
        expect(f.properties.geo_precision).toBeGreaterThanOrEqual(2);
      }
      expect(f.properties.claims.length).toBeGreaterThan(0);
    }
  });
  it('actor_types is parallel to actors', () => {
    const types = new Map(ctx.lexicons.actors.map((a) => [a.name, a.type]));
    for (const f of sampleBuild().incidents.features) {
      const p = f.properties;
      expect(p.actor_types).toHaveLength(p.actors.length);
      p.actors.forEach((a, i) => {
        if (types.has(a)) expect(p.actor_types[i]).toBe(types.get(a));
        if (a.startsWith('Military Forces of ')) expect(p.actor_types[i]).toBe('State forces');
      });
    }
  });
  it('every claim points at its sentence in the cleaned source text', () => {
    const b = sampleBuild();
    const text = new Map(b.sources.map((s) => [s.id, s.text]));
    for (const f of b.incidents.features) {
      for (const c of f.properties.claims)
        expect(text.get(c.source_id)!.slice(c.start, c.end)).toBe(c.sentence);
    }
  });
});

describe('incidents across sources', () => {
  it('the same event in two sources is one incident with two claims', () => {
    const a = {
      ...doc('Gunmen attacked a convoy near Mopti on 3 May 2024, killing 5 soldiers.'),
      id: 'a',
      file: 'a.txt',
    };
    const b = {
      ...doc('On 3 May 2024 militants attacked troops in the vicinity of Mopti, killing seven soldiers.'),
      id: 'b',
      file: 'b.txt',
    };
    const out = buildCorpus([a, b], ctx).incidents.features;
    expect(out).toHaveLength(1);
    expect(out[0]!.properties.n_sources).toBe(2);
    expect(out[0]!.properties.fatalities).toBe(5);
  });
});

describe('incident ids', () => {
  it('stay unique when two incidents hash alike (32-bit ids collide about 24 times in 450k)', () => {
    // Two lead-claim ids whose incident keys collide, found by a birthday search.
    const place = 'gn:2361177';
    const seen = new Map<string, string>();
    let pair: [string, string] | null = null;
    for (let i = 0; !pair && i < 2_000_000; i++) {
      const claimId = `k${i}`;
      const h = hashId('incident', place, familyOf('Battles'), 'reported', claimId);
      const other = seen.get(h);
      if (other) pair = [other, claimId];
      else seen.set(h, claimId);
    }
    expect(pair).not.toBeNull();
    const [a, b] = pair as [string, string];
    const claim = (id: string, year: string, n: number): Claim => ({
      id,
      sourceId: `s${n}`,
      sentence: 0,
      start: 0,
      end: 10,
      text: 'Gunmen attacked the town.',
      placeId: place,
      geoPrecision: 1,
      actors: [],
      eventType: 'Battles',
      subEventType: 'Armed clash',
      dateStart: `${year}-05-12`,
      dateEnd: `${year}-05-12`,
      timePrecision: 1,
      fatalities: null,
      impacts: [],
      modality: 'reported',
      unlocatedName: null,
    });
    const fc = toFeatures([claim(a, '2019', 1), claim(b, '2023', 2)], new Map(), ctx);
    const ids = fc.features.map((f) => f.properties.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}$/);
  });
});
