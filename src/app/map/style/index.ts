// The map's style, in drawing order: ground, region fills, country borders, region outlines, labels, incidents.
// Each layer group has its own file; the components that drive a group (RegionsLayer, IncidentsLayer,
// ClustersLayer) read its layer ids from there. The basemap is static.

import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { RegionLevel } from '../../lib/url.ts';
import {
  BORDER_LAYERS,
  GROUND_LAYERS,
  LABEL_LAYERS,
  basemapSources,
  WATER_LAYERS,
  fontFaces,
  type BasemapUrls,
} from './basemap.ts';
import { INCIDENT_SOURCES, incidentAndClusterLayers } from './incidents.ts';
import { REGION_SOURCES, regionFillLayers, regionOutlineLayers } from './regions.ts';

export function mapStyle(urls: BasemapUrls, level: RegionLevel, clusterMaxZoom: number): StyleSpecification {
  return {
    version: 8,
    name: 'Sahel incidents (offline)',
    'font-faces': fontFaces(urls.latin, urls.latinExt),
    sources: { ...basemapSources(urls), ...REGION_SOURCES, ...INCIDENT_SOURCES },
    layers: [
      ...GROUND_LAYERS,
      ...regionFillLayers(level),
      ...WATER_LAYERS,
      ...BORDER_LAYERS,
      ...regionOutlineLayers(level),
      ...LABEL_LAYERS,
      ...incidentAndClusterLayers(clusterMaxZoom),
    ],
  };
}
