// The map style: an offline basemap from the project's own geodata, the regions and the incident layers.
// No glyph server, no tiles, no key: labels are drawn locally with the bundled Noto Sans (style `font-faces`).

import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  LayerSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { RegionLevel } from './url.ts';

export const FONT = 'Noto Sans Regular';

/** Opens framed on the Sahel: Senegal to Chad, the Maghreb's edge to the Gulf of Guinea coast. */
export const SAHEL_BOUNDS: [[number, number], [number, number]] = [
  [-18, 8],
  [25, 24],
];

/** Colour per ACLED event type; anything else is grey. */
export const EVENT_COLORS: Record<string, string> = {
  Battles: '#c62828',
  'Explosions/Remote violence': '#ef6c00',
  'Violence against civilians': '#6a1b9a',
  Protests: '#1565c0',
  Riots: '#2e7d32',
  'Strategic developments': '#795548',
};
export const OTHER_COLOR = '#607d8b';

/** How sure: a reported attack is solid, a claim paler with a thick ring, a forecast a hollow ring. */
export const MODALITY_FILL: Record<string, number> = {
  reported: 0.85,
  historical: 0.45,
  claimed: 0.4,
  alleged: 0.3,
  speculative: 0,
};
export const MODALITY_LABEL: Record<string, string> = {
  reported: 'Reported (solid)',
  historical: 'Historical (faded)',
  claimed: 'Claimed (pale, thick ring)',
  alleged: 'Alleged (pale, thick ring)',
  speculative: 'Forecast / speculative (hollow ring)',
};

export const MEASURE_RAMP = ['#fff3e0', '#ffb74d', '#e65100'] as const;

export function eventColor(t: string): string {
  return EVENT_COLORS[t] ?? OTHER_COLOR;
}

const eventColorExpr: ExpressionSpecification = [
  'match',
  ['get', 'et'],
  ...Object.entries(EVENT_COLORS).flat(),
  OTHER_COLOR,
] as unknown as ExpressionSpecification;

const fillOpacityExpr: ExpressionSpecification = [
  'match',
  ['get', 'mod'],
  ...Object.entries(MODALITY_FILL).flat(),
  0.85,
] as unknown as ExpressionSpecification;

/** Radius grows with the square root of fatalities (area ~ deaths); unknown fatalities draw the base size. */
export const radiusExpr: DataDrivenPropertyValueSpecification<number> = [
  'interpolate',
  ['linear'],
  ['zoom'],
  3,
  ['+', 3, ['*', 1.2, ['sqrt', ['coalesce', ['get', 'fat'], 0]]]],
  10,
  ['+', 6, ['*', 2, ['sqrt', ['coalesce', ['get', 'fat'], 0]]]],
];

const state = (name: string): ExpressionSpecification => ['boolean', ['feature-state', name], false];

export function fontFaces(latin: string, latinExt: string): StyleSpecification['font-faces'] {
  return {
    [FONT]: [
      {
        url: latin,
        'unicode-range': [
          'U+0000-00FF',
          'U+0131',
          'U+0152-0153',
          'U+02BB-02BC',
          'U+02C6',
          'U+02DA',
          'U+02DC',
          'U+2000-206F',
          'U+20AC',
          'U+2122',
          'U+2212',
        ],
      },
      { url: latinExt, 'unicode-range': ['U+0100-02BA', 'U+1E00-1EFF', 'U+A720-A7FF'] },
    ],
  };
}

export function regionLevelFilter(level: RegionLevel): ExpressionSpecification {
  return ['==', ['get', 'kind'], level];
}

/** The layers that draw incidents, shared by the point source and the cluster (aggregate) source. */
function incidentLayers(source: string, prefix: string): LayerSpecification[] {
  return [
    {
      // "near Mopti": a soft halo says the point is approximate (geo_precision 2)
      id: `${prefix}-approx`,
      type: 'circle',
      source,
      filter: ['all', ['!', ['has', 'count']], ['==', ['get', 'gp'], 2]],
      paint: {
        'circle-radius': ['+', 14, ['*', 2, ['sqrt', ['coalesce', ['get', 'fat'], 0]]]],
        'circle-color': eventColorExpr,
        'circle-opacity': 0.18,
        'circle-blur': 0.6,
        'circle-stroke-width': 1,
        'circle-stroke-color': eventColorExpr,
        'circle-stroke-opacity': 0.45,
      },
    },
    {
      id: `${prefix}-points`,
      type: 'circle',
      source,
      filter: ['!', ['has', 'count']],
      paint: {
        'circle-radius': radiusExpr,
        'circle-color': eventColorExpr,
        'circle-opacity': fillOpacityExpr,
        'circle-stroke-color': ['case', state('selected'), '#000000', eventColorExpr],
        'circle-stroke-width': [
          'case',
          state('selected'),
          3,
          state('hover'),
          2.5,
          ['in', ['get', 'mod'], ['literal', ['claimed', 'alleged', 'speculative']]],
          2,
          1,
        ],
        'circle-stroke-opacity': 1,
      },
    },
  ];
}

export interface StyleUrls {
  land: string;
  countries: string;
  labels: string;
  latin: string;
  latinExt: string;
}

export const EMPTY_FC = { type: 'FeatureCollection' as const, features: [] };

