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
import { ClaimIndexBuilder, type ClaimIndex } from './claim-index.ts';
import type { GazetteerEntry, Claim } from './types.ts';

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

/** Actors that name a side; generic victims and unnamed groups are compatible with anything. */
const UNNAMED =
  /^(?:Civilians|Protesters|Rioters|Unidentified armed group|Military Forces of|Police Forces of)/;

function named(actors: readonly string[]): string[] {
  return actors.filter((a) => !UNNAMED.test(a));
}

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

/** Union-find over claim positions. */
class Groups {
  private parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
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

export const TEXT_ANOTHER = 1;
export const TEXT_OTHER_EVENT = 2;

/** What grouping reads of a claim's sentence, as ClaimIndex flags: the index keeps no sentence. */
export const textFlags = (text: string): number =>
  (ANOTHER.test(text) ? TEXT_ANOTHER : 0) | (OTHER_EVENT.test(text) ? TEXT_OTHER_EVENT : 0);

/** Could the sentence hold a word textFlags looks for? Its JSON string literal holds every letter as it is (JSON
 * escapes only quotes, backslashes and control characters), so a sentence without these letters is not parsed. */
export const MAY_FLAG = /also|elsewhere|separately|another/i;

/** Incidents as runs of claim positions: group k is members[starts[k]] .. members[starts[k + 1] - 1], each run in
 * position order, the groups in the order of their first claim. */
export interface GroupRuns {
  starts: Int32Array;
  members: Int32Array;
}

const MOD_CLASS: Record<string, number> = { speculative: 1, historical: 2 };
const FAMILY_NO: Record<Family, number> = {
  'political violence': 0,
  demonstrations: 1,
  'strategic developments': 2,
};

/**
 * Group indexed claims into incidents (the rules are in the file's head); `entry` looks a place id up in the
 * gazetteer. Claims are taken in the index's provenance order.
 */
export function groupIndex(
  ix: ClaimIndex,
  entry: (id: string) => GazetteerEntry | undefined,
  nearKm = 25,
): GroupRuns {
  const n = ix.n;
  const g = new Groups(n);
  const at = ix.places.map(entry);
  const placeOf = (p: number) => at[ix.place[p] as number];
  const famOfType = ix.eventTypes.map((t) => FAMILY_NO[familyOf(t)]);
  const fam = (p: number) => famOfType[ix.et[p] as number] as number;
  const classOf = ix.modalities.map((m) => MOD_CLASS[m] ?? 0);
  const cls = (p: number) => classOf[ix.mod[p] as number] as number;
  const namedOf = ix.actorLists.map(named);
  const compatible = (p: number, q: number): boolean => {
    const a = namedOf[ix.act[p] as number] as string[];
    const b = namedOf[ix.act[q] as number] as string[];
    return !a.length || !b.length || a.some((x) => b.includes(x));
  };
  // A span starts at a date that is not empty and ends at dateEnd, or dateStart without one.
  const spanStart = (p: number): string | null => {
    const d = ix.ds[p] as number;
    return d ? (ix.dates[d - 1] as string) || null : null;
  };
  const spanEnd = (p: number): string => {
    const d = ix.de[p] as number;
    return ix.dates[(d || (ix.ds[p] as number)) - 1] as string;
  };
  const overlap = (p: number, q: number): boolean => {
    const a = spanStart(p);
    const b = spanStart(q);
    return !a || !b || (a <= spanEnd(q) && b <= spanEnd(p));
  };

  // 1. Same place, family and modality class: dated claims sweep by start date and join while spans overlap;
  // an undated claim joins a claim of its own article at that place (its sentence gave no date of its own).
  // Across sources only at a town or an admin-2 unit: two articles' "attack in Burkina Faso" in one week need
  // not be one event, and chains of such claims would swallow a country's whole week. The bucket of a claim is
  // its place, offset, family, modality class, scope (its source unless at a town or admin-2 unit) and, for "Also
  // on Friday, armed men attacked a UN convoy in Mali" (at a region or country, another event), its id.
  const scope = new Int32Array(n);
  const alone = new Float64Array(n).fill(-Infinity);
  for (let p = 0; p < n; p++) {
    const kind = placeOf(p)?.kind;
    if (kind === 'place' || kind === 'admin2') continue;
    scope[p] = (ix.src[p] as number) + 1;
    if ((ix.flags[p] as number) & TEXT_ANOTHER) alone[p] = ix.id[p] as number;
  }
  const byBucket = new Int32Array(n);
  for (let p = 0; p < n; p++) byBucket[p] = p;
  const bucketCmp = (a: number, b: number): number =>
    (ix.place[a] as number) - (ix.place[b] as number) ||
    (ix.off[a] as number) - (ix.off[b] as number) ||
    fam(a) - fam(b) ||
    cls(a) - cls(b) ||
    (scope[a] as number) - (scope[b] as number) ||
    ((alone[a] as number) < (alone[b] as number) ? -1 : (alone[a] as number) > (alone[b] as number) ? 1 : 0);
  byBucket.sort((a, b) => bucketCmp(a, b) || a - b);
  for (let from = 0; from < n;) {
    let to = from + 1;
    while (to < n && bucketCmp(byBucket[from] as number, byBucket[to] as number) === 0) to++;
    const idx = byBucket.subarray(from, to);
    from = to;
    const dated = [...idx].filter((p) => spanStart(p) !== null);
    dated.sort((a, b) => compareStrings(spanStart(a) as string, spanStart(b) as string) || a - b);
    let open: { end: string; members: number[]; days: Set<string> } | null = null;
    for (const i of dated) {
      const start = spanStart(i) as string;
      const end = spanEnd(i);
      // Two days stated outright are two events ("Friday's attack on the camp", "an IED on 2 November"), even
      // when a vaguer span ("on or before publication") overlaps both.
      const day = start === end ? start : null;
      const otherDay = !!open && day !== null && open.days.size > 0 && !open.days.has(day);
      const mate: number | undefined =
        open && start <= open.end && !otherDay ? open.members.find((j) => compatible(j, i)) : undefined;
      if (open && mate !== undefined) {
        g.union(mate, i);
        open.members.push(i);
        if (end > open.end) open.end = end;
        if (day) open.days.add(day);
      } else open = { end, members: [i], days: new Set(day ? [day] : []) };
    }
    // The bucket's claims of each source, in bucket order: an undated claim looks among its own article's only
    // (the first match is the same as scanning the whole bucket, which was quadratic in a town's claims).
    let ofSource: Map<number, number[]> | null = null;
    for (const i of idx) {
      if (spanStart(i) !== null) continue;
      if (!ofSource) {
        ofSource = new Map();
        for (const j of idx) {
          const s = ix.src[j] as number;
          const list = ofSource.get(s);
          if (list) list.push(j);
          else ofSource.set(s, [j]);
        }
      }
      const mate = (ofSource.get(ix.src[i] as number) ?? []).find((j) => j !== i && compatible(j, i));
      if (mate !== undefined) g.union(mate, i);
    }
  }

  // The claims of each source are a run of positions (the index is in source order), sources in that order.
  const runs: [number, number][] = [];
  for (let from = 0; from < n;) {
    let to = from + 1;
    while (to < n && ix.src[to] === ix.src[from]) to++;
    runs.push([from, to]);
    from = to;
  }

  // 2. Within one article, a coarse claim joins the single finer incident of its family inside its region.
  for (const [from, to] of runs) {
    const idx: number[] = [];
    for (let p = from; p < to; p++) idx.push(p);
    // Finest containers first: a province's claim joins the town before the country's claim looks, so the country
    // then sees one incident, not two.
    const coarse = [...idx].sort((a, b) => depth(placeOf(b)) - depth(placeOf(a)) || a - b);
    for (const i of coarse) {
      const outer = placeOf(i);
      // Restatements are of news: a history or a forecast at country level stays its own incident, and so does
      // "Also on Friday, armed men attacked a UN convoy in Mali" (another event).
      if (!outer || outer.kind === 'place' || cls(i) !== 0) continue;
      // "Also on Friday, armed men attacked a UN convoy in Mali" is another event than the lead, but the same as
      // "A UN convoy was also attacked on the same day in the north of the country": such a claim joins only a
      // finer one that is itself another event, of its own type.
      const another = !!((ix.flags[i] as number) & TEXT_ANOTHER);
      const inside = new Set<number>();
      let first = -1;
      // Incidents whose toll the coarse claim could restate: a claim that states another toll tells of another
      // event ("12 soldiers were killed in an ambush in Niger" is not the 17 killed near Koutougou).
      const sameToll = new Set<number>();
      let firstSameToll = -1;
      const fi = ix.fat[i] as number;
      for (const j of idx) {
        const inner = placeOf(j);
        if (!inner || !contains(outer, inner)) continue;
        // "Another military police unit in the Kelbo rural district was also attacked": not the event the
        // article's lead restates.
        if (another) {
          if (!((ix.flags[j] as number) & TEXT_ANOTHER) || ix.et[j] !== ix.et[i]) continue;
        } else if ((ix.flags[j] as number) & TEXT_OTHER_EVENT) continue;
        if (fam(j) !== fam(i) || cls(j) !== cls(i)) continue;
        if (!overlap(i, j)) continue;
        if (!compatible(i, j)) continue;
        inside.add(g.find(j));
        if (first < 0) first = j;
        const fj = ix.fat[j] as number;
        if (Number.isNaN(fi) || Number.isNaN(fj) || fi === fj) {
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
  for (const [from, to] of runs) {
    for (let i = from; i < to; i++) {
      const here = placeOf(i);
      if (ix.gp[i] !== 2 || ix.off[i] || here?.kind !== 'place' || cls(i) !== 0) continue;
      const towns = new Set<number>();
      let first = -1;
      for (let j = from; j < to; j++) {
        const e = placeOf(j);
        if (ix.place[j] === ix.place[i] || ix.gp[j] !== 1 || e?.kind !== 'place') continue;
        if (haversineKm(here.point, e.point) > nearKm) continue;
        if (fam(j) !== fam(i) || cls(j) !== cls(i) || !overlap(i, j) || !compatible(i, j)) continue;
        towns.add(g.find(j));
        if (first < 0) first = j;
      }
      if (towns.size === 1 && first >= 0) g.union(first, i);
    }
  }

  // Runs by root: a root is its group's first position, so counting sort in position order keeps both orders.
  const root = new Int32Array(n);
  const size = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const r = g.find(p);
    root[p] = r;
    size[r] = (size[r] as number) + 1;
  }
  let groups = 0;
  for (let p = 0; p < n; p++) if (size[p]) groups++;
  const starts = new Int32Array(groups + 1);
  const slot = size; // reused: a root's next free place in members
  let k = 0;
  let next = 0;
  for (let p = 0; p < n; p++) {
    const s = size[p] as number;
    if (!s) continue;
    starts[k++] = next;
    slot[p] = next;
    next += s;
  }
  starts[groups] = n;
  const members = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const r = root[p] as number;
    const m = slot[r] as number;
    members[m] = p;
    slot[r] = m + 1;
  }
  return { starts, members };
}

/**
 * Group claims into incidents. Returns groups of claims, each group sorted by provenance and the groups sorted
 * by their first claim; `entry` looks a place id up in the gazetteer.
 */
export function groupClaims(
  input: readonly Claim[],
  entry: (id: string) => GazetteerEntry | undefined,
  nearKm = 25,
): Claim[][] {
  const b = new ClaimIndexBuilder();
  for (const c of input) b.add(c, textFlags(c.text));
  const ix = b.finish();
  const { starts, members } = groupIndex(ix, entry, nearKm);
  const out: Claim[][] = [];
  for (let k = 0; k + 1 < starts.length; k++) {
    const list: Claim[] = [];
    for (let m = starts[k] as number; m < (starts[k + 1] as number); m++)
      list.push(input[ix.line[members[m] as number] as number] as Claim);
    out.push(list);
  }
  return out;
}
