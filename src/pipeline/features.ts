// Stage 6: features. Claims become RFC 7946 incident features: one incident per event (grouped by group.ts:
// place, disorder family, modality class, overlapping dates, compatible actors), carrying every claim about it. Town-precision incidents are points; region- and
// country-precision incidents have no geometry of their own and point at their polygon (region_id).

import type { PipelineContext } from './context.ts';
import { offsetPoint, round6 } from '../common/geo.ts';
import { compareStrings } from '../common/strings.ts';
import type {
  ActorType,
  GeoPrecision,
  IncidentCollection,
  IncidentFeature,
  TimePrecision,
} from './contract.ts';
import { claimOut } from './output.ts';
import { hashId } from './text.ts';
import { fineness } from './claims/place.ts';
import { familyOf, groupClaims } from './group.ts';
import type { Claim, GazetteerEntry, Modality, SourceMeta } from './types.ts';

function actorTypeOf(name: string, ctx: PipelineContext): ActorType | null {
  const direct = ctx.lexicons.actors.find((a) => a.name === name);
  if (direct) return direct.type;
  for (const g of ctx.lexicons.generic) {
    const prefix = g.name.split('{country}')[0] as string;
    if (name.startsWith(prefix)) return g.type;
  }
  return null;
}

/** The name of the admin-1 / admin-2 unit an entry sits in (the entry itself when it is that unit). */
function adminName(e: GazetteerEntry, level: 'admin1' | 'admin2', ctx: PipelineContext): string | null {
  if (e.kind === level) return e.name;
  const id = level === 'admin1' ? e.admin1 : e.admin2;
  return id ? (ctx.gazetteer.get(id)?.name ?? null) : null;
}

const COMPASS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'];

/** How fine a claim's place is (claims/place.ts's order; an unknown id last), for the incident's lead claim. */
const finenessOf = (e: GazetteerEntry | undefined): number => (e ? fineness(e) : 9);

/** An incident is reported when any claim reports it; else claimed, else alleged. */
const MODALITY_RANK: readonly Modality[] = ['reported', 'claimed', 'alleged', 'historical', 'speculative'];

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
  const features: IncidentFeature[] = [];
  const taken = new Set<string>();
  for (const group of groupClaims(claims, (id) => ctx.gazetteer.get(id), ctx.words.roles.nearKm)) {
    // The lead claim: the first (by source and offset) at the finest place of the group, and of those the most
    // precise; it gives the incident its place and type (a restatement "in Burkina Faso" joins the attack at
    // Boungou, not the reverse; "outside Bamako" joins the attack at Kati).
    const finest = Math.min(...group.map((c) => finenessOf(ctx.gazetteer.get(c.placeId))));
    const atFinest = group.filter((c) => finenessOf(ctx.gazetteer.get(c.placeId)) === finest);
    const pinned = Math.min(...atFinest.map((c) => c.geoPrecision));
    const first = atFinest.find((c) => c.geoPrecision === pinned) as Claim;
    const entry = ctx.gazetteer.get(first.placeId);
    if (!entry) continue;
    // "30 km north of Timbuktu": the estimated point (turf's destination on the sphere), not the town's.
    const point = first.offset ? offsetPoint(entry.point, first.offset) : entry.point;
    const key = [
      'incident',
      first.placeId,
      familyOf(first.eventType),
      first.modality,
      (group[0] as Claim).id,
    ];
    // 32 bits: at 450k incidents about 24 pairs share an id, and the map keeps one of each. A taken id is hashed
    // again with a counter, in group order, so ids stay unique, 8 hex digits and the same from build to build.
    let id = hashId(...key);
    for (let n = 1; taken.has(id); n++) id = hashId(...key, n);
    taken.add(id);
    const geoPrecision = Math.min(...group.map((c) => c.geoPrecision)) as GeoPrecision;
    // The dates of the most precise claims: "on Sunday" beats the "on or before publication" week of the toll
    // sentence that joined it.
    const sharpest = Math.min(...group.map((c) => (c.dateStart ? (c.timePrecision ?? 3) : 9)));
    const dated = group.filter((c) => c.dateStart && (c.timePrecision ?? 3) === sharpest);
    const starts = dated
      .map((c) => c.dateStart)
      .filter((d): d is string => !!d)
      .sort();
    const ends = dated
      .map((c) => c.dateEnd ?? c.dateStart)
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
      id,
      geometry: asPoint ? { type: 'Point', coordinates: [round6(point[0]), round6(point[1])] } : null,
      properties: {
        id,
        place_id: entry.id,
        place_name: first.offset
          ? `${first.offset.km} km ${COMPASS[first.offset.bearing / 45] ?? ''} of ${entry.name}`
          : entry.name,
        country: entry.country,
        admin1: adminName(entry, 'admin1', ctx),
        admin2: adminName(entry, 'admin2', ctx),
        region_id: asPoint ? null : entry.regionId,
        // A region-precision incident drawn at its seat's point (no polygon) is no better than "near".
        geo_precision:
          asPoint && entry.kind !== 'place' ? (Math.max(geoPrecision, 2) as GeoPrecision) : geoPrecision,
        event_type: first.eventType,
        sub_event_type: first.subEventType ?? group.find((c) => c.subEventType)?.subEventType ?? null,
        date_start: dateStart,
        date_end: dateEnd,
        time_precision: precisionOf(dateStart, dateEnd, group),
        actors,
        actor_types: actorTypes,
        // The most conservative number any source states.
        fatalities: stated.length ? Math.min(...stated) : null,
        fatalities_range:
          stated.length && Math.min(...stated) !== Math.max(...stated)
            ? [Math.min(...stated), Math.max(...stated)]
            : null,
        impacts: [...new Set(group.flatMap((c) => c.impacts))].sort(),
        modality: MODALITY_RANK.find((m) => group.some((c) => c.modality === m)) ?? first.modality,
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
