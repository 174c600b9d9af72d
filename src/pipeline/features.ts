// Stage 6: features. Claims become RFC 7946 incident features: one incident per event (grouped by group.ts:
// place, disorder family, modality class, overlapping dates, compatible actors), carrying every claim about it. Town-precision incidents are points; region- and
// country-precision incidents have no geometry of their own and point at their polygon (region_id).

import type { PipelineContext } from './context.ts';
import { offsetPoint, round6 } from '../common/geo.ts';
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
import { claimAt, ClaimIndexBuilder, ranks, type ClaimIndex } from './claim-index.ts';
import { familyOf, groupIndex, textFlags, type GroupRuns } from './group.ts';
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

/** An incident of a claim index, in output order: what identifies it, and its feature built only when asked (a
 * caller that has the feature's bytes from an earlier build of the same claims need not build it). */
export interface IndexedIncident {
  /** The feature's id (8 hex digits). */
  readonly id: string;
  /** Its claims' lines (their place in the order they were added to the index, which is how a caller finds their
   * sentences), in the feature's claim order. */
  readonly lines: readonly number[];
  /** Its claims' source ids, in the same order. */
  readonly sources: readonly string[];
  /** Builds the feature (its claims' sentences from the index's `text`); `withClaims` false: every property but
   * the claims, which are left an empty list (what a caller that has the claims' JSON needs of it). */
  feature(withClaims?: boolean): IncidentFeature;
}

/** Incidents from a claim index, in output order. */
export interface IndexedIncidents {
  incidents: number;
  point: number;
  features: Iterable<IndexedIncident>;
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
  const b = new ClaimIndexBuilder();
  for (const c of claims) b.add(c, textFlags(c.text));
  const r = indexedFeatures(b.finish(), sources, ctx, (line) => (claims[line] as Claim).text);
  function* features(): Generator<IncidentFeature> {
    for (const h of r.features) yield h.feature();
  }
  return { incidents: r.incidents, point: r.point, features: features() };
}

/** Distinct 32-bit numbers (open addressing): a Set of 2M+ ids costs several times these 5 bytes an id. */
class U32Set {
  private keys = new Uint32Array(1024);
  private used = new Uint8Array(1024);
  private size = 0;
  has(v: number): boolean {
    const mask = this.keys.length - 1;
    for (let i = (Math.imul(v, 0x9e3779b1) >>> 0) & mask; this.used[i]; i = (i + 1) & mask)
      if (this.keys[i] === v) return true;
    return false;
  }
  add(v: number): void {
    if (this.has(v)) return;
    if (2 * (this.size + 1) > this.keys.length) {
      const keys = this.keys;
      const used = this.used;
      this.keys = new Uint32Array(keys.length * 2);
      this.used = new Uint8Array(keys.length * 2);
      this.size = 0;
      for (let i = 0; i < keys.length; i++) if (used[i]) this.put(keys[i] as number);
    }
    this.put(v);
  }
  private put(v: number): void {
    const mask = this.keys.length - 1;
    let i = (Math.imul(v, 0x9e3779b1) >>> 0) & mask;
    while (this.used[i]) i = (i + 1) & mask;
    this.keys[i] = v;
    this.used[i] = 1;
    this.size++;
  }
}

/** The claims at group k's positions as objects (`text` gives a line's sentence). */
function groupAt(ix: ClaimIndex, runs: GroupRuns, k: number, text: (line: number) => string): Claim[] {
  const out: Claim[] = [];
  for (let m = runs.starts[k] as number; m < (runs.starts[k + 1] as number); m++) {
    const p = runs.members[m] as number;
    out.push(claimAt(ix, p, text(ix.line[p] as number)));
  }
  return out;
}

/** Incidents from indexed claims, lazily: the heads (grouping, ids, order) are worked out first and held as
 * columns; each feature is built, from its claims made objects again, when the iteration reaches it. `text` gives
 * the sentence of a claim's line (a caller that splices sentences in itself can give ''). */
