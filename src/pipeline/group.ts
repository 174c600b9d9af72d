// Incident grouping: which claims tell of one event. One event is one incident with several claims, whether its
// claims come from several sentences of one article (the toll stated in the next sentence, a restatement at
// country level) or from several sources.
//
// Claims join when they share a place (across sources: a town or an admin-2 unit), a disorder family (ACLED's: political violence, demonstrations,
// strategic developments), a modality class, compatible actors and overlapping date spans (not the calendar
// month: a 7-day "on or before publication" span may cross a month's end). Within one article, a claim at a
// region or country also joins the one finer incident of the same family inside it ("an attack in Burkina Faso
// left 37 dead" restates the attack the article placed at Boungou); when the article has several such incidents,
// the coarse claim stays apart, since it cannot be told which event it restates. So does a claim near a town
// ("outside Bamako") with the one incident at a town within the near threshold of it.

import { haversineKm } from '../common/geo.ts';
import { compareStrings } from '../common/strings.ts';
import type { GazetteerEntry, Claim, Modality } from './types.ts';

export type Family = 'political violence' | 'demonstrations' | 'strategic developments';

const FAMILY: Record<string, Family> = {
  Battles: 'political violence',
  'Explosions/Remote violence': 'political violence',
  'Violence against civilians': 'political violence',
  Protests: 'demonstrations',
  Riots: 'demonstrations',
  'Strategic developments': 'strategic developments',
};

export function familyOf(eventType: string): Family {
  return FAMILY[eventType] ?? 'strategic developments';
}

/** A forecast and a history are never the same incident as a report; reports, claims and allegations can be. */
function modalityClass(m: Modality): string {
  return m === 'speculative' || m === 'historical' ? m : 'event';
}

/** Actors that name a side; generic victims and unnamed groups are compatible with anything. */
const UNNAMED =
  /^(?:Civilians|Protesters|Rioters|Unidentified armed group|Military Forces of|Police Forces of)/;

function named(actors: readonly string[]): string[] {
  return actors.filter((a) => !UNNAMED.test(a));
}

/** Two named perpetrators with nothing in common are two events ("JNIM attacked" and "IS Sahel attacked"). */
function actorsCompatible(a: readonly string[], b: readonly string[]): boolean {
  const na = named(a);
  const nb = named(b);
  return !na.length || !nb.length || na.some((x) => nb.includes(x));
}

interface Span {
  start: string;
  end: string;
}

const spanOf = (c: Claim): Span | null =>
  c.dateStart ? { start: c.dateStart, end: c.dateEnd ?? c.dateStart } : null;
const overlaps = (a: Span, b: Span): boolean => a.start <= b.end && b.start <= a.end;

/** Words that make a region-level claim another event than the article's finer one. */
const ANOTHER = /\b(?:also|elsewhere|separately)\b/i;
/** Words that make a finer claim another event than the one a coarse claim of its article restates. */
const OTHER_EVENT =
  /^(?:in\s+)?another\b|\b(?:was|were)\s+also\s+(?:attacked|targeted|hit|struck|ambushed)\b|\belsewhere\b|\bseparately\b/i;

/** How far from a one-country vernacular region's centre a place is taken to lie inside it ("central Mali" is
 * about 600 km across; northern Mali's five regions reach about 500 km from its centre). */
const VERNACULAR_KM = 450;

/** Does region `outer` hold place `inner` by the gazetteer's hierarchy (country, admin-1, admin-2)? */
function contains(outer: GazetteerEntry, inner: GazetteerEntry): boolean {
  if (outer.id === inner.id || !inner.country) return false;
  if (outer.kind === 'country') return outer.country === inner.country && inner.kind !== 'country';
  if (outer.kind === 'admin1') return inner.admin1 === outer.id;
  if (outer.kind === 'admin2') return inner.admin2 === outer.id;
  // A region of one country named by custom ("central Mali"): the gazetteer keeps its polygon, not its member
  // units, so a place of that country within VERNACULAR_KM of its centre stands for inside.
  if (outer.kind === 'vernacular' && outer.country)
    return (
      inner.country === outer.country &&
      inner.kind !== 'country' &&
      inner.kind !== 'vernacular' &&
      haversineKm(outer.point, inner.point) <= VERNACULAR_KM
    );
  return false;
}

