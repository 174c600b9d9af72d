// The article-level scorer on invented fixture gold (tests/fixtures/eval/articles/) with hand-written predictions,
// its geometry and actor rules, and the CLI end to end on the fixture articles.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { actorKey, compareActors } from '../../src/eval/articles-actors.ts';
import {
  boundaryKm,
  buildRegionIndex,
  insideRings,
  regionShape,
  type RegionFeatureLike,
} from '../../src/eval/articles-geo.ts';
import { goldInterval, parseGoldJsonl, parseNotIncidentPlaces } from '../../src/eval/articles-gold.ts';
import { scoreArticles, type ScoredIncident } from '../../src/eval/articles.ts';
import { dumpRows, summariseArticles } from '../../src/eval/articles-summary.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIX = 'tests/fixtures/eval/articles';
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const gold = parseGoldJsonl(read(`${FIX}/gold.jsonl`));
const nip = parseNotIncidentPlaces(read(`${FIX}/not_incident_places.jsonl`));
const regions = buildRegionIndex(
  (JSON.parse(read('geodata/regions.geojson')) as { features: RegionFeatureLike[] }).features,
);

const A1 = '01_wire_douentza_attack';
const A2 = '02_radio_douentza_toll';
const DOUENTZA: [number, number] = [-2.94978, 15.00155];
type ClaimIn = Partial<ScoredIncident['properties']['claims'][number]> & { source_id: string };

/** A hand-written incident: a point ([lon, lat]) or a region id, a type and its claims. */
function inc(
  id: string,
  where: [number, number] | string,
  eventType: string,
  claims: ClaimIn[],
  over: Partial<ScoredIncident['properties']> = {},
): ScoredIncident {
  const full = claims.map((c, k) => ({
    id: `${id}-${k}`,
    actors: [],
    fatalities: null,
    modality: 'reported',
    date_start: null,
    date_end: null,
    unlocated_name: null,
    ...c,
  }));
  const stated = full.map((c) => c.fatalities).filter((n): n is number => n !== null);
  return {
    geometry: typeof where === 'string' ? null : { type: 'Point', coordinates: where },
    properties: {
      id,
      place_id: typeof where === 'string' ? where : 'gn:0',
      place_name: id,
      region_id: typeof where === 'string' ? where : null,
      geo_precision: typeof where === 'string' ? 3 : 1,
      event_type: eventType,
      sub_event_type: null,
      fatalities: stated.length ? Math.min(...stated) : null,
      modality: 'reported',
      claims: full,
      ...over,
    },
  };
}

const VAC = 'Violence against civilians';
const day = (d: string) => ({ date_start: d, date_end: null });
const predictions: ScoredIncident[] = [
  inc('P01', DOUENTZA, VAC, [
    {
      source_id: A1,
      fatalities: 12,
      ...day('2024-03-03'),
      actors: ['Unidentified armed group', 'Civilians'],
    },
    { source_id: A2, fatalities: 15, ...day('2024-03-03') },
  ]),
  // The dateline's town, the reference town ("150 km north of Gao"), a president's name.
  inc('P02', [-8, 12.65], VAC, [{ source_id: A1, fatalities: 12, ...day('2024-03-03') }], {
    place_name: 'Bamako',
  }),
  inc('P03', [-0.04472, 16.27167], 'Battles', [{ source_id: A1, ...day('2024-03-02') }], {
    place_name: 'Gao',
  }),
  inc('P04', 'admin1:ML-7', 'Battles', [
    { source_id: A1, fatalities: 5, ...day('2024-03-02'), actors: ['Military Forces of Mali'] },
  ]),
  inc('P05', [5.7726, 14.7575], VAC, [{ source_id: A1 }], { place_name: 'Keita' }),
  inc('P06', DOUENTZA, VAC, [{ source_id: A1, ...day('2024-03-03') }]),
  inc('P07', 'country:ML', VAC, [{ source_id: A1, date_start: '2024-03-01', date_end: '2024-03-31' }]),
  inc('P08', 'country:ML', 'Battles', [{ source_id: A1, date_start: '2012-01-01', date_end: '2012-12-31' }]),
  inc('P09', DOUENTZA, 'Protests', [{ source_id: A2, ...day('2024-03-03') }]),
  inc('P10', [-4.18296, 14.4843], 'Battles', [{ source_id: '03_brief_mopti_outlook' }], {
    modality: 'speculative',
  }),
  inc('P11', [1.40778, 18.44111], 'Battles', [{ source_id: '04_other_kidal_note' }]),
  inc('P12', DOUENTZA, VAC, [{ source_id: A1, fatalities: 3, ...day('2023-01-01') }]),
  inc('P13', 'admin1:ML-7', 'Protests', [{ source_id: A1, ...day('2024-03-02') }]),
  inc('P14', DOUENTZA, VAC, [{ source_id: A2, ...day('2024-03-03') }]),
  inc('P15', 'admin1:ML-5', VAC, [{ source_id: A2, ...day('2024-03-03') }]),
];

