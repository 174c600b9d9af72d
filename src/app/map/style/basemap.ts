// Basemap and labels: land, country borders, country and town names from the project's own geodata
// (public/data/basemap/), drawn offline. No glyph server, no tiles, no key: labels use the bundled Noto Sans through
// the style's `font-faces`. Static: nothing here changes after the map opens, so no component drives it.

import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';

export const FONT = 'Noto Sans Regular';

/** Opens framed on the Sahel: Senegal to Chad, the Maghreb's edge to the Gulf of Guinea coast. */
export const SAHEL_BOUNDS: [[number, number], [number, number]] = [
  [-18, 8],
  [25, 24],
];

export interface BasemapUrls {
  land: string;
  countries: string;
  labels: string;
  /** Natural Earth rivers, lakes and historic Lake Chad, and urban areas (geodata/basemap/, bundled). */
  water?: string;
  urban?: string;
  latin: string;
  latinExt: string;
}

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

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

export function basemapSources(urls: BasemapUrls): Record<string, SourceSpecification> {
  return {
    land: { type: 'geojson', data: urls.land, attribution: 'Natural Earth' },
    countries: { type: 'geojson', data: urls.countries },
    labels: { type: 'geojson', data: urls.labels, attribution: 'GeoNames' },
    // Without the files (the map benchmark), empty layers.
    water: { type: 'geojson', data: urls.water ?? EMPTY, attribution: 'Natural Earth' },
    urban: { type: 'geojson', data: urls.urban ?? EMPTY },
  };
}

/** Under everything: sea and land. */
export const GROUND_LAYERS: LayerSpecification[] = [
  { id: 'ocean', type: 'background', paint: { 'background-color': '#d6e4ee' } },
  { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f4f1e8' } },
];

const WATER = '#8fb4d0';
const isKind = (...kinds: string[]): ExpressionSpecification => ['in', ['get', 'kind'], ['literal', kinds]];

/**
 * Built-up areas, lakes and rivers, above the region fills so the Niger still reads through a shaded region (the
 * Mopti-Gao-Niamey axis). Rivers widen with importance (Natural Earth's scalerank: 3 the Niger ... 9) and zoom;
 * minor ones appear as the map zooms in. Historic Lake Chad is an outline only: it is not water today.
 */
export const WATER_LAYERS: LayerSpecification[] = [
  {
    id: 'urban',
    type: 'fill',
    source: 'urban',
    minzoom: 5,
    paint: { 'fill-color': '#e3d9c6', 'fill-opacity': 0.8 },
  },
  {
    id: 'lakes',
    type: 'fill',
    source: 'water',
    filter: ['all', ['==', ['geometry-type'], 'Polygon'], isKind('lake', 'reservoir')],
    paint: { 'fill-color': WATER, 'fill-outline-color': '#6f98b8' },
  },
  {
    id: 'lake-historic',
    type: 'line',
    source: 'water',
    filter: isKind('historic lake'),
    paint: { 'line-color': '#6f98b8', 'line-width': 0.8, 'line-dasharray': [3, 2] },
  },
  {
    id: 'rivers',
    type: 'line',
    source: 'water',
    filter: [
      'all',
      isKind('river', 'lake centerline'),
      ['<=', ['get', 'scalerank'], ['step', ['zoom'], 5, 5, 7, 6, 9]],
    ],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': WATER,
      'line-width': [
        'interpolate',
        ['linear'],
        ['zoom'],
        3,
        ['max', 0.4, ['-', 2.2, ['*', 0.3, ['get', 'scalerank']]]],
        8,
        ['max', 1, ['-', 5, ['*', 0.5, ['get', 'scalerank']]]],
      ],
    },
  },
];

/** Country borders, drawn between the region fills and the region outlines. */
export const BORDER_LAYERS: LayerSpecification[] = [
  {
    id: 'country-line',
    type: 'line',
    source: 'countries',
    paint: {
      'line-color': '#8d8579',
      'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.6, 8, 1.6],
    },
  },
];

/**
 * Towns by importance (labels.geojson's rank: 1 capital, 2 >= 1M people, 3 >= 250k, 4 the rest >= 50k): capitals
 * from zoom 3 (the opening view), cities from 4, towns over 250k from 5.5, the rest from 6.5, so the overview names
 * the places an analyst navigates by and the small towns come in as the map zooms.
 */
export const TOWN_MIN_ZOOM: Record<number, number> = { 1: 3, 2: 4, 3: 5.5, 4: 6.5 };
const TOWNS_AT_ZOOM: ExpressionSpecification = [
  'all',
  ['!=', ['get', 'kind'], 'country'],
  [
    '<=',
    ['coalesce', ['get', 'rank'], 4],
    ['step', ['zoom'], 1, TOWN_MIN_ZOOM[2]!, 2, TOWN_MIN_ZOOM[3]!, 3, TOWN_MIN_ZOOM[4]!, 4],
  ],
];

/** Country and town names, above the regions and under the incidents. */
export const LABEL_LAYERS: LayerSpecification[] = [
  {
    id: 'river-labels',
    type: 'symbol',
    source: 'water',
    filter: ['all', isKind('river'), ['<=', ['get', 'scalerank'], ['step', ['zoom'], 4, 6, 6, 8, 9]]],
    minzoom: 4.5,
    layout: {
      'text-field': ['coalesce', ['get', 'name'], ''],
      'text-font': [FONT],
      'text-size': 11,
      'symbol-placement': 'line',
      'text-letter-spacing': 0.05,
    },
    paint: { 'text-color': '#4f7ea3', 'text-halo-color': '#ffffff', 'text-halo-width': 1 },
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
      // the focus countries' names first (rank 1 focus, 2 Africa, 3 Europe)
      'symbol-sort-key': ['coalesce', ['get', 'rank'], 3],
      'text-letter-spacing': 0.08,
      'text-max-width': 8,
    },
    paint: { 'text-color': '#5d5548', 'text-halo-color': '#f4f1e8', 'text-halo-width': 1.5 },
  },
  {
    id: 'town-dots',
    type: 'circle',
    source: 'labels',
    filter: TOWNS_AT_ZOOM,
    minzoom: TOWN_MIN_ZOOM[1],
    paint: { 'circle-radius': ['match', ['get', 'rank'], 1, 3, 2.5], 'circle-color': '#3e3a33' },
  },
  {
    id: 'town-labels',
    type: 'symbol',
    source: 'labels',
    filter: TOWNS_AT_ZOOM,
    minzoom: TOWN_MIN_ZOOM[1],
    layout: {
      'text-field': ['coalesce', ['get', 'name'], ''],
      'text-font': [FONT],
      'text-size': ['match', ['get', 'rank'], 1, 13, 2, 12, 11],
      'text-anchor': 'top',
      'text-offset': [0, 0.5],
      // lower keys are placed first: rank, then the larger town of a rank
      'symbol-sort-key': [
        '-',
        ['*', ['coalesce', ['get', 'rank'], 4], 1e8],
        ['coalesce', ['get', 'population'], 0],
      ],
    },
    paint: { 'text-color': '#3e3a33', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
  },
];
