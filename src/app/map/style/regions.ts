// Regions (countries, admin-1, vernacular): the measure's shading and the polygons of region- and country-level
// incidents at the chosen level, admin-1 lines, and the outline of the selected, focused or hovered region.
// RegionsLayer.svelte fills the source and sets the feature states these layers read (v, areal, selected, focus).

import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { MEASURE_RAMP } from '../../lib/palette.ts';
import type { RegionLevel } from '../../lib/url.ts';
import { EMPTY_FC, flag } from './expr.ts';

export function regionLevelFilter(level: RegionLevel): ExpressionSpecification {
  return ['==', ['get', 'kind'], level];
}

/** Filled by MapContext (the regions file by URL, or the checked polygons); feature id = the polygon's index. */
export const REGION_SOURCES: Record<string, SourceSpecification> = {
  regions: { type: 'geojson', data: EMPTY_FC, generateId: true },
};

/** Under the country borders: shading, region-level incidents, admin-1 lines. */
export function regionFillLayers(level: RegionLevel): LayerSpecification[] {
  return [
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
  ];
}

/** Over the country borders: region-level incidents' outlines and the selected region. */
export function regionOutlineLayers(level: RegionLevel): LayerSpecification[] {
  return [
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
        'line-width': ['case', flag('selected'), 3.5, flag('focus'), 3, flag('hover'), 1.5, 0],
        'line-opacity': ['case', ['any', flag('selected'), flag('focus'), flag('hover')], 1, 0],
      },
    },
  ];
}

/** Layers whose polygons follow the chosen region level. */
export const LEVEL_LAYERS = ['region-shade', 'region-areal', 'region-areal-line'] as const;