const input = { gold: gold.lines, notIncidentPlaces: nip.byArticle, incidents: predictions, regions };

describe('real-news gold files', () => {
  it('reads lines, alt places and the not-incident places', () => {
    expect(gold.problems).toEqual([]);
    expect(gold.lines.map((g) => g.gid)).toEqual(['F001', 'F002', 'F003', 'F004', 'F005']);
    const f4 = gold.lines[3];
    expect(f4?.sourceId).toBe(A2);
    expect(f4?.places).toEqual([
      { kind: 'point', lat: 15.0016, lon: -2.9498, radiusKm: 25, label: null },
      { kind: 'region', region: 'Mopti', country: 'Mali', label: 'Mopti region' },
    ]);
    expect(nip.byArticle.get(A1)).toEqual(['Bamako', 'Keïta', 'France']);
  });

  it('reports malformed lines instead of failing', () => {
    const r = parseGoldJsonl(
      [
        '{"file":"a.txt","gid":"X","tier":"main","event_type":"Battles","country":"Mali"}',
        'not json',
        '',
      ].join('\n'),
    );
    expect(r.lines).toEqual([]);
    expect(r.problems.map((p) => p.line)).toEqual([1, 2]);
  });

  it('turns a gold date into its interval of days', () => {
    expect(goldInterval('2024-02')).toEqual(['2024-02-01', '2024-02-29']);
    expect(goldInterval('2023')).toEqual(['2023-01-01', '2023-12-31']);
    expect(goldInterval('2024-03-03')).toEqual(['2024-03-03', '2024-03-03']);
    expect(goldInterval(null)).toBeNull();
  });
});