export function mapStyle(urls: StyleUrls, level: RegionLevel, clusterMaxZoom: number): StyleSpecification {
  return {
    version: 8,
    name: 'Sahel incidents (offline)',
    'font-faces': fontFaces(urls.latin, urls.latinExt),
    sources: {
      land: { type: 'geojson', data: urls.land, attribution: 'Natural Earth' },
      countries: { type: 'geojson', data: urls.countries },
      labels: { type: 'geojson', data: urls.labels, attribution: 'GeoNames' },
      regions: { type: 'geojson', data: EMPTY_FC, promoteId: 'rid' },
      incidents: { type: 'geojson', data: EMPTY_FC, promoteId: 'fid', buffer: 32, maxzoom: 12 },
      clusters: { type: 'geojson', data: EMPTY_FC, promoteId: 'fid', buffer: 32 },
    },
    layers: [
      { id: 'ocean', type: 'background', paint: { 'background-color': '#d6e4ee' } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f4f1e8' } },
      {
        id: 'region-shade',
        type: 'fill',
        source: 'regions',
        filter: regionLevelFilter(level),
        paint: {
          'fill-color': [
            'interpolate',
            ['linear'],
            ['coalesce', ['feature-state', 'v'], 0],
            0,
            MEASURE_RAMP[0],
            0.5,
            MEASURE_RAMP[1],
            1,
            MEASURE_RAMP[2],
          ],
          'fill-opacity': ['case', ['>', ['coalesce', ['feature-state', 'v'], 0], 0], 0.6, 0],
        },
      },
      {
        // region/country-precision claims: the polygon itself is the incident's place
        id: 'region-areal',
        type: 'fill',
        source: 'regions',
        filter: regionLevelFilter(level),
        paint: {
          'fill-color': '#5e35b1',
          'fill-opacity': ['case', ['>', ['coalesce', ['feature-state', 'areal'], 0], 0], 0.12, 0],
        },
      },
      {
        id: 'admin1-line',
        type: 'line',
        source: 'regions',
        filter: ['==', ['get', 'kind'], 'admin1'],
        paint: { 'line-color': '#b9b1a3', 'line-width': 0.6, 'line-dasharray': [3, 2] },
      },
      {
        id: 'country-line',
        type: 'line',
        source: 'countries',
        paint: {
          'line-color': '#8d8579',
          'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.6, 8, 1.6],
        },
      },
      {
        id: 'region-areal-line',
        type: 'line',
        source: 'regions',
        filter: regionLevelFilter(level),
        paint: {
          'line-color': '#5e35b1',
          'line-width': 2,
          'line-dasharray': [2, 2],
          'line-opacity': ['case', ['>', ['coalesce', ['feature-state', 'areal'], 0], 0], 0.9, 0],
        },
      },
      {
        id: 'region-selected',
        type: 'line',
        source: 'regions',
        paint: {
          'line-color': '#0d47a1',
          'line-width': ['case', state('selected'), 3.5, state('focus'), 3, state('hover'), 1.5, 0],
          'line-opacity': ['case', ['any', state('selected'), state('focus'), state('hover')], 1, 0],
        },
      },
      {
        id: 'country-labels',
        type: 'symbol',
        source: 'labels',
        filter: ['==', ['get', 'kind'], 'country'],
        layout: {
          'text-field': ['coalesce', ['get', 'name'], ''],
          'text-font': [FONT],
          'text-size': ['interpolate', ['linear'], ['zoom'], 3, 11, 7, 15],
          'text-transform': 'uppercase',
          'text-letter-spacing': 0.08,
          'text-max-width': 8,
        },
        paint: { 'text-color': '#5d5548', 'text-halo-color': '#f4f1e8', 'text-halo-width': 1.5 },
      },
      {
        id: 'town-dots',
        type: 'circle',
        source: 'labels',
        filter: ['!=', ['get', 'kind'], 'country'],
        minzoom: 4,
        paint: { 'circle-radius': 2.5, 'circle-color': '#3e3a33' },
      },
      {
        id: 'town-labels',
        type: 'symbol',
        source: 'labels',
        filter: ['!=', ['get', 'kind'], 'country'],
        minzoom: 4,
        layout: {
          'text-field': ['coalesce', ['get', 'name'], ''],
          'text-font': [FONT],
          'text-size': 12,
          'text-anchor': 'top',
          'text-offset': [0, 0.5],
          'symbol-sort-key': ['-', 0, ['coalesce', ['get', 'population'], 0]],
        },
        paint: { 'text-color': '#3e3a33', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
      },
      ...incidentLayers('incidents', 'incident').map((l) => ({ ...l, minzoom: clusterMaxZoom })),
      {
        id: 'cluster-circles',
        type: 'circle',
        source: 'clusters',
        maxzoom: clusterMaxZoom,
        filter: ['has', 'count'],
        paint: {
          'circle-color': '#37474f',
          'circle-opacity': 0.78,
          'circle-radius': ['+', 9, ['*', 2.2, ['ln', ['get', 'count']]]],
          'circle-stroke-color': ['case', state('hover'), '#000000', '#ffffff'],
          'circle-stroke-width': ['case', state('hover'), 2.5, 1.5],
        },
      },
      ...incidentLayers('clusters', 'cluster').map((l) => ({ ...l, maxzoom: clusterMaxZoom })),
      {
        id: 'cluster-labels',
        type: 'symbol',
        source: 'clusters',
        maxzoom: clusterMaxZoom,
        filter: ['has', 'count'],
        layout: {
          'text-field': ['get', 'label'],
          'text-font': [FONT],
          'text-size': 11,
          'text-allow-overlap': true,
        },
        paint: { 'text-color': '#ffffff' },
      },
    ],
  };
}

/** Layers whose polygons follow the chosen region level. */
export const LEVEL_LAYERS = ['region-shade', 'region-areal', 'region-areal-line'] as const;

/** Layers that answer hover and click for incidents, in the order they should be queried. */
export const INCIDENT_LAYERS = ['incident-points', 'cluster-points'] as const;
export const CLUSTER_LAYERS = ['cluster-circles'] as const;
