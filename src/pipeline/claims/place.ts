// Place choice: where a claim is, by the finest place the sentence names, else the embassy rule, else carry-over.

import { haversineKm } from '../../common/geo.ts';
import type { CueHit } from '../cues.ts';
import type { PipelineContext } from '../context.ts';
import { fold, spacingFreeKey, tokenize, type Token } from '../text.ts';
import type { GazetteerEntry, GeoPrecision, Offset, Resolution, Sentence, Span } from '../types.ts';
import type { CarryOver } from './carry-over.ts';
import type { ClaimTables, Trigger } from './compiled.ts';
import { embassyPlace, missionNear, missionOwner, type EmbassyDoc } from './embassy.ts';

/** "died in a similar attack", "killed in another ambush", "in a separate raid": an event other than the one the
 * text placed, told as what happened (not "condemned other attacks", not "another attack could follow"). */
const ANOTHER_EVENT =
  /\bin\s+(?:a\s+similar|another|a\s+separate)\s+(?:\w+\s+)?(?:attack|ambush|raid|assault|incident|clash|explosion|bombing)\b/iu;

export interface Place {
  entry: GazetteerEntry;
  precision: GeoPrecision;
  /** "30 km north of Timbuktu": the estimated point is this far from the entry, in that direction. */
  offset?: Offset;
}

export const KIND_RANK: Record<GazetteerEntry['kind'], number> = {
  place: 0,
  admin2: 1,
  admin1: 2,
  vernacular: 3,
  country: 4,
  continent: 6,
  water: 6,
};
/** How fine a place is: a vernacular region inside one country ("central Mali") is finer than the country, one
 * spanning several ("Sahel") is coarser. */
export function fineness(e: GazetteerEntry): number {
  return e.kind === 'vernacular' && !e.country ? 5 : KIND_RANK[e.kind];
}

/** A place this far from the named town is still in its admin-1 region, most likely; farther, in its country. */
const REGION_KM = 100;
/** Stated distances up to this give an estimated point; farther ones are too vague for a pin. */
const OFFSET_KM = 200;
/** A distance with no direction up to which the town itself stands, "near" (precision 2). */
const NEAR_ESTIMATE_KM = 50;

const WEAK_RANK: readonly string[] = ['route', 'near', 'reference', 'source', 'origin'];
const weakRank = (r: Resolution): number => WEAK_RANK.indexOf(r.role?.role ?? '');

function inSpans(spans: Span[], x: Span): boolean {
  return spans.some((sp) => x.start >= sp.start && x.end <= sp.end);
}

/** Between a village and its unit: " village in the town of ", ", in the commune of ". */
const IN_UNIT_OF =
  /^\s*(?:village|hamlet|locality|camp)?\s*,?\s*in\s+the\s+(?:town|commune|rural\s+commune|cercle|district|department|province|prefecture)\s+of\s+$/iu;