describe('region geometry', () => {
  const square = (x0: number, y0: number, s: number): [number, number][] => [
    [x0, y0],
    [x0 + s, y0],
    [x0 + s, y0 + s],
    [x0, y0 + s],
    [x0, y0],
  ];
  it('treats holes as outside (even-odd over all rings)', () => {
    const rings = [square(0, 0, 10), square(4, 4, 2)];
    expect(insideRings([1, 1], rings)).toBe(true);
    expect(insideRings([5, 5], rings)).toBe(false);
    expect(insideRings([11, 5], rings)).toBe(false);
  });

  it('puts the interior point inside a C-shaped region and measures the boundary', () => {
    // A C: the centroid of the ring falls in the notch, outside the shape.
    const c: [number, number][] = [
      [0, 0],
      [10, 0],
      [10, 2],
      [2, 2],
      [2, 8],
      [10, 8],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    const s = regionShape({
      properties: { id: 'c', name: 'C' },
      geometry: { type: 'Polygon', coordinates: [c] },
    });
    expect(s).not.toBeNull();
    expect(insideRings(s?.interior ?? [0, 0], s?.rings ?? [])).toBe(true);
    expect(s?.area).toBeCloseTo(100 - 48, 6);
    // One degree of latitude south of the square's lower edge at the equator: about 111 km.
    expect(boundaryKm([5, -1], [square(0, 0, 10)])).toBeCloseTo(111.2, 0);
  });

  it('finds a region by name, preferring the gold country', () => {
    expect(regions.find('Sahel', 'Burkina Faso')?.id).toBe('admin1:BF-12');
    expect(regions.find('Sahel', null)?.id).toBe('vern:sahel');
    expect(regions.find('Tillaberi', 'Niger')?.id).toBe('admin1:NE-6');
    expect(regions.find('admin1:NE-6', null)?.name).toBe('Tillabéri');
    expect(regions.countryCode('Ivory Coast')).toBe('CI');
  });
});

describe('actor names', () => {
  it.each([
    ['Police Forces of Mali (2021-) Gendarmerie', 'police forces of mali'],
    ['Mutiny of Military Forces of Mali', 'military forces of mali'],
    ['JNIM: Group for Support of Islam and Muslims', 'jnim'],
    ['Civilians (Burkina Faso)', 'civilians'],
    ['Islamic State (Sahel)', 'islamic state in the greater sahara'],
    ['Military Forces of the United States', 'united states'],
    ['MNLA: National Movement for the Liberation of Azawad', 'tuareg rebels'],
    ['MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali', 'un / minusma'],
    ['Africa Corps', 'wagner group'],
  ])('%s -> %s', (name, key) => expect(actorKey(name)).toBe(key));

  it('compares sets', () => {
    const c = compareActors(['Civilians (Mali)', 'Unidentified Armed Group (Mali)'], ['Civilians', 'JNIM']);
    expect(c).toEqual({ exact: false, overlap: true, tp: 1, fp: 1, fn: 1 });
  });
});

describe('scoreArticles on hand-written predictions', () => {
  const score = scoreArticles(input);
  const cls = Object.fromEntries(score.incidents.map((r) => [predictions[r.index]?.properties.id, r.class]));
  const f = summariseArticles(score, predictions);

  it('classes every scored incident', () => {
    expect(cls).toEqual({
      P01: 'correct',
      P02: 'false_pin', // dateline
      P03: 'false_pin', // reference town: a pin never matches a gold region
      P04: 'correct', // the gold region itself
      P05: 'false_pin', // a person's name
      P06: 'duplicate', // F001 already shown by P01
      P07: 'duplicate', // coarse for F001 and F002, both shown
      P08: 'coarse', // the country for the background line on northern Mali
      P09: 'correct', // the displacement line: not a false pin
      P12: 'false_pin', // right place, wrong date
      P13: 'false_pin', // polygon matches, disorder type does not
      P14: 'correct',
      P15: 'duplicate', // F004's alt region, but F004 already taken
    });
    expect(score.speculative.map((i) => predictions[i]?.properties.id)).toEqual(['P10']);
    expect(score.outOfScope.map((i) => predictions[i]?.properties.id)).toEqual(['P11']);
    const reasons = Object.fromEntries(
      score.incidents
        .filter((r) => r.class === 'false_pin')
        .map((r) => [predictions[r.index]?.properties.id, [r.falsePinReason, r.inNotIncidentPlaces]]),
    );
    expect(reasons).toEqual({
      P02: ['no_place', true],
      P03: ['no_place', false],
      P05: ['no_place', true],
      P12: ['wrong_date', false],
      P13: ['wrong_type', false],
    });
  });

  it('finds each main line once, one line per article for an incident of two articles', () => {
    const found = Object.fromEntries(
      score.gold.map((g) => [g.gold.gid, g.recall ? predictions[g.recall.inc]?.properties.id : g.outcome]),
    );
    expect(found).toEqual({ F001: 'P01', F002: 'P04', F003: null, F004: 'P01', F005: null });
  });

  it('computes the figures', () => {
    expect(f).toMatchObject({
      n_gold_main: 3,
      n_pred: 13,
      recall_place: 1,
      recall_full: 2 / 3, // P04 states 5 dead, the gold none
      precision: 5 / 13,
      duplicates: 3,
      false_pins: 5,
      precision_strict: 4 / 13,
      coarse_country: 1,
      n_pred_points: 8,
      false_pin_points: 4,
      false_pin_fatalities: 15,
      false_pin_fatalities_right_date: 12,
      false_pin_reasons: { wrong_date: 1, wrong_type: 1, no_place: 3 },
      false_pins_in_not_incident_places: 2,
      cross_article_duplicates: { events: 1, extra_incidents: 1 },
      ignored_other_articles: 1,
      speculative: 1,
    });
    expect(f.when_found).toMatchObject({ type: 1, date: 1, fatalities: 2 / 3, actors_exact: 1 / 3 });
    expect(f.when_found.actor_precision).toBe(1);
    expect(f.when_found.actor_recall).toBe(0.5);
  });

  it('lets a pin inside its own gold region match only with --points-in-regions', () => {
    const s = scoreArticles({ ...input, options: { pointsInRegions: true } });
    const p3 = s.incidents.find((r) => predictions[r.index]?.properties.id === 'P03');
    expect(p3?.class).toBe('correct');
    expect(p3?.pair?.gold.gid).toBe('F002');
  });

  it('dumps one row per incident and per gold line, without article text', () => {
    const rows = dumpRows(score, predictions);
    expect(rows.filter((r) => r.kind === 'pred')).toHaveLength(13);
    expect(rows.filter((r) => r.kind === 'gold')).toHaveLength(5);
    expect(rows.find((r) => r.id === 'P06')?.why).toBe('every candidate taken: F001');
  });
});

describe('npm run eval -- --articles', () => {
  it('builds the fixture articles, prints the table and the JSON line, writes the dump', () => {
    const dump = join(tmpdir(), `articles-dump-${process.pid}.jsonl`);
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/eval.ts',
        '--articles',
        FIX,
        `${FIX}/gold.jsonl`,
        '--json',
        '--dump',
        dump,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('false pin');
    const j = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>;
    expect(Object.keys(j).slice(0, 7)).toEqual([
      'n_gold_main',
      'n_pred',
      'recall_place',
      'recall_full',
      'precision',
      'duplicates',
      'false_pins',
    ]);
    expect(j.n_gold_main).toBe(3);
    expect(j.n_pred).toBeGreaterThan(0);
    for (const k of ['recall_place', 'recall_full', 'precision']) {
      expect(j[k]).toBeGreaterThanOrEqual(0);
      expect(j[k]).toBeLessThanOrEqual(1);
    }
    // The Kidal note is not in the gold: whatever it yields is left out.
    expect(j.ignored_other_articles).toBeGreaterThanOrEqual(1);
    const text = readFileSync(dump, 'utf8');
    rmSync(dump);
    const rows = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string });
    expect(rows.filter((x) => x.kind === 'pred')).toHaveLength(j.n_pred ?? -1);
    expect(rows.filter((x) => x.kind === 'gold')).toHaveLength(5);
    expect(text).not.toContain('set fire to the market');
  }, 180_000);
});
