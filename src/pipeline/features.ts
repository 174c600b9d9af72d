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

/** The least and the greatest of some strings in code-unit order (what sort() gives first and last). */
function extremes(values: Iterable<string | null | undefined>): [string | null, string | null] {
  let lo: string | null = null;
  let hi: string | null = null;
  for (const v of values) {
    if (!v) continue;
    if (lo === null || v < lo) lo = v;
    if (hi === null || v > hi) hi = v;
  }
  return [lo, hi];
}

/** The distinct strings of the claims' lists, sorted. */
function union<T extends string>(group: readonly Claim[], list: (c: Claim) => readonly T[]): T[] {
  if (group.length === 1) {
    const only = list(group[0] as Claim);
    return only.length < 2 ? [...only] : [...new Set(only)].sort();
  }
  const all = new Set<T>();
  for (const c of group) for (const x of list(c)) all.add(x);
  return [...all].sort();
}

/** An incident's lead claim, place, id, dates and name: what orders the incidents, worked out first. */
interface Head {
  group: Claim[];
  first: Claim;
  entry: GazetteerEntry;
  id: string;
  dateStart: string | null;
  dateEnd: string | null;
  placeName: string;
}

/** Incidents as the build writes them: counted and in output order, each feature built when the iteration reaches
 * it, so a caller that writes them one by one never holds the corpus's features (most of the grouping worker's
 * memory at 20k articles). */
export interface Incidents {
  incidents: number;
  point: number;
  features: Iterable<IncidentFeature>;
}

/** Group claims into incident features. `sources` gives each claim's provenance. */
export function toFeatures(
  claims: Claim[],
  sources: Map<string, SourceMeta>,
  ctx: PipelineContext,
): IncidentCollection {
  return { type: 'FeatureCollection', features: [...incidentFeatures(claims, sources, ctx).features] };
}

/** toFeatures' features, lazily (see Incidents). */
export function incidentFeatures(
  claims: Claim[],
  sources: Map<string, SourceMeta>,
  ctx: PipelineContext,
): Incidents {
  const heads: Head[] = [];
  const taken = new Set<string>();
  let point = 0;
  // Loops, not spreads and filters: most groups hold one claim, and this runs for every incident of the corpus.
  for (const group of groupClaims(claims, (id) => ctx.gazetteer.get(id), ctx.words.roles.nearKm)) {
    // The lead claim: the first (by source and offset) at the finest place of the group, and of those the most
    // precise; it gives the incident its place and type (a restatement "in Burkina Faso" joins the attack at
    // Boungou, not the reverse; "outside Bamako" joins the attack at Kati).
    const places = group.map((c) => ctx.gazetteer.get(c.placeId));
    const fine = places.map(finenessOf);
    let finest = Infinity;
    for (const f of fine) if (f < finest) finest = f;
    let lead = 0;
    let pinned = Infinity;
    group.forEach((c, i) => {
      if (fine[i] === finest && c.geoPrecision < pinned) {
        pinned = c.geoPrecision;
        lead = i;
      }
    });
    const first = group[lead] as Claim;
    const entry = places[lead];
    if (!entry) continue;
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
    // The dates of the most precise claims: "on Sunday" beats the "on or before publication" week of the toll
    // sentence that joined it.
    let sharpest = Infinity;
    for (const c of group) sharpest = Math.min(sharpest, c.dateStart ? (c.timePrecision ?? 3) : 9);
    const dated = group.filter((c) => c.dateStart && (c.timePrecision ?? 3) === sharpest);
    if (entry.kind === 'place' || !entry.regionId) point++;
    heads.push({
      group,
      first,
      entry,
      id,
      dateStart: extremes(dated.map((c) => c.dateStart))[0],
      dateEnd: extremes(dated.map((c) => c.dateEnd ?? c.dateStart))[1],
      placeName: first.offset
        ? `${first.offset.km} km ${COMPASS[first.offset.bearing / 45] ?? ''} of ${entry.name}`
        : entry.name,
    });
  }
  heads.sort(
    (a, b) =>
      compareStrings(a.dateStart ?? '9999', b.dateStart ?? '9999') ||
      compareStrings(a.placeName, b.placeName) ||
      compareStrings(a.id, b.id),
  );
  // An actor's type is looked up once per build, not once per incident (a scan of the lexicon each time).
  const actorTypes = new Map<string, ActorType | null>();
  const typeOf = (a: string): ActorType | null => {
    let t = actorTypes.get(a);
    if (t === undefined) actorTypes.set(a, (t = actorTypeOf(a, ctx)));
    return t;
  };
  function* features(): Generator<IncidentFeature> {
    for (const h of heads) yield feature(h, sources, ctx, typeOf);
  }
  return { incidents: heads.length, point, features: features() };
}

function feature(
  h: Head,
  sources: Map<string, SourceMeta>,
  ctx: PipelineContext,
  typeOf: (actor: string) => ActorType | null,
): IncidentFeature {
  const { group, first, entry, id, dateStart, dateEnd } = h;
  // "30 km north of Timbuktu": the estimated point (turf's destination on the sphere), not the town's.
  const point = first.offset ? offsetPoint(entry.point, first.offset) : entry.point;
  let geoPrecision = Infinity;
  const stated: number[] = [];
  for (const c of group) {
    geoPrecision = Math.min(geoPrecision, c.geoPrecision);
    if (c.fatalities !== null) stated.push(c.fatalities);
  }
  let least = Infinity;
  let most = -Infinity;
  for (const f of stated) {
    least = Math.min(least, f);
    most = Math.max(most, f);
  }
  const actors = union(group, (c) => c.actors);
  const asPoint = entry.kind === 'place' || !entry.regionId;
  return {
    type: 'Feature',
    id,
    geometry: asPoint ? { type: 'Point', coordinates: [round6(point[0]), round6(point[1])] } : null,
    properties: {
      id,
      place_id: entry.id,
      place_name: h.placeName,
      country: entry.country,
      admin1: adminName(entry, 'admin1', ctx),
      admin2: adminName(entry, 'admin2', ctx),
      region_id: asPoint ? null : entry.regionId,
      // A region-precision incident drawn at its seat's point (no polygon) is no better than "near".
      geo_precision: (asPoint && entry.kind !== 'place'
        ? Math.max(geoPrecision, 2)
        : geoPrecision) as GeoPrecision,
      event_type: first.eventType,
      sub_event_type: first.subEventType ?? group.find((c) => c.subEventType)?.subEventType ?? null,
      date_start: dateStart,
      date_end: dateEnd,
      time_precision: precisionOf(dateStart, dateEnd, group),
      actors,
      // Parallel to actors: actor_types[i] is the ACLED type of actors[i] (null when the lexicon has none).
      actor_types: actors.map(typeOf),
      // The most conservative number any source states.
      fatalities: stated.length ? least : null,
      fatalities_range: stated.length && least !== most ? [least, most] : null,
      impacts: union(group, (c) => c.impacts),
      modality: MODALITY_RANK.find((m) => group.some((c) => c.modality === m)) ?? first.modality,
      n_sources: group.length === 1 ? 1 : new Set(group.map((c) => c.sourceId)).size,
      claims: group.map((c) => claimOut(c, sources.get(c.sourceId))),
    },
  };
}