/** "X neighborhood in the town of Y", "camp 'X' in Y", "X, in Y": X is said to lie in Y. */
const IN_PLACE =
  /^['’"]?\s*(?:(?:village|hamlet|locality|camp|neighbou?rhood|quarter|district|market)\s*)?,?\s*in\s+(?:the\s+(?:town|city|commune|rural\s+commune|cercle|department|province|prefecture|region)\s+of\s+)?$/iu;
/** A road whose ends lie this far apart or less is placed near its first end rather than in its region. */
const SHORT_ROAD_KM = 60;
/** How far past twice a stated distance a town may lie from the place measured from (the distance is a reporter's
 * estimate by road, the gazetteer's points are approximate). */
const REACH_SLACK_KM = 50;
/** Does place e lie in u: within 30 km of a town, inside a unit or a country? */
function liesIn(e: GazetteerEntry, u: GazetteerEntry): boolean {
  if (u.kind === 'place') return haversineKm(e.point, u.point) <= 30;
  if (u.kind === 'country') return e.country === u.country;
  if (u.kind === 'admin1' || u.kind === 'admin2') return e.admin1 === u.id || e.admin2 === u.id;
  return true;
}

/** What place choice reads of the document. */
export interface PlaceDoc extends EmbassyDoc {
  /** Names the gazetteer lacks, and bracketed hierarchies (src/pipeline/unknown.ts). */
  unknown?: Resolution[];
  context?: Span[];
}

export interface PlaceChoice {
  places: Place[];
  /** An embassy the event concerns, when the sentence names no place (its claim is at the host's capital). */
  mission: CueHit<true> | null;
  /** Unknown names of the sentence: its claim is near the first unit named for them. */
  unknownHere: Resolution[];
  /** Resolved places of the sentence whose role places nothing (a dateline, a reference...), for the report. */
  setAside: Resolution[];
}

/** The places of one event sentence; `here` are the sentence's resolutions, `votes` the document's countries. */
export function choosePlaces(
  s: Sentence,
  tokens: Token[],
  trigger: CueHit<Trigger>,
  here: Resolution[],
  doc: PlaceDoc,
  votes: Map<string, number>,
  carry: CarryOver,
  c: ClaimTables,
  ctx: PipelineContext,
): PlaceChoice {
  // Places: the finest resolved level in the sentence (demonyms only give context, and so does the country
  // an embassy belongs to: "Mali's embassy" is not in Mali).
  const missions = c.missions.find(tokens);
  const owns = missionOwner(s, tokens, missions, doc.text);
  const usable = (r: Resolution): boolean =>
    !!r.placeId &&
    (r.mention.via !== 'demonym' || r.role?.role === 'capital') &&
    !owns(r.mention.start, r.mention.end);
  // Only event places (and "near X" within the near threshold) place a claim. A weak cue ("residents of X
  // said", "based in X", a road's end) gives way when nothing else places it: then its first mention does,
  // "near" at best. Datelines, references, origins, sources and names place nothing.
  const plainStrong = (r: Resolution): boolean =>
    !r.role ||
    r.role.role === 'event' ||
    r.role.role === 'capital' ||
    (r.role.role === 'near' && !r.role.weak);
  const unknownHere = (doc.unknown ?? []).filter((u) => u.mention.sentence === s.index);
  const sure = here.filter((r) => r.status === 'resolved' && usable(r));
  // Names inside a bracketed hierarchy say where their head is; they are event places only for an unknown
  // head ("Ogossagou (Bankass, Mopti)") or when the sentence names no other place.
  const inContext = (r: Resolution): boolean => inSpans(doc.context ?? [], r.mention);
  const town = (r: Resolution) => ctx.gazetteer.get(r.placeId as string)?.kind === 'place';
  // "the mayor of Djibo was killed" happened at Djibo; "the chief of Taoudenni ... in the area of Dioura" at
  // Dioura: an office's town is the event place unless the sentence names another town as one.
  // (Not the office town's own bracket: "the village chief of Doro (N'Tillit, Gao)".)
  const bracketOf = (r: Resolution, o: Resolution): boolean =>
    o.mention.start > r.mention.end && /^\s*\([^()]*$/u.test(doc.text.slice(r.mention.end, o.mention.start));
  const otherTown = (r: Resolution): boolean =>
    sure.some(
      (o) =>
        o !== r && plainStrong(o) && town(o) && !inContext(o) && !bracketOf(r, o) && o.placeId !== r.placeId,
    );
  const isStrong = (r: Resolution): boolean => plainStrong(r) || (!!r.role?.office && !otherTown(r));
  // (In the one country the document names most, if it names any: a Chadian story's "Boma" that also names
  // Niger and Nigeria is not in Nigeria's Kebbi state.)
  const top = Math.max(0, ...votes.values());
  const leaders = [...votes].filter(([, n]) => n === top);
  const inDocCountries = (r: Resolution): boolean =>
    !votes.size ||
    (leaders.length === 1 && leaders[0]?.[0] === ctx.gazetteer.get(r.placeId as string)?.country);
  // A village between namesakes the evidence cannot split ("Louda", two villages of Centre-Nord) places its
  // event in the smallest unit both lie in, never at one of them; only when nothing else in the sentence does.
  // ("the area of Tabankort, Gao Region": the two Tabankorts' cercle says more than the region named beside it.)
  const fine = (r: Resolution) => {
    const kind = ctx.gazetteer.get(r.placeId as string)?.kind;
    return kind === 'place' || kind === 'admin2';
  };
  const shared = sure.some((r) => isStrong(r) && fine(r) && !inContext(r))
    ? []
    : here.filter((r) => r.status === 'ambiguous' && usable(r) && isStrong(r) && inDocCountries(r));
  const candidates = [...sure, ...shared];
  const placing = candidates.filter((r) => isStrong(r) || r.role?.weak);
  // "kidnapped in Atara, 25 km from Niafunke": a town the sentence puts that far from another is within reach
  // of it; Mauritania's Atar, 1,080 km away, is a namesake of a village the gazetteer lacks.
  const entryOf = (r: Resolution) => ctx.gazetteer.get(r.placeId as string) as GazetteerEntry;
  // (A distance is measured from a town whether the roles stage read it as "near" or as a reference.)
  const kmOf = (r: Resolution): number | null => r.role?.km ?? null;
  const measured = candidates.filter((r) => kmOf(r) != null && town(r));
  const outOfReach = (r: Resolution): boolean =>
    kmOf(r) == null &&
    town(r) &&
    measured.some(
      (d) => haversineKm(entryOf(d).point, entryOf(r).point) > 2 * (kmOf(d) ?? 0) + REACH_SLACK_KM,
    );
  const strongAll = placing.filter((r) => isStrong(r) && !inContext(r) && !outOfReach(r));
  // A town out of reach was the only event place: the claim is near the town the distance is measured from.
  const unreached = measured.length > 0 && placing.some((r) => isStrong(r) && outOfReach(r));
  // "the Kati camp attacked at the gates of Bamako": with an event town named, the town it is near is only
  // where that town is ("the outskirts of Gao in northern Mali" is still near Gao).
  const atEvent = strongAll.filter((r) => r.role?.role !== 'near');
  const strong = atEvent.some(town) ? atEvent : strongAll;
  // A road's ends say more than "north of X", which says more than "50 km from X" (its region), a source's or
  // a base's town.
  const weak = placing
    .filter((r) => r.role?.weak && !inContext(r))
    .sort((a, b) => weakRank(a) - weakRank(b) || a.mention.start - b.mention.start);
  const near = !unknownHere.length && !strong.length && weak.length > 0;
  // An unknown village with its unit named in the sentence's own words ("the town of Kotogo ... in the Tillaberi
  // region"): the unit, not a road's end (another place). Not when the sentence names a town too, or a distance
  // ("20 km north of Djibo, Soum province" is an estimate from Djibo), nor for a bracketed hierarchy (its names
  // say where the village is, and a road's end beside it is close).
  const units = strong.filter((r) => {
    const kind = ctx.gazetteer.get(r.placeId as string)?.kind;
    return kind === 'admin1' || kind === 'admin2';
  });
  const byUnits = units.length > 0 && !strong.some(town) && !weak.some((r) => r.role?.km != null);
  // "a landmine in the Timbuktu region between Dire and Ber": a road inside the region says more than the region.
  const coarse = (r: Resolution) => !['place', 'admin2'].includes(entryOf(r).kind);
  // (Not a long road: "the Tessalit-Gao axis" runs 500 km, and the region says it better than either end.)
  // "struck by an IED south of Tessalit, Kidal Region": so does a town's direction, with no distance stated.
  const ends = weak.filter((r) => r.role?.role === 'route');
  const bearing = weak.find((r) => r.role?.role === 'near' && r.role.km === null);
  const road = ends[0] ?? bearing;
  const short =
    !!road &&
    (road === bearing ||
      ends.every((r) => haversineKm(entryOf(r).point, entryOf(road).point) <= SHORT_ROAD_KM));
  const roadInside =
    !!road &&
    short &&
    strong.length > 0 &&
    strong.every(coarse) &&
    strong.some((u) => liesIn(entryOf(road), entryOf(u)));
  // "Zorbagou (Douentza, Mopti)", a village the gazetteer lacks: somewhere in the cercle of Douentza, not near
  // its seat (the cercle runs 150 km across); the bracket names the unit when the gazetteer has it.
  const asUnit = (r: Resolution): Resolution => {
    const e = entryOf(r);
    const unit = inContext(r) && e.kind === 'place' && e.admin2 ? ctx.gazetteer.get(e.admin2) : undefined;
    if (!unit) return r;
    // (Only the unit of the name written: "Ségou" the cercle as well as its seat, not the cercle of a town
    // named otherwise.)
    const key = spacingFreeKey(r.mention.surface);
    const named =
      r.ranked.some((x) => x.id === unit.id) ||
      [unit.name, ...unit.aliases].some((n) => spacingFreeKey(n) === key);
    return named ? { ...r, placeId: unit.id } : r;
  };
  const resolved = unknownHere.length
    ? byUnits
      ? units
      : placing.map(asUnit)
    : strong.length && !roadInside
      ? strong
      : weak.length
        ? weak.slice(0, 1)
        : unreached
          ? measured.slice(0, 1)
          : placing.filter(isStrong);
  const setAside = candidates.filter((r) => !resolved.includes(r));
  const mission = resolved.length ? null : missionNear(tokens, trigger, missions, c);
  const embassy = mission ? embassyPlace(s, tokens, mission, doc, votes, ctx) : null;
  if (resolved.length) {
    const places = namedPlaces(
      s,
      resolved,
      unknownHere.length > 0 || near || roadInside || (unreached && !strong.length),
      c,
      ctx,
    );
    carry.named(s, places);
    return { places, mission, unknownHere, setAside };
  }
  // "A UN convoy was also attacked on the same day in the north of the country": the document's one country's
  // part of that name, when the gazetteer draws it ("northern Mali").
  const part = leaders.length === 1 ? countryPart(s.text, leaders[0]?.[0] as string, ctx) : undefined;
  if (part) return { places: [{ entry: part, precision: 2 }], mission, unknownHere, setAside };
  // "the US embassy evacuating non-emergency personnel": a diplomatic mission is in the host country's
  // capital, and the host is the country the document is about. Inferred, so "near" at best; before the
  // discourse rule, since an embassy is not where the previous sentence's events were.
  if (embassy) return { places: [{ entry: embassy, precision: 2 }], mission, unknownHere, setAside };
  const carried = mission ? null : carry.carried(s);
  if (carried) return { places: carried, mission, unknownHere, setAside };
  // "Three more people died in a similar attack on Wednesday": an event told with no place, in a document about
  // one country, happened in that country (its whole polygon: no finer guess).
  const only =
    leaders.length === 1 &&
    top >= 2 &&
    !mission &&
    !here.some((r) => r.status === 'resolved') &&
    ANOTHER_EVENT.test(s.text);
  const country = only ? ctx.gazetteer.get(`country:${leaders[0]?.[0] as string}`) : undefined;
  if (country) return { places: [{ entry: country, precision: 3 }], mission, unknownHere, setAside };
  return { places: [], mission, unknownHere, setAside };
}

const PART_OF_COUNTRY =
  /\b(?:in|across|to|from) the (north|south|east|west|centre|center)(?:ern part)? of the country\b/iu;
const PART_ADJECTIVE: Record<string, string> = {
  north: 'northern',
  south: 'southern',
  east: 'eastern',
  west: 'western',
  centre: 'central',
  center: 'central',
};

/** "in the north of the country" in a document about Mali: the vernacular region "northern Mali", if drawn. */
function countryPart(text: string, country: string, ctx: PipelineContext): GazetteerEntry | undefined {
  const m = PART_OF_COUNTRY.exec(text);
  const adjective = m ? PART_ADJECTIVE[(m[1] as string).toLowerCase()] : undefined;
  const name = adjective ? ctx.gazetteer.country(country)?.name : undefined;
  if (!adjective || !name) return undefined;
  const slug = fold(name).replace(/[^a-z0-9]+/g, '-');
  const e = ctx.gazetteer.get(`vern:${adjective}-${slug}`);
  return e?.kind === 'vernacular' ? e : undefined;
}

/**
 * "Thousands of students gathered in front of the ministry in Ouagadougou. They protested against ...": a sentence
 * with no event word may still set the scene the next event sentence takes. Only plain event places (no role, no
 * demonym, no bracketed hierarchy), and only towns, villages and admin-2 units: "across central and northern Mali"
 * in background prose is no scene.
 */
export function scenePlaces(
  s: Sentence,
  here: Resolution[],
  doc: PlaceDoc,
  c: ClaimTables,
  ctx: PipelineContext,
): Place[] {
  const usable = (r: Resolution, role: string): boolean => {
    if (r.status !== 'resolved' || !r.placeId || r.mention.via === 'demonym') return false;
    if ((r.role ? r.role.role : 'event') !== role || inSpans(doc.context ?? [], r.mention)) return false;
    const kind = ctx.gazetteer.get(r.placeId)?.kind;
    return kind === 'place' || kind === 'admin2';
  };
  const scene = here.filter((r) => usable(r, 'event'));
  if (scene.length) return namedPlaces(s, scene, false, c, ctx);
  // "militants stopped a truck between Namssiguia and Djibo. They seized the passengers' phones": a short road's
  // first end, near at best, as the claims stage places a road it is told of. (Not a long one: "Trade on the road
  // from Niamey to Ouagadougou has collapsed" says nothing of where the next sentence's killing was.)
  const ends = here.filter((r) => usable(r, 'route'));
  const first = ends[0];
  const point = (r: Resolution) => (ctx.gazetteer.get(r.placeId as string) as GazetteerEntry).point;
  const short =
    !!first && ends.length >= 2 && ends.every((r) => haversineKm(point(r), point(first)) <= SHORT_ROAD_KM);
  return first && short ? namedPlaces(s, [first], true, c, ctx) : [];
}

/** The finest places among those the sentence names, each with its precision; `near` (an unknown village's
 * unit, a weak cue's place) keeps only the first and makes it "near" at best. */
function namedPlaces(
  s: Sentence,
  resolved: Resolution[],
  unknown: boolean,
  c: ClaimTables,
  ctx: PipelineContext,
): Place[] {
  const places: Place[] = [];
  const all = resolved.map((r): { r: Resolution; e: GazetteerEntry; offset?: Offset; near?: boolean } => {
    const e = ctx.gazetteer.get(r.placeId as string) as GazetteerEntry;
    // "the capital of Burkina Faso" is Ouagadougou ("the provincial capital of Djibo" is Djibo).
    if (r.role?.role === 'capital' && e.kind === 'country' && e.country)
      return { r, e: ctx.claims.capitals.get(e.country) ?? e };
    // "30 km north of X" beyond the near threshold: an estimated point that far in that direction (ACLED's
    // "approximate coordinates"); with no direction, X's admin-1 region (within 100 km), else X's country.
    const bearing = r.role?.bearing;
    if (
      r.role?.role === 'reference' &&
      r.role.km !== null &&
      e.kind === 'place' &&
      bearing != null &&
      r.role.km <= OFFSET_KM
    )
      return { r, e, offset: { km: r.role.km, bearing } };
    // "an IED about 30km from Hombori", no direction: near Hombori (precision 2 says within 50 km), not the
    // whole Mopti region.
    if (
      r.role?.role === 'reference' &&
      r.role.km !== null &&
      e.kind === 'place' &&
      r.role.km <= NEAR_ESTIMATE_KM
    )
      return { r, e, near: true };
    if (r.role?.role === 'reference' && r.role.km !== null && e.kind === 'place') {
      const region = r.role.km <= REGION_KM && e.admin1 ? ctx.gazetteer.get(e.admin1) : undefined;
      const country = e.country ? ctx.gazetteer.country(e.country) : undefined;
      return { r, e: region ?? country ?? e };
    }
    return { r, e };
  });
  // "the Diondiori neighborhood in the town of Sevare", "camp 'Kandi' in Kidal": a place said to lie in another
  // but far from it is a namesake (the village Diondiori 70 km off, Benin's Kandi); the place it lies in stands.
  const strays = new Set(
    all
      .filter(
        ({ r, e }) =>
          e.kind === 'place' &&
          all.some(
            (o) =>
              o.r.mention.start >= r.mention.end &&
              IN_PLACE.test(s.text.slice(r.mention.end - s.start, o.r.mention.start - s.start)) &&
              !liesIn(e, o.e) &&
              // "Goundam in Timbuktu", "Diafarabe in Tenenkou circle": the town's unit of the name holds it.
              !o.r.ranked.some((x) => x.id === e.admin1 || x.id === e.admin2),
          ),
      )
      .map(({ r }) => r),
  );
  const entries = strays.size ? all.filter(({ r }) => !strays.has(r)) : all;
  // "Djiguibombo village in the town of Bandiagara": the second town is the first's seat, the unit it lies in.
  const seats = new Set(
    entries
      .filter(({ r }) =>
        entries.some(
          (o) =>
            o.r !== r &&
            o.r.mention.end <= r.mention.start &&
            IN_UNIT_OF.test(s.text.slice(o.r.mention.end - s.start, r.mention.start - s.start)),
        ),
      )
      .map(({ r }) => r),
  );
  const finest = Math.min(...entries.filter(({ r }) => !seats.has(r)).map(({ e }) => fineness(e)));
  const seen = new Set<string>();
  for (const { r, e, offset, near } of entries) {
    if (fineness(e) !== finest || seen.has(e.id) || seats.has(r)) continue;
    // An unknown village is placed at the first (most specific) unit named for it, "near" at best.
    if (unknown && places.length) break;
    seen.add(e.id);
    if (offset) {
      // An estimate: "near" within 50 km of the named town, "a larger region" beyond.
      places.push({ entry: e, precision: offset.km <= 50 ? 2 : 3, offset });
      continue;
    }
    if (near) {
      places.push({ entry: e, precision: 2 });
      continue;
    }
    const precision = geoPrecision(e, r, s, c);
    places.push({ entry: e, precision: unknown ? (Math.max(precision, 2) as GeoPrecision) : precision });
  }
  return places;
}

/** GeoNames codes of an area, not a settlement: a region, a reserve or park, a massif or plateau. A claim there is
 * somewhere in it (precision 2), not at the point the gazetteer gives for its centre. */
const AREA_CODES: ReadonlySet<string> = new Set([
  'AREA',
  'RGN',
  'RES',
  'RESF',
  'RESN',
  'RESW',
  'PRK',
  'MTS',
  'PLAT',
]);

const AREA_AFTER = /^\s+(?:area|zone|vicinity|surroundings|outskirts)\b/u;

function geoPrecision(e: GazetteerEntry, r: Resolution, s: Sentence, c: ClaimTables): GeoPrecision {
  if (e.kind === 'country' || e.kind === 'continent' || (e.kind === 'vernacular' && !e.country)) return 3;
  if (e.kind !== 'place' || (e.featureCode !== null && AREA_CODES.has(e.featureCode))) return 2;
  if (r.role?.role === 'near') return 2;
  // A qualifier within the four words before the name: "in the vicinity of Mopti", "near Gao".
  const before = s.text.slice(Math.max(0, r.mention.start - s.start - 40), r.mention.start - s.start);
  const toks = tokenize(fold(before)).slice(-5);
  if (c.qualifiers.find(toks).length) return 2;
  // ... or the word of area after it: "in the Bandiagara area" is "in the area of Bandiagara".
  const after = s.text.slice(r.mention.end - s.start, r.mention.end - s.start + 16);
  return AREA_AFTER.test(after) ? 2 : 1;
}
