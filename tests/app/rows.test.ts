// Each panel's rows from one filter state (src/app/lib/rows.ts): counts, incident list, region table, export.
import { describe, expect, it } from 'vitest';
import { emptyFilters, filterMask, matchesIncident, type FilterState } from '../../src/app/lib/filters.ts';
import { buildIndex } from '../../src/app/lib/model.ts';
import { buildRegionIndex, regionShade, regionStats } from '../../src/app/lib/regions.ts';
import {
  alsoHere,
  exportSet,
  facetCounts,
  incidentList,
  regionIndicators,
  regionOverlaps,
  regionRows,
  riskRows,
  shownValues,
  tableRows,
  unlocatedRows,
} from '../../src/app/lib/rows.ts';
import { syntheticIncidents } from '../bench/map/synthetic.ts';
import type { RegionCollection, RegionProps, RiskRowOut, UnlocatedOut } from '../../src/pipeline/contract.ts';

const { incidents } = syntheticIncidents({ n: 400, seed: 7, anchors: true });
const ix = buildIndex(incidents);

const box = (props: RegionProps, [w, s, e, n]: number[]): RegionCollection['features'][number] => ({
  type: 'Feature',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [w!, s!],
        [e!, s!],
        [e!, n!],
        [w!, n!],
        [w!, s!],
      ],
    ],
  },
  properties: props,
});
const regions: RegionCollection = {
  type: 'FeatureCollection',
  features: [
    box({ id: 'country:ML', name: 'Mali', kind: 'country', country: 'ML' }, [-12, 10, 4, 25]),
    box({ id: 'admin1:ML-5', name: 'Mopti', kind: 'admin1', country: 'ML' }, [-5, 13.5, -3, 15.5]),
    box({ id: 'country:BF', name: 'Burkina Faso', kind: 'country', country: 'BF' }, [-5.5, 9.4, 2.4, 15.1]),
    box({ id: 'country:TD', name: 'Chad', kind: 'country', country: 'TD' }, [13, 7, 24, 23]),
  ],
};
const rx = buildRegionIndex(regions, ix);

const riskRow = (id: string, region_id: string | null, cells: string[], source_id = 's1'): RiskRowOut => ({
  id,
  source_id,
  source_title: 'Risk table',
  table: 0,
  region_id,
  place_id: null,
  region_name: region_id,
  header: ['Region', 'Impact', 'Risk'],
  cells,
  start: 0,
  end: 1,
});
const risk = [
  riskRow('r1', 'country:TD', ['Chad', 'displacement', 'high']),
  riskRow('r2', null, ['Lake region', 'famine', 'medium'], 's2'),
];

function maskOf(f: FilterState): Uint8Array {
  const mask = new Uint8Array(ix.n);
  filterMask(ix, f, mask);
  return mask;
}
const all = maskOf(emptyFilters());
const jnim = maskOf({ ...emptyFilters(), actors: ['JNIM'] });

describe('export set and counts', () => {
  it('the export set is exactly what the JS predicate keeps, in file order', () => {
    for (const f of [
      emptyFilters(),
      { ...emptyFilters(), actors: ['JNIM'] },
      { ...emptyFilters(), q: 'mopti' },
    ]) {
      const want = incidents.features
        .filter((g) => matchesIncident(g.properties, f))
        .map((g) => g.properties.id);
      expect(exportSet(ix, maskOf(f)).map((g) => g.properties.id)).toEqual(want);
    }
  });

  it('counts beside each value count the filtered incidents carrying it', () => {
    const c = facetCounts(ix, jnim);
    const kept = exportSet(ix, jnim);
    expect(c.actors.get('JNIM')).toBe(kept.length);
    for (const [t, n] of c.eventTypes)
      expect(n).toBe(kept.filter((g) => g.properties.event_type === t).length);
    const wagner = kept.filter((g) => g.properties.actors.includes('Wagner Group')).length;
    expect(c.actors.get('Wagner Group') ?? 0).toBe(wagner);
  });
});

describe('long facets', () => {
  it('draw the chosen values, then the first matches of the find box, and count the rest', () => {
    const values = Array.from({ length: 500 }, (_, i) => ({ value: `s${i}`, label: `Title ${i % 37} Mali` }));
    // the definition it replaces: two filters over every value
    const twoPass = (chosen: string[], q: string, n: number) => {
      const f = q.trim().toLowerCase();
      const match = values.filter(
        (v) =>
          !chosen.includes(v.value) &&
          (!f || v.label.toLowerCase().includes(f) || v.value.toLowerCase().includes(f)),
      );
      return {
        list: [...values.filter((v) => chosen.includes(v.value)), ...match.slice(0, n)],
        more: Math.max(0, match.length - n),
      };
    };
    for (const chosen of [[], ['s3'], ['s499', 's7', 'nope']])
      for (const q of ['', ' MALI ', 'title 1', 's4', 'none'])
        for (const n of [0, 50, 100, 1000])
          expect(shownValues(values, chosen, q, n)).toEqual(twoPass(chosen, q, n));
  });
});

