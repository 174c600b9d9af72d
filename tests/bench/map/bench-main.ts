// Benchmark page: the real App on a seeded synthetic set generated in the page (?n=&seed=): ?mode=app loads it as
// the columnar layer the build writes, ?mode=app-geojson as GeoJSON in memory (the small-corpus path), or
// (?mode=naive) the naive approach: a clustered GeoJSON source re-sent with setData on every change.
import { mount } from 'svelte';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import App from '../../../src/app/App.svelte';
import '../../../src/app/app.css';
import { emptyFilters, matchesIncident, type FilterState } from '../../../src/app/lib/filters.ts';
import latinUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExtUrl from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import { FONT, SAHEL_BOUNDS } from '../../../src/app/map/style/basemap.ts';
import { mapStyle } from '../../../src/app/map/style/index.ts';
import type { IncidentCollection, RegionCollection } from '../../../src/pipeline/contract.ts';
import { OUTPUT_FILES } from '../../../src/pipeline/contract.ts';
import {
  MAP_COLUMNS_FILE,
  MAP_DICTS_FILE,
  MapChunkWriter,
  type MapDicts,
  type MapManifest2,
} from '../../../src/pipeline/output-chunks.ts';
import type { ColumnData } from '../../../src/app/lib/columns.ts';
import type { Loader } from '../../../src/app/lib/data.ts';
import { buildIndex, flatFeatures } from '../../../src/app/lib/model.ts';
import { syntheticIncidents } from './synthetic.ts';

const params = new URLSearchParams(location.search);
const n = Number(params.get('n') ?? 10_000);
const seed = Number(params.get('seed') ?? 1);
const mode = params.get('mode') ?? 'app';

const g0 = performance.now();
const { incidents, sources } = syntheticIncidents({ n, seed, anchors: true });
/** mode=app: the columnar layer the build writes (map format 2), encoded here before the clock starts; its
 * incidents are then let go, as a real load never holds them. mode=app-geojson: the GeoJSON path in memory. */
const columns = mode === 'app' ? encodeColumns(incidents) : null;
if (columns) incidents.features.length = 0;
const genMs = performance.now() - g0;

function encodeColumns(fc: IncidentCollection): ColumnData {
  let bin: Uint8Array | null = null;
  let dicts = '';
  let manifest = '';
  const w = new MapChunkWriter((path, data) => {
    if (path === MAP_COLUMNS_FILE) bin = data as Uint8Array;
    else if (path === MAP_DICTS_FILE) dicts = data as string;
    else if (path === OUTPUT_FILES.mapManifest) manifest = data as string;
  });
  // ids as the build writes them (8 hex digits, packed in the columns); a bijection of the row, so no collisions
  fc.features.forEach((f, i) => {
    const id = (Math.imul(i + 1, 0x9e3779b1) >>> 0).toString(16).padStart(8, '0');
    w.addIncident({ ...f, id, properties: { ...f.properties, id } });
  });
  w.finish();
  return {
    manifest: JSON.parse(manifest) as MapManifest2,
    bin: (bin as Uint8Array | null)!.slice().buffer,
    dicts: JSON.parse(dicts) as MapDicts,
  };
}

interface Bench {
  n: number;
  mode: string;
  genMs: number;
  t0: number;
  map?: maplibregl.Map;
  apply?: (f: FilterState) => Promise<void>;
}
const bench: Bench = { n, mode, genMs, t0: performance.now() };
(window as unknown as { __bench: Bench }).__bench = bench;

if (mode === 'app' || mode === 'app-geojson') {
  mount(App, {
    target: document.getElementById('app')!,
    props: {
      // the columns come with a manifest in a real build, whose incident count the map reads early (lib/data.ts)
      loader: (async (_early, count) => {
        if (columns) count?.(n);
        return {
          incidents,
          ...(columns ? { columns } : {}),
          sources,
          regions: (await (await fetch('data/regions.geojson')).json()) as RegionCollection,
          risk: [],
          unlocated: [],
        };
      }) satisfies Loader,
    },
  });
} else {
  maplibregl.setWorkerUrl(workerUrl);
  const el = document.getElementById('app')!;
  el.style.cssText = 'position:absolute;inset:0';
  // the app's own style and basemap; only the incident source differs: clustered by MapLibre, re-sent per change
  const url = (rel: string) => new URL(`data/${rel}`, document.baseURI).href;
  const style = mapStyle(
    {
      land: url('basemap/land.geojson'),
      countries: url('basemap/countries.geojson'),
      labels: url('basemap/labels.geojson'),
      latin: new URL(latinUrl, document.baseURI).href,
      latinExt: new URL(latinExtUrl, document.baseURI).href,
    },
    'country',
    0,
  );
  style.sources.incidents = {
    type: 'geojson',
    data: { type: 'FeatureCollection', features: [] },
    cluster: true,
    clusterMaxZoom: 5,
    clusterRadius: 48,
    clusterProperties: { fat: ['+', ['coalesce', ['get', 'fatalities'], 0]] },
  };
  style.layers.push(
    {
      id: 'naive-clusters',
      type: 'circle',
      source: 'incidents',
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#37474f',
        'circle-radius': ['+', 9, ['*', 2.2, ['ln', ['get', 'point_count']]]],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: 'naive-cluster-labels',
      type: 'symbol',
      source: 'incidents',
      filter: ['has', 'point_count'],
      layout: {
        'text-field': [
          'concat',
          ['get', 'point_count_abbreviated'],
          '\n',
          ['to-string', ['get', 'fat']],
          ' †',
        ],
        'text-font': [FONT],
        'text-size': 11,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
  );
  for (const l of style.layers) {
    if (l.id === 'incident-points' && l.type === 'circle') l.filter = ['!', ['has', 'point_count']];
    if (l.id === 'incident-approx' && l.type === 'circle')
      l.filter = ['all', ['!', ['has', 'point_count']], ['==', ['get', 'gp'], 2]];
  }
  const map = new maplibregl.Map({ container: el, bounds: SAHEL_BOUNDS, style, fadeDuration: 0 });
  const ix = buildIndex(incidents);
  const flat = flatFeatures(ix);
  const apply = async (f: FilterState) => {
    const features = [];
    for (let i = 0; i < ix.n; i++) {
      const g = flat[i];
      if (g && matchesIncident(ix.features[i]!.properties, f))
        features.push({
          ...g,
          properties: { ...g.properties, fatalities: ix.features[i]!.properties.fatalities },
        });
    }
    const data = { type: 'FeatureCollection' as const, features };
    await (map.getSource('incidents') as maplibregl.GeoJSONSource).setData(data);
  };
  map.on('load', () => void apply(emptyFilters()));
  bench.map = map;
  bench.apply = apply;
}
