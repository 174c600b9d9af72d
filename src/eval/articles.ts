// Article-level evaluation: the incidents a build draws from real news articles against hand-written gold
// (realnews-gold-schema.md). Recall of event places and of whole records over the gold's main lines, precision
// over the incidents, duplicates and false pins. Pure: gold lines, incidents and regions in, scores out.

import type { ActorIndex } from './actors.ts';
import { nameKey as fold } from './names.ts';
import { compareStrings } from '../common/strings.ts';
import type { RegionIndex } from './articles-geo.ts';
import type { GoldLine } from './articles-gold.ts';
import {
  bestPlaceMatch,
  incidentPlace,
  KIND_RANK,
  pairAttributes,
  specificity,
  type IncidentPlace,
  type MatchKind,
  type MatchOptions,
  type PairAttributes,
  type PlaceMatch,
  type ScoredIncident,
} from './articles-match.ts';

export type { ScoredIncident } from './articles-match.ts';

export interface ArticleScoringInput {
  gold: readonly GoldLine[];
  /** Source id -> the places its article names that are no incident's place (not_incident_places.jsonl). */
  notIncidentPlaces: ReadonlyMap<string, readonly string[]>;
  incidents: readonly ScoredIncident[];
  regions: RegionIndex;
  actorIndex?: ActorIndex;
  options?: MatchOptions;
}

/** One (incident, gold line) pair of the same article whose places match. */
export interface Pair {
  inc: number;
  gold: GoldLine;
  match: PlaceMatch;
  attrs: PairAttributes;
}

export type IncidentClass = 'correct' | 'coarse' | 'duplicate' | 'false_pin';
export type FalsePinReason = 'wrong_date' | 'wrong_type' | 'no_place';

export interface IncidentResult {
  index: number;
  articles: string[];
  place: IncidentPlace | null;
  class: IncidentClass;
  /** The precision pairing's gold line and match, for correct and coarse incidents. */
  pair: Pair | null;
  /** Gold lines it could stand for (date-compatible place matches). */
  candidates: Pair[];
  falsePinReason: FalsePinReason | null;
  inNotIncidentPlaces: boolean;
}

export type GoldOutcome = 'found' | 'coarse-admin1' | 'coarse-country' | 'none';

export interface GoldResult {
  gold: GoldLine;
  /** Recall (main lines only): the pair taken, and the outcome when none was. */
  recall: Pair | null;
  outcome: GoldOutcome | null;
  full: boolean;
  /** Precision: the incident that took this line (any tier). */
  takenBy: number | null;
}

export interface ArticleScore {
  incidents: IncidentResult[];
  gold: GoldResult[];
  /** Incidents left out: speculative, or with claims from unscored articles only. */
  speculative: number[];
  outOfScope: number[];
  articles: string[];
}

const pairKey = (incs: readonly ScoredIncident[], places: readonly (IncidentPlace | null)[]) => {
  // Greedy order shared by recall and precision after the match kind: more of {type, date, fatalities}
  // agreeing, a point within radius before a polygon, nearer, the more specific incident, then ids.
  return (a: Pair, b: Pair): number =>
    b.attrs.agree - a.attrs.agree ||
    Number(b.match.pointInRadius) - Number(a.match.pointInRadius) ||
    a.match.km - b.match.km ||
    specificity(places[a.inc] ?? null) - specificity(places[b.inc] ?? null) ||
    compareStrings(a.gold.gid, b.gold.gid) ||
    compareStrings(incs[a.inc]?.properties.id ?? '', incs[b.inc]?.properties.id ?? '');
};

