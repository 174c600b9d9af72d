// Inconsistent data give sentences and a usable subset, never an exception (src/app/lib/integrity.ts).
import { describe, expect, it } from 'vitest';
import type { RawData } from '../../src/app/lib/data.ts';
import { prepare } from '../../src/app/lib/data.ts';
import { checkData, checkRisk } from '../../src/app/lib/integrity.ts';
import { syntheticIncidents } from '../bench/map/synthetic.ts';
import type { IncidentFeature, RiskRowOut, SourceOut, UnlocatedOut } from '../../src/pipeline/contract.ts';

const { incidents, sources } = syntheticIncidents({ n: 300, seed: 4, anchors: true });
const clean = (): RawData => ({
  incidents: structuredClone(incidents),
  regions: { type: 'FeatureCollection', features: [] },
  risk: [],
  sources: structuredClone(sources),
  unlocated: [],
});
const regionFree = (d: RawData) => {
  for (const f of d.incidents.features) f.properties.region_id = null;
  return d;
};
const risk = (id: string, region_id: string | null = null): RiskRowOut => ({
  id,
  source_id: sources[0]!.id,
  source_title: null,
  table: 0,
  region_id,
  place_id: null,
  region_name: null,
  header: ['Region'],
  cells: ['x'],
  start: 0,
  end: 1,
});
const unlocated = (start: number): UnlocatedOut => ({
  source_id: sources[0]!.id,
  start,
  end: start + 1,
  sentence: 'x',
  event_type: 'Battles',
  sub_event_type: 'Armed clash',
  why: 'no place named',
});

describe('data check', () => {
  it('finds nothing in consistent data and leaves them as they are', () => {
    const d = regionFree(clean());
    const { data, problems } = checkData(d);
    expect(problems).toEqual([]);
    expect(data.incidents.features).toEqual(d.incidents.features);
    expect(data.sources).toEqual(d.sources);
  });

  it('keeps the first of a duplicated incident id and says so', () => {
    const d = regionFree(clean());
    const first = d.incidents.features[0]!;
    const twin: IncidentFeature = { ...structuredClone(first), geometry: null };
    d.incidents.features.push(twin);
    const { data, problems } = checkData(d);
    expect(data.incidents.features).toHaveLength(incidents.features.length);
    expect(data.incidents.features[0]).toBe(first);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`"${first.properties.id}"`);
    expect(problems[0]).toMatch(/more than once in incidents\.geojson/);
    expect(() => prepare(data)).not.toThrow();
  });

  it('says when two articles share a source id, and when claims name a missing source', () => {
    const d = regionFree(clean());
    const s0: SourceOut = d.sources[0]!;
    d.sources.push({ ...s0, file: 'other.md', text: 'Another article.' });
    d.incidents.features[1]!.properties.claims[0]!.source_id = 'no-such-source';
    const { data, problems } = checkData(d);
    expect(data.sources.filter((s) => s.id === s0.id)).toHaveLength(1);
    expect(problems.join('\n')).toContain(`more than one article in sources.json ("${s0.id}")`);
    expect(problems.join('\n')).toContain('sources.json lacks ("no-such-source")');
  });

  it("says when a claim's sentence is not at its offsets, shows a duplicated claim once", () => {
    const d = regionFree(clean());
    const f = d.incidents.features.find((g) => g.properties.claims.some((c) => c.end > c.start))!;
    const c = f.properties.claims.find((x) => x.end > x.start)!;
    f.properties.claims.push(structuredClone(c));
    c.start += 1;
    const { data, problems } = checkData(d);
    const out = data.incidents.features.find((g) => g.properties.id === f.properties.id)!;
    expect(out.properties.claims.filter((x) => x.id === c.id)).toHaveLength(1);
    expect(problems.join('\n')).toContain(`listed twice in one incident ("${c.id} in ${f.properties.id}")`);
    expect(problems.join('\n')).toContain('not at its offsets');
  });

  it('leaves out incidents it cannot read and names regions that are missing', () => {
    const d = clean();
    (d.incidents.features[2]!.properties as { claims: unknown }).claims = null;
    const { data, problems } = checkData(d);
    expect(data.incidents.features).toHaveLength(incidents.features.length - 1);
    expect(problems.join('\n')).toContain('#3 (its claims is not a list)');
    expect(problems.join('\n')).toMatch(/regions\.geojson lacks \("country:/);
    expect(() => prepare(data)).not.toThrow();
  });

  it('checks risk rows loaded after the rest as checkData checks them (issue 12: risk.json after the first drawing)', () => {
    const rows = [risk('a', 'country:ML'), risk('a'), risk('b', 'admin1:none'), risk('c')];
    const regions: RawData['regions'] = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: null as never,
          properties: { id: 'country:ML', name: 'Mali', kind: 'country', country: 'ML' } as never,
        },
      ],
    };
    const late = checkRisk(rows, regions);
    const all = checkData({ ...clean(), regions, risk: rows });
    expect(late.data.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(late.data).toEqual(all.data.risk);
    expect(late.problems).toEqual(all.problems.filter((p) => /^(A risk row|Risk rows)/.test(p)));
    expect(late.problems).toHaveLength(2);
    expect(checkRisk({} as never, regions)).toEqual({ data: [], problems: [] });
  });

  it('keeps the first of duplicated risk rows and events with no place, and counts beyond the examples', () => {
    const d = regionFree(clean());
    d.risk = [risk('a'), risk('a'), risk('b', 'admin1:none')];
    d.unlocated = [unlocated(5), unlocated(5), unlocated(9)];
    for (const id of ['x1', 'x2', 'x3', 'x4', 'x5'])
      d.incidents.features.push(
        structuredClone({
          ...d.incidents.features[0]!,
          properties: { ...d.incidents.features[0]!.properties, id },
        }),
        structuredClone({
          ...d.incidents.features[0]!,
          properties: { ...d.incidents.features[0]!.properties, id },
        }),
      );
    const { data, problems } = checkData(d);
    expect(data.risk.map((r) => r.id)).toEqual(['a', 'b']);
    expect(data.unlocated.map((u) => u.start)).toEqual([5, 9]);
    const text = problems.join('\n');
    expect(text).toContain('risk.json ("a")');
    expect(text).toContain('regions.geojson lacks ("admin1:none")');
    expect(text).toContain('listed twice in unlocated.json');
    expect(text).toContain(
      '5 incident ids appear more than once in incidents.geojson ("x1", "x2", "x3" and 2 more)',
    );
  });
});