/** How deep in the hierarchy an entry sits: country 0, admin-1 1, admin-2 2 (others are no containers). */
function depth(e: GazetteerEntry | undefined): number {
  return e?.kind === 'admin2' ? 2 : e?.kind === 'admin1' ? 1 : 0;
}

/** Union-find over claim indices. */
class Groups {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r] as number;
    while (this.parent[i] !== r) {
      const next = this.parent[i] as number;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller index is the root, so a group's identity does not depend on the order unions happen in.
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Claims in a deterministic order: source, offset, id. */
const byProvenance = (a: Claim, b: Claim): number =>
  compareStrings(a.sourceId, b.sourceId) || a.start - b.start || compareStrings(a.id, b.id);

/**
 * Group claims into incidents. Returns groups of claims, each group sorted by provenance and the groups sorted
 * by their first claim; `entry` looks a place id up in the gazetteer.
 */
export function groupClaims(
  input: readonly Claim[],
  entry: (id: string) => GazetteerEntry | undefined,
  nearKm = 25,
): Claim[][] {
  const claims = [...input].sort(byProvenance);
  const g = new Groups(claims.length);
  // Across sources only at a town or an admin-2 unit: two articles' "attack in Burkina Faso" in one week need
  // not be one event, and chains of such claims would swallow a country's whole week.
  const key = (c: Claim) => {
    const kind = entry(c.placeId)?.kind;
    const scope = kind === 'place' || kind === 'admin2' ? '' : c.sourceId;
    const offset = c.offset ? `@${c.offset.km}/${c.offset.bearing}` : '';
    // "Also on Friday, armed men attacked a UN convoy in Mali": at a region or country, another event.
    const alone = scope && ANOTHER.test(c.text) ? `|${c.id}` : '';
    return `${c.placeId}${offset}|${familyOf(c.eventType)}|${modalityClass(c.modality)}|${scope}${alone}`;
  };

  // 1. Same place, family and modality class: dated claims sweep by start date and join while spans overlap;
  // an undated claim joins a claim of its own article at that place (its sentence gave no date of its own).
  const buckets = new Map<string, number[]>();
  claims.forEach((c, i) => {
    const k = key(c);
    const list = buckets.get(k);
    if (list) list.push(i);
    else buckets.set(k, [i]);
  });
  for (const idx of buckets.values()) {
    const dated = idx.filter((i) => spanOf(claims[i] as Claim));
    dated.sort(
      (a, b) =>
        compareStrings((claims[a] as Claim).dateStart ?? '', (claims[b] as Claim).dateStart ?? '') || a - b,
    );
    let open: { end: string; members: number[]; days: Set<string> } | null = null;
    for (const i of dated) {
      const c = claims[i] as Claim;
      const s = spanOf(c) as Span;
      // Two days stated outright are two events ("Friday's attack on the camp", "an IED on 2 November"), even
      // when a vaguer span ("on or before publication") overlaps both.
      const day = s.start === s.end ? s.start : null;
      const otherDay = !!open && day !== null && open.days.size > 0 && !open.days.has(day);
      const mate: number | undefined =
        open && s.start <= open.end && !otherDay
          ? open.members.find((j) => actorsCompatible((claims[j] as Claim).actors, c.actors))
          : undefined;
      if (open && mate !== undefined) {
        g.union(mate, i);
        open.members.push(i);
        if (s.end > open.end) open.end = s.end;
        if (day) open.days.add(day);
      } else open = { end: s.end, members: [i], days: new Set(day ? [day] : []) };
    }
    // The bucket's claims of each source, in bucket order: an undated claim looks among its own article's only
    // (the first match is the same as scanning the whole bucket, which was quadratic in a town's claims).
    let ofSource: Map<string, number[]> | null = null;
    for (const i of idx) {
      const c = claims[i] as Claim;
      if (spanOf(c)) continue;
      if (!ofSource) {
        ofSource = new Map();
        for (const j of idx) {
          const s = (claims[j] as Claim).sourceId;
          const list = ofSource.get(s);
          if (list) list.push(j);
          else ofSource.set(s, [j]);
        }
      }
      const mate = (ofSource.get(c.sourceId) ?? []).find(
        (j) => j !== i && actorsCompatible((claims[j] as Claim).actors, c.actors),
      );
      if (mate !== undefined) g.union(mate, i);
    }
  }

  // 2. Within one article, a coarse claim joins the single finer incident of its family inside its region.
  const bySource = new Map<string, number[]>();
  claims.forEach((c, i) => {
    const list = bySource.get(c.sourceId);
    if (list) list.push(i);
    else bySource.set(c.sourceId, [i]);
  });
  for (const idx of bySource.values()) {
    // Finest containers first: a province's claim joins the town before the country's claim looks, so the country
    // then sees one incident, not two.
    const coarse = [...idx].sort(
      (a, b) =>
        depth(entry((claims[b] as Claim).placeId)) - depth(entry((claims[a] as Claim).placeId)) || a - b,
    );
    for (const i of coarse) {
      const c = claims[i] as Claim;
      const outer = entry(c.placeId);
      // Restatements are of news: a history or a forecast at country level stays its own incident, and so does
      // "Also on Friday, armed men attacked a UN convoy in Mali" (another event).
      if (!outer || outer.kind === 'place' || modalityClass(c.modality) !== 'event' || ANOTHER.test(c.text))
        continue;
      const inside = new Set<number>();
      let first = -1;
      // Incidents whose toll the coarse claim could restate: a claim that states another toll tells of another
      // event ("12 soldiers were killed in an ambush in Niger" is not the 17 killed near Koutougou).
      const sameToll = new Set<number>();
      let firstSameToll = -1;
      for (const j of idx) {
        const d = claims[j] as Claim;
        const inner = entry(d.placeId);
        if (!inner || !contains(outer, inner)) continue;
        // "Another military police unit in the Kelbo rural district was also attacked": not the event the
        // article's lead restates.
        if (OTHER_EVENT.test(d.text)) continue;
        if (
          familyOf(d.eventType) !== familyOf(c.eventType) ||
          modalityClass(d.modality) !== modalityClass(c.modality)
        )
          continue;
        const a = spanOf(c);
        const b = spanOf(d);
        if (a && b && !overlaps(a, b)) continue;
        if (!actorsCompatible(c.actors, d.actors)) continue;
        inside.add(g.find(j));
        if (first < 0) first = j;
        if (c.fatalities === null || d.fatalities === null || c.fatalities === d.fatalities) {
          sameToll.add(g.find(j));
          if (firstSameToll < 0) firstSameToll = j;
        }
      }
      if (inside.size === 1 && first >= 0) g.union(first, i);
      // Several events inside: the one whose toll agrees, if only one does.
      else if (inside.size > 1 && sameToll.size === 1 && firstSameToll >= 0) g.union(firstSameToll, i);
    }
  }

  // 3. Within one article, a claim near a town ("outside the capital, Bamako", precision 2) joins the single
  // incident of its family at another town within the near threshold (the Kati camp is 15 km from Bamako).
  const compatible = (c: Claim, d: Claim): boolean => {
    const a = spanOf(c);
    const b = spanOf(d);
    return (
      familyOf(d.eventType) === familyOf(c.eventType) &&
      modalityClass(d.modality) === modalityClass(c.modality) &&
      !(a && b && !overlaps(a, b)) &&
      actorsCompatible(c.actors, d.actors)
    );
  };
  for (const idx of bySource.values()) {
    for (const i of idx) {
      const c = claims[i] as Claim;
      const at = entry(c.placeId);
      if (c.geoPrecision !== 2 || c.offset || at?.kind !== 'place' || modalityClass(c.modality) !== 'event')
        continue;
      const towns = new Set<number>();
      let first = -1;
      for (const j of idx) {
        const d = claims[j] as Claim;
        const e = entry(d.placeId);
        if (d.placeId === c.placeId || d.geoPrecision !== 1 || e?.kind !== 'place') continue;
        if (haversineKm(at.point, e.point) > nearKm || !compatible(c, d)) continue;
        towns.add(g.find(j));
        if (first < 0) first = j;
      }
      if (towns.size === 1 && first >= 0) g.union(first, i);
    }
  }

  const out = new Map<number, Claim[]>();
  claims.forEach((c, i) => {
    const r = g.find(i);
    const list = out.get(r);
    if (list) list.push(c);
    else out.set(r, [c]);
  });
  return [...out.entries()].sort((a, b) => a[0] - b[0]).map(([, list]) => list);
}
