// Benchmark page: the real App on a seeded synthetic set generated in the page (?n=&seed=),
// or (?mode=naive) the naive approach: a clustered GeoJSON source re-sent with setData on every change.
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
import type { RegionCollection } from '../../../src/pipeline/contract.ts';
import { buildIndex, flatFeatures } from '../../../src/app/lib/model.ts';
import { syntheticIncidents } from './synthetic.ts';

const params = new URLSearchParams(location.search);
const n = Number(params.get('n') ?? 10_000);
const seed = Number(params.get('seed') ?? 1);
const mode = params.get('mode') ?? 'app';

const g0 = performance.now();
const { incidents, sources } = syntheticIncidents({ n, seed, anchors: true });
const genMs = performance.now() - g0;

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

if (mode === 'app') {
  mount(App, {
    target: document.getElementById('app')!,
    props: {
      loader: async () => ({
        incidents,
        sources,
        regions: (await (await fetch('data/regions.geojson')).json()) as RegionCollection,
        risk: [],
        unlocated: [],
      }),
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