describe('incident list', () => {
  it('narrows to a selected region (incidents counted toward it) and stops at the limit', () => {
    const r = rx.byId.get('admin1:ML-5')!;
    const inside = exportSet(ix, all).filter((g) => {
      const i = ix.byId.get(g.properties.id)!;
      return [
        ...rx.ofIncident.list.subarray(rx.ofIncident.offsets[i]!, rx.ofIncident.offsets[i + 1]!),
      ].includes(r);
    });
    expect(inside.length).toBeGreaterThan(3);
    const list = incidentList(ix, rx, all, 'admin1:ML-5', 3);
    expect(list.total).toBe(inside.length);
    // newest first: the date-ordered index walked backwards, undated incidents last
    const newest = [
      ...inside.filter((g) => g.properties.date_start).reverse(),
      ...inside.filter((g) => !g.properties.date_start),
    ];
    expect(list.items.map((g) => g.properties.id)).toEqual(newest.slice(0, 3).map((g) => g.properties.id));
    const byToll = incidentList(ix, rx, all, 'admin1:ML-5', 3, 'toll').items.map(
      (g) => g.properties.fatalities ?? -1,
    );
    expect(byToll).toEqual([...byToll].sort((a, b) => b - a));
    expect(incidentList(ix, rx, jnim, null).total).toBe(exportSet(ix, jnim).length);
  });

  it('"also here" lists the other filtered incidents at the same point', () => {
    const i = ix.features.findIndex(
      (g, k) =>
        g.geometry &&
        ix.features.some(
          (h, j) => j !== k && h.geometry && h.geometry.coordinates.join() === g.geometry!.coordinates.join(),
        ),
    );
    expect(i).toBeGreaterThanOrEqual(0);
    const at = ix.features[i]!.geometry!.coordinates.join();
    const want = ix.features.filter((g, j) => j !== i && g.geometry?.coordinates.join() === at);
    expect(alsoHere(ix, all, i)).toEqual(want);
    expect(alsoHere(ix, new Uint8Array(ix.n), i)).toEqual([]);
  });
});

