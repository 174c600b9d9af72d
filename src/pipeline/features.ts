// Stage 6: features. Claims become RFC 7946 incident features: one incident per event (place, event type,
// modality, month), carrying every claim about it. Town-precision incidents are points; region- and
// country-precision incidents have no geometry of their own and point at their polygon (region_id).

import type { PipelineContext } from './context.ts';
import { round6 } from '../shared/geo.ts';
import { compareStrings } from '../shared/strings.ts';
import type {
  ActorType,
  GeoPrecision,
  IncidentCollection,
  IncidentFeature,
  TimePrecision,
} from './contract.ts';
import { claimOut } from './output.ts';
import { hashId } from './text.ts';
import type { Claim, SourceMeta } from './types.ts';

function actorTypeOf(name: string, ctx: PipelineContext): ActorType | null {
  const direct = ctx.lexicons.actors.find((a) => a.name === name);
  if (direct) return direct.type;
  for (const g of ctx.lexicons.generic) {
    const prefix = g.name.split('{country}')[0] as string;
    if (name.startsWith(prefix)) return g.type;
  }
  return null;
}

function incidentKey(c: Claim): string {
  return [
    c.placeId,
    c.eventType,
    c.subEventType ?? '',
    c.modality,
    c.dateStart ? c.dateStart.slice(0, 7) : 'undated',
  ].join('|');
}

function precisionOf(start: string | null, end: string | null, claims: Claim[]): TimePrecision | null {
  if (!start || !end) return null;
  if (start === end) return 1;
  const finest = Math.min(...claims.map((c) => c.timePrecision ?? 3)) as TimePrecision;
  return start.slice(0, 7) === end.slice(0, 7) ? (Math.max(finest, 2) as TimePrecision) : 3;
}

/** Group claims into incident features. `sources` gives each claim's provenance. */
export function toFeatures(
  claims: Claim[],
  sources: Map<string, SourceMeta>,
  ctx: PipelineContext,
): IncidentCollection {
  const groups = new Map<string, Claim[]>();
  for (const c of claims) {
    const k = incidentKey(c);
    const list = groups.get(k) ?? [];
    list.push(c);
    groups.set(k, list);
  }
  const features: IncidentFeature[] = [];
  for (const [key, group] of groups) {
    group.sort(
      (a, b) => compareStrings(a.sourceId, b.sourceId) || a.start - b.start || compareStrings(a.id, b.id),
    );
    const first = group[0] as Claim;
    const entry = ctx.gazetteer.get(first.placeId);
    if (!entry) continue;
    const geoPrecision = Math.min(...group.map((c) => c.geoPrecision)) as GeoPrecision;
    const starts = group
      .map((c) => c.dateStart)
      .filter((d): d is string => !!d)
      .sort();
    const ends = group
      .map((c) => c.dateEnd)
      .filter((d): d is string => !!d)
      .sort();
    const dateStart = starts[0] ?? null;
    const dateEnd = ends.at(-1) ?? null;
    const actors = [...new Set(group.flatMap((c) => c.actors))].sort();
    // Parallel to actors: actor_types[i] is the ACLED type of actors[i] (null when the lexicon has none).
    const actorTypes = actors.map((a) => actorTypeOf(a, ctx));
    const stated = group.map((c) => c.fatalities).filter((f): f is number => f !== null);
    const asPoint = entry.kind === 'place' || !entry.regionId;
    const claimProps = group.map((c) => claimOut(c, sources.get(c.sourceId)));
    features.push({
      type: 'Feature',
      id: hashId('incident', key),
      geometry: asPoint
        ? { type: 'Point', coordinates: [round6(entry.point[0]), round6(entry.point[1])] }
        : null,
      properties: {
        id: hashId('incident', key),
        place_id: entry.id,
        place_name: entry.name,
        country: entry.country,
        region_id: asPoint ? null : entry.regionId,
        // A region-precision incident drawn at its seat's point (no polygon) is no better than "near".
        geo_precision:
          asPoint && entry.kind !== 'place' ? (Math.max(geoPrecision, 2) as GeoPrecision) : geoPrecision,
        event_type: first.eventType,
        sub_event_type: group.find((c) => c.subEventType)?.subEventType ?? null,
        date_start: dateStart,
        date_end: dateEnd,
        time_precision: precisionOf(dateStart, dateEnd, group),
        actors,
        actor_types: actorTypes,
        // The most conservative number any source states.
        fatalities: stated.length ? Math.min(...stated) : null,
        impacts: [...new Set(group.flatMap((c) => c.impacts))].sort(),
        modality: first.modality,
        n_sources: new Set(group.map((c) => c.sourceId)).size,
        claims: claimProps,
      },
    });
  }
  features.sort(
    (a, b) =>
      compareStrings(a.properties.date_start ?? '9999', b.properties.date_start ?? '9999') ||
      compareStrings(a.properties.place_name, b.properties.place_name) ||
      compareStrings(a.properties.id, b.properties.id),
  );
  return { type: 'FeatureCollection', features };
}