export function scoreArticles(input: ArticleScoringInput): ArticleScore {
  const { gold, incidents, regions } = input;
  const scored = new Set([...gold.map((g) => g.sourceId), ...input.notIncidentPlaces.keys()]);
  const goldByArticle = new Map<string, GoldLine[]>();
  for (const g of gold) goldByArticle.set(g.sourceId, [...(goldByArticle.get(g.sourceId) ?? []), g]);

  const speculative: number[] = [];
  const outOfScope: number[] = [];
  const inScope: number[] = [];
  const articlesOf: string[][] = [];
  const places: (IncidentPlace | null)[] = [];
  incidents.forEach((inc, i) => {
    articlesOf[i] = [...new Set(inc.properties.claims.map((c) => c.source_id))]
      .filter((s) => scored.has(s))
      .sort();
    places[i] = incidentPlace(inc, regions);
    if (inc.properties.modality === 'speculative') speculative.push(i);
    else if ((articlesOf[i] ?? []).length === 0) outOfScope.push(i);
    else inScope.push(i);
  });

  // Every same-article pair whose places match; what blocked the others, for the false pins' reasons.
  const pairs: Pair[] = [];
  const typeBlocked = new Set<number>();
  for (const i of inScope) {
    const inc = incidents[i] as ScoredIncident;
    for (const a of articlesOf[i] ?? []) {
      for (const g of goldByArticle.get(a) ?? []) {
        const { match, typeBlocked: tb } = bestPlaceMatch(
          g,
          places[i] ?? null,
          inc.properties.event_type,
          regions,
          input.options,
        );
        if (tb) typeBlocked.add(i);
        if (match) pairs.push({ inc: i, gold: g, match, attrs: pairAttributes(g, inc, input.actorIndex) });
      }
    }
  }
  const byKey = pairKey(incidents, places);

  // Recall over main lines: exact candidates only; a line takes one incident, an incident one line per article.
  const recallPairs = pairs.filter((p) => p.gold.tier === 'main' && p.match.kind === 'exact').sort(byKey);
  const recallOf = new Map<string, Pair>();
  const incArticleTaken = new Set<string>();
  for (const p of recallPairs) {
    const k = `${p.inc}\u0000${p.gold.sourceId}`;
    if (recallOf.has(p.gold.gid) || incArticleTaken.has(k)) continue;
    recallOf.set(p.gold.gid, p);
    incArticleTaken.add(k);
  }

  // Precision over incidents: date-compatible exact or coarse candidates of any tier, each side taken once.
  const precisionPairs = pairs
    .filter((p) => p.attrs.dateCompatible)
    .sort((a, b) => KIND_RANK[a.match.kind] - KIND_RANK[b.match.kind] || byKey(a, b));
  const incTaken = new Map<number, Pair>();
  const goldTaken = new Map<string, number>();
  for (const p of precisionPairs) {
    if (incTaken.has(p.inc) || goldTaken.has(p.gold.gid)) continue;
    incTaken.set(p.inc, p);
    goldTaken.set(p.gold.gid, p.inc);
  }

  const incidentResults: IncidentResult[] = inScope.map((i) => {
    const inc = incidents[i] as ScoredIncident;
    const candidates = precisionPairs.filter((p) => p.inc === i);
    const pair = incTaken.get(i) ?? null;
    const cls: IncidentClass = pair
      ? pair.match.kind === 'exact'
        ? 'correct'
        : 'coarse'
      : candidates.length
        ? 'duplicate'
        : 'false_pin';
    let reason: FalsePinReason | null = null;
    if (cls === 'false_pin')
      reason = pairs.some((p) => p.inc === i) ? 'wrong_date' : typeBlocked.has(i) ? 'wrong_type' : 'no_place';
    const names = [inc.properties.place_name, ...inc.properties.claims.map((c) => c.unlocated_name)]
      .filter((n): n is string => n !== null && n !== '')
      .map(fold);
    const listed = (articlesOf[i] ?? []).flatMap((a) => (input.notIncidentPlaces.get(a) ?? []).map(fold));
    return {
      index: i,
      articles: articlesOf[i] ?? [],
      place: places[i] ?? null,
      class: cls,
      pair,
      candidates,
      falsePinReason: reason,
      inNotIncidentPlaces: names.some((n) => listed.includes(n)),
    };
  });

  const goldResults: GoldResult[] = gold.map((g) => {
    const taken = goldTaken.get(g.gid) ?? null;
    if (g.tier !== 'main') return { gold: g, recall: null, outcome: null, full: false, takenBy: taken };
    const r = recallOf.get(g.gid) ?? null;
    const mine = pairs.filter((p) => p.gold.gid === g.gid).map((p) => p.match.kind);
    const outcome: GoldOutcome = r
      ? 'found'
      : mine.includes('coarse-admin1')
        ? 'coarse-admin1'
        : mine.includes('coarse-country')
          ? 'coarse-country'
          : 'none';
    const full = r !== null && r.attrs.type && r.attrs.dateAgrees && r.attrs.fatalities;
    return { gold: g, recall: r, outcome, full, takenBy: taken };
  });

  return {
    incidents: incidentResults,
    gold: goldResults,
    speculative,
    outOfScope,
    articles: [...scored].sort(),
  };
}

export type { MatchKind };