export function indexedFeatures(
  ix: ClaimIndex,
  sources: Map<string, SourceMeta>,
  ctx: PipelineContext,
  text: (line: number) => string,
): IndexedIncidents {
  const runs = groupIndex(ix, (id) => ctx.gazetteer.get(id), ctx.words.roles.nearKm);
  const groups = runs.starts.length - 1;
  // Heads as columns, one row per incident: its group, lead claim (its place in the group), id, dates (1-based into dates,
  // 0 = null) and place name (into names).
  const hGroup = new Int32Array(groups);
  const hLead = new Int32Array(groups);
  const hId = new Uint32Array(groups);
  const hStart = new Int32Array(groups);
  const hEnd = new Int32Array(groups);
  const hName = new Int32Array(groups);
  const dates = new Map<string, number>();
  const dateList: string[] = [];
  const dateNo = (d: string | null): number => {
    if (d === null) return 0;
    let i = dates.get(d);
    if (i === undefined) dates.set(d, (i = dateList.push(d)));
    return i;
  };
  const names = new Map<string, number>();
  const nameList: string[] = [];
  const taken = new U32Set();
  let heads = 0;
  let point = 0;
  const noText = () => '';
  // Loops, not spreads and filters: most groups hold one claim, and this runs for every incident of the corpus.
  for (let k = 0; k < groups; k++) {
    const group = groupAt(ix, runs, k, noText);
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
    let id = parseInt(hashId(...key), 16);
    for (let n = 1; taken.has(id); n++) id = parseInt(hashId(...key, n), 16);
    taken.add(id);
    // The dates of the most precise claims: "on Sunday" beats the "on or before publication" week of the toll
    // sentence that joined it.
    let sharpest = Infinity;
    for (const c of group) sharpest = Math.min(sharpest, c.dateStart ? (c.timePrecision ?? 3) : 9);
    const dated = group.filter((c) => c.dateStart && (c.timePrecision ?? 3) === sharpest);
    if (entry.kind === 'place' || !entry.regionId) point++;
    const placeName = first.offset
      ? `${first.offset.km} km ${COMPASS[first.offset.bearing / 45] ?? ''} of ${entry.name}`
      : entry.name;
    let name = names.get(placeName);
    if (name === undefined) names.set(placeName, (name = nameList.push(placeName) - 1));
    hGroup[heads] = k;
    hLead[heads] = lead;
    hId[heads] = id;
    hStart[heads] = dateNo(extremes(dated.map((c) => c.dateStart))[0]);
    hEnd[heads] = dateNo(extremes(dated.map((c) => c.dateEnd ?? c.dateStart))[1]);
    hName[heads] = name;
    heads++;
  }
  // Output order: date_start (none last, as "9999"), place name, id; ids are 8 hex digits, so their numbers
  // compare as their strings do.
  const dateRank = ranks(['9999', ...dateList]);
  const nameRank = ranks(nameList);
  const order = new Int32Array(heads);
  for (let h = 0; h < heads; h++) order[h] = h;
  order.sort(
    (a, b) =>
      (dateRank[hStart[a] as number] as number) - (dateRank[hStart[b] as number] as number) ||
      (nameRank[hName[a] as number] as number) - (nameRank[hName[b] as number] as number) ||
      (hId[a] as number) - (hId[b] as number),
  );
  // An actor's type is looked up once per build, not once per incident (a scan of the lexicon each time).
  const actorTypes = new Map<string, ActorType | null>();
  const typeOf = (a: string): ActorType | null => {
    let t = actorTypes.get(a);
    if (t === undefined) actorTypes.set(a, (t = actorTypeOf(a, ctx)));
    return t;
  };
  function* features(): Generator<IndexedIncident> {
    for (const h of order) {
      const k = hGroup[h] as number;
      const m0 = runs.starts[k] as number;
      const m1 = runs.starts[k + 1] as number;
      const lines: number[] = [];
      const srcs: string[] = [];
      for (let m = m0; m < m1; m++) {
        const p = runs.members[m] as number;
        lines.push(ix.line[p] as number);
        srcs.push(ix.sources[ix.src[p] as number] as string);
      }
      const id = (hId[h] as number).toString(16).padStart(8, '0');
      yield {
        id,
        lines,
        sources: srcs,
        feature: (withClaims = true) => {
          const group = groupAt(ix, runs, k, withClaims ? text : noText);
          const first = group[hLead[h] as number] as Claim;
          const head: Head = {
            group,
            first,
            entry: ctx.gazetteer.get(first.placeId) as GazetteerEntry,
            id,
            dateStart: hStart[h] ? (dateList[(hStart[h] as number) - 1] as string) : null,
            dateEnd: hEnd[h] ? (dateList[(hEnd[h] as number) - 1] as string) : null,
            placeName: nameList[hName[h] as number] as string,
          };
          return feature(head, sources, ctx, typeOf, withClaims);
        },
      };
    }
  }
  return { incidents: heads, point, features: features() };
}

function feature(
  h: Head,
  sources: Map<string, SourceMeta>,
  ctx: PipelineContext,
  typeOf: (actor: string) => ActorType | null,
  withClaims = true,
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
      claims: withClaims ? group.map((c) => claimOut(c, sources.get(c.sourceId))) : [],
    },
  };
}
