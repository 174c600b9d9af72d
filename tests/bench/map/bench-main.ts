// Benchmark page: the real App on a seeded synthetic set generated in the page (?n=&seed=),
// or (?mode=naive) the naive approach: a clustered GeoJSON source re-sent with setData on every change.
import { mount } from 'svelte';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import App from '../../../src/app/App.svelte';
import '../../../src/app/app.css';
import { emptyFilters, matchesIncident, type FilterState } from '../../../src/app/lib/filters.ts';
import { SAHEL_BOUNDS } from '../../../src/app/lib/styles.ts';
import type { RegionCollection } from '../../../src/pipeline/types.ts';
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
      }),
    },
  });
} else {
  maplibregl.setWorkerUrl(workerUrl);
  const el = document.getElementById('app')!;
  el.style.cssText = 'position:absolute;inset:0';
  const map = new maplibregl.Map({
    container: el,
    bounds: SAHEL_BOUNDS,
    style: {
      version: 8,
      sources: {
        land: { type: 'geojson', data: new URL('data/basemap/land.geojson', document.baseURI).href },
        incidents: {
          type: 'geojson',
          data: { type: 'FeatureCollection', features: [] },
          cluster: true,
          clusterMaxZoom: 5,
          clusterRadius: 48,
          clusterProperties: { fat: ['+', ['coalesce', ['get', 'fatalities'], 0]] },
        },
      },
      layers: [
        { id: 'bg', type: 'background', paint: { 'background-color': '#d6e4ee' } },
        { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f4f1e8' } },
        {
          id: 'clusters',
          type: 'circle',
          source: 'incidents',
          filter: ['has', 'point_count'],
          paint: {
            'circle-radius': ['+', 9, ['*', 2.2, ['ln', ['get', 'point_count']]]],
            'circle-color': '#37474f',
          },
        },
        {
          id: 'points',
          type: 'circle',
          source: 'incidents',
          filter: ['!', ['has', 'point_count']],
          paint: { 'circle-radius': 5, 'circle-color': '#c62828' },
        },
      ],
    },
  });
  const points = incidents.features.filter((f) => f.geometry);
  const apply = async (f: FilterState) => {
    const data = {
      type: 'FeatureCollection' as const,
      features: points.filter((g) => matchesIncident(g.properties, f)),
    };
    await (map.getSource('incidents') as maplibregl.GeoJSONSource).setData(data);
  };
  map.on('load', () => void apply(emptyFilters()));
  bench.map = map;
  bench.apply = apply;
}