describe('region table and export indicators', () => {
  const stats = regionStats(ix, rx, all, risk);
  const rows = regionRows(rx, stats, risk);

  it('lists the regions with incidents or risk rows, with the stats of the filtered set', () => {
    const ml = rows.find((r) => r.id === 'country:ML')!;
    const r = rx.byId.get('country:ML')!;
    expect(ml.incidents).toBe(stats.incidents[r]);
    expect(ml.claims).toBe(stats.claims[r]);
    expect(ml.actors).toEqual([...stats.actors[r]!]);
    const td = rows.find((x) => x.id === 'country:TD')!;
    expect(td.risk.map((x) => x.id)).toEqual(['r1']);
    // a region with neither is left out
    const none = regionRows(rx, regionStats(ix, rx, new Uint8Array(ix.n), []), []);
    expect(none).toEqual([]);
  });

  it('a selected country also lists its own regions; sorting by any column, ties by name', () => {
    const sel = tableRows(rows, rx, 'country:ML', { key: 'region', desc: false });
    expect(sel.map((r) => r.id)).toEqual(['country:ML', 'admin1:ML-5']);
    expect(tableRows(rows, rx, 'admin1:ML-5', { key: 'region', desc: false }).map((r) => r.id)).toEqual([
      'admin1:ML-5',
    ]);
    const byIncidents = tableRows(rows, rx, null, { key: 'incidents', desc: true });
    for (let k = 1; k < byIncidents.length; k++)
      expect(byIncidents[k - 1]!.incidents).toBeGreaterThanOrEqual(byIncidents[k]!.incidents);
    const byRisk = tableRows(rows, rx, null, { key: 'risk', desc: true });
    expect(byRisk[0]!.id).toBe('country:TD');
  });

  it('says which rows overlap: incidents counted in both, or a region inside a country row', () => {
    const ov = regionOverlaps(rx, all, rows);
    const counted = (id: string) => {
      const r = rx.byId.get(id)!;
      return new Set(
        exportSet(ix, all)
          .map((g) => ix.byId.get(g.properties.id)!)
          .filter((i) =>
            rx.ofIncident.list.subarray(rx.ofIncident.offsets[i]!, rx.ofIncident.offsets[i + 1]!).includes(r),
          ),
      );
    };
    const inMopti = counted('admin1:ML-5');
    const both = [...counted('country:ML')].filter((i) => inMopti.has(i)).length;
    expect(both).toBeGreaterThan(0);
    expect(ov.get('admin1:ML-5')).toContainEqual({
      id: 'country:ML',
      name: 'Mali',
      kind: 'country',
      shared: both,
    });
    expect(ov.get('country:ML')).toContainEqual({
      id: 'admin1:ML-5',
      name: 'Mopti',
      kind: 'admin1',
      shared: both,
    });
    // countries share no incident with each other: Chad's row overlaps nothing
    expect(ov.get('country:TD')).toBeUndefined();
    // under a filter that leaves Mopti no incident, its risk row still lies inside Mali's row
    const moptiRisk = [riskRow('r3', 'admin1:ML-5', ['Mopti', 'displacement', 'high'])];
    const none = new Uint8Array(ix.n);
    const rows2 = regionRows(rx, regionStats(ix, rx, none, [...risk, ...moptiRisk]), [
      ...risk,
      ...moptiRisk,
      riskRow('r4', 'country:ML', ['Mali', 'displacement', 'high']),
    ]);
    const ov2 = regionOverlaps(rx, none, rows2);
    expect(ov2.get('admin1:ML-5')).toEqual([{ id: 'country:ML', name: 'Mali', kind: 'country', shared: 0 }]);
    expect(ov2.get('country:TD')).toBeUndefined();
  });

  it('sums per group of incidents with the same regions as per incident and region (whole and fractional tolls)', () => {
    const reference = (x: typeof ix, mask: Uint8Array) => {
      const m = regions.features.length;
      const out = {
        incidents: new Uint32Array(m),
        claims: new Uint32Array(m),
        fatalities: new Float64Array(m),
        areal: new Uint32Array(m),
      };
      for (let i = 0; i < x.n; i++) {
        if (!mask[i]) continue;
        for (let k = rx.ofIncident.offsets[i]!; k < rx.ofIncident.offsets[i + 1]!; k++) {
          const r = rx.ofIncident.list[k]!;
          out.incidents[r]!++;
          out.claims[r]! += x.nClaims[i]!;
          if (!Number.isNaN(x.fatalities[i]!)) out.fatalities[r]! += x.fatalities[i]!;
          if (r === rx.own[i]) out.areal[r]!++;
        }
      }
      return out;
    };
    // a third of every toll: sums that depend on their order, which then stays the incidents' order
    const fractional = { ...ix, fatalities: ix.fatalities.map((f) => f / 3) };
    for (const x of [ix, fractional])
      for (const mask of [all, jnim]) {
        const s = regionStats(x, rx, mask, []);
        const want = reference(x, mask);
        expect(s.incidents).toEqual(want.incidents);
        expect(s.claims).toEqual(want.claims);
        expect(s.fatalities).toEqual(want.fatalities);
        expect(s.areal).toEqual(want.areal);
      }
    expect(rx.groups.offsets.length - 1).toBeLessThan(ix.n);
    for (let i = 0; i < ix.n; i++) expect(rx.own[i]).toBe(rx.groupOwn[rx.group[i]!]);
  });

  it('shades each region by its measure over the highest at the shown level', () => {
    const sh = regionShade(regions, stats, 'claims', 'country');
    const max = Math.max(
      ...regions.features.map((f, r) => (f.properties.kind === 'country' ? stats.claims[r]! : 0)),
    );
    regions.features.forEach((_, r) => expect(sh[r]!.v).toBeCloseTo(stats.claims[r]! / max));
    expect(regionShade(regions, stats, 'risk', 'country')[rx.byId.get('country:TD')!]!.v).toBe(1);
  });

  it('the export writes the same figures on each region polygon', () => {
    const ind = regionIndicators(rows);
    expect([...ind.keys()]).toEqual(rows.map((r) => r.id));
    const td = ind.get('country:TD')!;
    expect(td.risk_rows).toBe(1);
    const ml = ind.get('country:ML')!;
    expect(ml.actors).toBe(rows.find((r) => r.id === 'country:ML')!.actors.join('; '));
    expect(ml.last_event === null || /^\d{4}-\d{2}-\d{2}$/.test(String(ml.last_event))).toBe(true);
  });
});

describe('rows that are not incidents', () => {
  it('risk rows follow the source and free-text filters only', () => {
    expect(riskRows(risk, { sources: [], q: '' })).toHaveLength(2);
    expect(riskRows(risk, { sources: ['s2'], q: '' }).map((r) => r.id)).toEqual(['r2']);
    expect(riskRows(risk, { sources: [], q: 'CHAD high' }).map((r) => r.id)).toEqual(['r1']);
    expect(riskRows(risk, { sources: [], q: 'chad famine' })).toEqual([]);
  });

  const row = (source_id: string, sentence: string, event_type = 'Battles'): UnlocatedOut => ({
    source_id,
    start: 0,
    end: sentence.length,
    sentence,
    event_type,
    sub_event_type: 'Armed clash',
    why: 'no place named',
  });
  it('events with no place follow the source and event-type filters and every word of the text filter', () => {
    const rows = [
      row('a', 'Soldiers were killed in an ambush.'),
      row('b', 'Protesters gathered.', 'Protests'),
    ];
    const f = (o: Partial<FilterState>) => ({ ...emptyFilters(), ...o });
    expect(unlocatedRows(rows, f({ eventTypes: ['Protests'] })).map((r) => r.source_id)).toEqual(['b']);
    expect(unlocatedRows(rows, f({}))).toHaveLength(2);
    expect(unlocatedRows(rows, f({ sources: ['b'] })).map((r) => r.source_id)).toEqual(['b']);
    expect(unlocatedRows(rows, f({ q: 'ambush soldiers' }))).toHaveLength(1);
    expect(unlocatedRows(rows, f({ q: 'protests' }))).toHaveLength(1);
    expect(unlocatedRows(rows, f({ q: 'ambush protesters' }))).toHaveLength(0);
  });
});
