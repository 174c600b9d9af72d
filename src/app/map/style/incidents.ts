// Incidents: town-level points (colour = event type, fill and rings = modality, size = fatalities, a halo "near a
// town") and, for large sets, clusters at low zoom with their counts. IncidentsLayer.svelte and ClustersLayer.svelte
// fill the sources and set the layer filters and the feature states these layers read (hover, selected).

import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { DEFAULT_MARK, EVENT_COLORS, MODALITY_MARK, OTHER_COLOR } from '../../lib/palette.ts';
import { FONT } from './basemap.ts';
import { EMPTY_FC, flag } from './expr.ts';

const eventColorExpr: ExpressionSpecification = [
  'match',
  ['get', 'et'],
  ...Object.entries(EVENT_COLORS).flat(),
  OTHER_COLOR,
] as unknown as ExpressionSpecification;

const byModality = (key: 'fill' | 'ring'): ExpressionSpecification =>
  [
    'match',
    ['get', 'mod'],
    ...Object.entries(MODALITY_MARK).flatMap(([m, mark]) => [m, mark[key]]),
    DEFAULT_MARK[key],
  ] as unknown as ExpressionSpecification;
const fillOpacityExpr = byModality('fill');
const ringExpr = byModality('ring');
/** Modalities drawn with a second, outer ring. */
export const OUTER_RING_MODALITIES = Object.keys(MODALITY_MARK).filter((m) => MODALITY_MARK[m]!.outer);
const outerRingFilter: ExpressionSpecification = ['in', ['get', 'mod'], ['literal', OUTER_RING_MODALITIES]];

/** Radius grows with the square root of fatalities (area ~ deaths); unknown fatalities draw the base size. */
function radiusPlus(extra: number): DataDrivenPropertyValueSpecification<number> {
  return [
    'interpolate',
    ['linear'],
    ['zoom'],
    3,
    ['+', 3 + extra, ['*', 1.2, ['sqrt', ['coalesce', ['get', 'fat'], 0]]]],
    10,
    ['+', 6 + extra, ['*', 2, ['sqrt', ['coalesce', ['get', 'fat'], 0]]]],
  ];
}
export const radiusExpr = radiusPlus(0);

export const INCIDENT_SOURCES: Record<string, SourceSpecification> = {
  incidents: { type: 'geojson', data: EMPTY_FC, promoteId: 'fid', buffer: 32, maxzoom: 12 },
  clusters: { type: 'geojson', data: EMPTY_FC, promoteId: 'fid', buffer: 32 },
  // one badge per point that holds two or more filtered incidents (lib/stacks.ts)
  stacks: { type: 'geojson', data: EMPTY_FC, promoteId: 'fid', buffer: 32 },
};

/** Up and right of the point's centre, so the badge sits on the dot's rim without hiding its colour. */
const badgeOffset: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['zoom'],
  3,
  ['literal', [5, -5]],
  10,
  ['literal', [9, -9]],
];

/** "3" on a dark badge at a point that holds three incidents (they would otherwise hide under one dot). */
export function stackLayers(minzoom: number): LayerSpecification[] {
  return [
    {
      id: 'stack-badges',
      type: 'circle',
      source: 'stacks',
      minzoom,
      paint: {
        // smaller at low zoom, where the dots are small too, so the badge does not cover its dot
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, 5.5, 8, 7],
        'circle-color': '#263238',
        'circle-translate': badgeOffset,
        'circle-stroke-color': ['case', flag('hover'), '#000000', '#ffffff'],
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: 'stack-labels',
      type: 'symbol',
      source: 'stacks',
      minzoom,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': [FONT],
        'text-size': ['interpolate', ['linear'], ['zoom'], 3, 8.5, 8, 10],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#ffffff', 'text-translate': badgeOffset },
    },
  ];
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
      // the double ring of an allegation: a thin ring just outside the point, under it
      id: `${prefix}-outer`,
      type: 'circle',
      source,
      filter: ['all', ['!', ['has', 'count']], outerRingFilter],
      paint: {
        'circle-radius': radiusPlus(3),
        'circle-opacity': 0,
        'circle-stroke-width': 1.2,
        'circle-stroke-color': eventColorExpr,
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
        'circle-stroke-color': ['case', flag('selected'), '#000000', eventColorExpr],
        'circle-stroke-width': [
          'case',
          flag('selected'),
          ['+', ringExpr, 2],
          flag('hover'),
          ['+', ringExpr, 1.5],
          ringExpr,
        ],
        'circle-stroke-opacity': 1,
      },
    },
  ];
}

/** Points from `clusterMaxZoom` on; below it clusters, and lone incidents in a cell of their own. */
export function incidentAndClusterLayers(clusterMaxZoom: number): LayerSpecification[] {
  return [
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
        'circle-stroke-color': ['case', flag('hover'), '#000000', '#ffffff'],
        'circle-stroke-width': ['case', flag('hover'), 2.5, 1.5],
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
    ...stackLayers(clusterMaxZoom),
  ];
}

const CLUSTER_ZOOM_LAYERS = [
  'cluster-circles',
  'cluster-approx',
  'cluster-outer',
  'cluster-points',
  'cluster-labels',
];
const POINT_ZOOM_LAYERS = [
  'incident-approx',
  'incident-outer',
  'incident-points',
  'stack-badges',
  'stack-labels',
];

/** The part of the map `setPointZoomRanges` uses (maplibregl.Map). */
export interface ZoomRangeMap {
  getLayer(id: string): { minzoom?: number; maxzoom?: number } | undefined;
  setLayerZoomRange(id: string, minzoom: number, maxzoom: number): unknown;
}

/**
 * Clusters below `clusterMaxZoom`, points from it on (without clustering: points at every zoom, no clusters). The
 * style starts with `clusterMaxZoom` 0. Returns whether a range changed: MapLibre then holds that source's tiles
 * until its next frame, so MapView sets them from the manifest's count while the data load, before the first
 * drawing of the data.
 */
export function setPointZoomRanges(m: ZoomRangeMap, clustering: boolean, clusterMaxZoom: number): boolean {
  const z = clustering ? clusterMaxZoom : 0;
  let changed = false;
  const set = (id: string, min: number, max: number) => {
    const l = m.getLayer(id);
    if (!l || ((l.minzoom ?? 0) === min && (l.maxzoom ?? 24) === max)) return;
    m.setLayerZoomRange(id, min, max);
    changed = true;
  };
  for (const id of CLUSTER_ZOOM_LAYERS) set(id, 0, z);
  for (const id of POINT_ZOOM_LAYERS) set(id, z, 24);
  return changed;
}

/** Layers that answer hover and click for incidents, in the order they should be queried. */
export const INCIDENT_LAYERS = ['stack-badges', 'incident-points', 'cluster-points'] as const;
export const CLUSTER_LAYERS = ['cluster-circles'] as const;
